import Foundation
import Testing

/// `lotsen export cpsv` run as a user runs it.
@Suite("lotsen export cpsv writes the journey as CPSV-AP 3.2")
struct ExportCpsvTests {
    @Test("the Turtle export of a shipped journey is as reviewed")
    func turtleAsReviewed() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let result = try await runner.run(["export", "cpsv", "starting-a-business"])
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        try Golden.check(result.output, "export-cpsv-starting-a-business.ttl")
    }

    @Test("the JSON-LD export is JSON with a context of prefixes and a graph of nodes")
    func jsonLD() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let result = try await runner.run(["export", "cpsv", "new-in-sweden", "--format", "jsonld", "--base", "https://example.org/lotsen/"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((json["@context"] as? [String: String])?["cpsv"] == "http://purl.org/vocab/cpsv#")
        let nodes = try #require(json["@graph"] as? [[String: Any]])
        #expect(nodes.contains { $0["@id"] as? String == "https://example.org/lotsen/journeys/new-in-sweden" })
    }

    @Test("an unknown journey, format or base is refused with a hint")
    func refusals() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let unknown = try await runner.run(["export", "cpsv", "starting-a-busines"])
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("no journey 'starting-a-busines'"))
        #expect(unknown.error.contains("starting-a-business"))
        #expect(try await runner.run(["export", "cpsv", "new-in-sweden", "--format", "rdfxml"]).status == 64)
        #expect(try await runner.run(["export", "cpsv", "new-in-sweden", "--base", "ftp://x/"]).status == 64)
    }
}

/// `lotsen import cpsv` run as a user runs it.
@Suite("lotsen import cpsv makes adapter and journey files")
struct ImportCpsvTests {
    @Test("an export imported into a folder gives files lotsen validate accepts, and existing files are kept")
    func importsExport() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let exported = try await runner.run(["export", "cpsv", "starting-a-business"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-cpsv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("starting-a-business.ttl")
        try Data(exported.output.utf8).write(to: file)
        let out = folder.appendingPathComponent("out").path
        let imported = try await runner.run(["import", "cpsv", file.path, "--output", out])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.error.contains("Wrote \(out)/journeys/starting-a-business.yaml"))
        let validated = try await runner.run(["validate", "--journeys", out + "/journeys", "--adapters", out + "/adapters"])
        #expect(validated.status == 0, "\(validated.output)\(validated.error)")
        let again = try await runner.run(["import", "cpsv", file.path, "--output", out])
        #expect(again.status == 1)
        #expect(again.error.contains("already exists"))
    }

    @Test("a malformed catalogue fails naming its line and column")
    func malformed() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let result = try await runner.run(["import", "cpsv", "Tests/JourneyInteropTests/Fixtures/cpsv-ap-no/exOffentligTjeneste.ttl"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("error: Tests/JourneyInteropTests/Fixtures/cpsv-ap-no/exOffentligTjeneste.ttl:77:4: expected '.' at the end of the statement"))
    }
}
