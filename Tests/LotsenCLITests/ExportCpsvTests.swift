import Foundation
import Testing

/// `lotsen export cpsv` run as a user runs it.
@Suite("lotsen export cpsv writes the journey as CPSV-AP 3.2")
struct ExportCpsvTests {
    @Test("the Turtle export of a shipped journey is as reviewed")
    func turtleAsReviewed() throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let result = try runner.run(["export", "cpsv", "starting-a-business"])
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        try Golden.check(result.output, "export-cpsv-starting-a-business.ttl")
    }

    @Test("the JSON-LD export is JSON with a context of prefixes and a graph of nodes")
    func jsonLD() throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let result = try runner.run(["export", "cpsv", "new-in-sweden", "--format", "jsonld", "--base", "https://example.org/lotsen/"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((json["@context"] as? [String: String])?["cpsv"] == "http://purl.org/vocab/cpsv#")
        let nodes = try #require(json["@graph"] as? [[String: Any]])
        #expect(nodes.contains { $0["@id"] as? String == "https://example.org/lotsen/journeys/new-in-sweden" })
    }

    @Test("an unknown journey, format or base is refused with a hint")
    func refusals() throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let unknown = try runner.run(["export", "cpsv", "starting-a-busines"])
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("no journey 'starting-a-busines'"))
        #expect(unknown.error.contains("starting-a-business"))
        #expect(try runner.run(["export", "cpsv", "new-in-sweden", "--format", "rdfxml"]).status == 64)
        #expect(try runner.run(["export", "cpsv", "new-in-sweden", "--base", "ftp://x/"]).status == 64)
    }
}
