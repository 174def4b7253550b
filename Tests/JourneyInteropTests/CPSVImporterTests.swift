import Foundation
@testable import JourneyInterop
import JourneyModel
import JourneyRDF
import Testing

/// CPSV-AP in: Lotsen's own exports (the round trip), SEMIC's example and Digdir's CPSV-AP-NO examples.
@Suite("CPSV-AP import")
struct CPSVImporterTests {
    static let fixtures = CPSVExporterTests.root.appendingPathComponent("Tests/JourneyInteropTests/Fixtures")

    func importFixture(_ path: String) throws(ImportError) -> CPSVImporter.Result {
        try CPSVImporter.importFile(at: Self.fixtures.appendingPathComponent(path), file: path)
    }

    @Test("export, import and export again gives the same graph", arguments: ["new-in-sweden", "starting-a-business"])
    func roundTrip(id: String) throws {
        let library = try CPSVExporterTests.library()
        let journey = try #require(library.journey(JourneyID(id)))
        let first = CPSVExporter(catalog: library.catalog).graph(for: journey)
        let turtle = CPSVExporter(catalog: library.catalog).turtle(for: journey)
        let imported = try CPSVImporter.importGraph(try TurtleParser.parse(turtle), file: "\(id).ttl")
        let again = try #require(imported.journeys.first)
        let second = CPSVExporter(catalog: AgencyCatalog(agencies: imported.agencies)).graph(for: again)
        #expect(second.isIsomorphic(to: first))
    }

    @Test("the imported files validate together, and exported again give the same graph", arguments: ["new-in-sweden", "starting-a-business"])
    func importedFilesValidate(id: String) throws {
        let library = try CPSVExporterTests.library()
        let journey = try #require(library.journey(JourneyID(id)))
        let turtle = CPSVExporter(catalog: library.catalog).turtle(for: journey)
        let result = try CPSVImporter.importGraph(try TurtleParser.parse(turtle), file: "\(id).ttl")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpsv-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in result.files {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
        }
        let reloaded = try JourneyLibrary.load(journeysDirectory: folder.appendingPathComponent("journeys"), adaptersDirectory: folder.appendingPathComponent("adapters"))
        #expect(!reloaded.diagnostics.hasErrors, "\(reloaded.diagnostics.map(\.description))")
        let reloadedJourney = try #require(reloaded.journey(JourneyID(id)))
        #expect(reloadedJourney.steps.count == journey.asDeclared.steps.count)
        let first = CPSVExporter(catalog: library.catalog).graph(for: journey)
        #expect(CPSVExporter(catalog: reloaded.catalog).graph(for: reloadedJourney).isIsomorphic(to: first))
    }

    @Test("SEMIC's example service imports from Turtle and from JSON-LD with the built-in context, its agency named")
    func semicExample() throws {
        for file in ["cpsv/semic-example-public-service.ttl", "cpsv/semic-example-public-service.jsonld"] {
            let result = try importFixture(file)
            let agency = try #require(result.agencies.first)
            #expect(agency.name.en == "Federal Public Service FINANCE")
            #expect(agency.services.map(\.title.en) == ["Tax-on-web"])
            #expect(result.journeys.isEmpty)
            #expect(result.warnings.contains { $0.message.contains("no life or business event") })
            #expect(result.warnings.contains { $0.message.contains("not imported") })
        }
    }

    @Test("Digdir's CPSV-AP-NO examples import: events become journeys, what does not fit is reported")
    func norwegianExamples() throws {
        let all = try importFixture("cpsv-ap-no/exAlleKlasser.ttl")
        #expect(!all.journeys.isEmpty)
        #expect(all.journeys.allSatisfy { !$0.steps.isEmpty })
        #expect(all.warnings.contains { $0.message.contains("stand in for English") })
        let harvested = try importFixture("cpsv-ap-no/fdk-harvest-response.ttl")
        #expect(harvested.warnings.contains { $0.message.contains("groups no public service described in this file") })
    }

    @Test("a malformed file fails with its line and column", arguments: ["cpsv-ap-no/exOffentligTjeneste.ttl"])
    func malformed(file: String) {
        do {
            _ = try importFixture(file)
            Issue.record("accepted")
        } catch {
            #expect(error.line == 77)
            #expect(error.column == 4)
            #expect(error.description.hasPrefix("cpsv-ap-no/exOffentligTjeneste.ttl:77:4: expected '.'"))
        }
    }

    @Test("a file with neither services nor events is refused")
    func nothingToImport() {
        #expect(throws: ImportError.self) { try importFixture("cpsv-ap-no/exGebyr.ttl") }
    }
}

@Suite("The built-in CPSV-AP context")
struct CPSVContextTests {
    @Test("SEMIC's JSON-LD example, read with the built-in context, is the same graph as its Turtle example")
    func semicExampleAgrees() throws {
        let folder = CPSVImporterTests.fixtures.appendingPathComponent("cpsv")
        let context = try JSONParser.parse(Array(CPSVContext.json.utf8))
        let documents = Dictionary(uniqueKeysWithValues: CPSVImporter.builtInContexts.map { ($0, context) })
        let jsonLD = try JSONLDParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent("semic-example-public-service.jsonld"))),
            base: "https://example.org/", documents: documents)
        let turtle = try TurtleParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent("semic-example-public-service.ttl"))),
            base: "https://example.org/")
        #expect(jsonLD.count == 67)
        #expect(jsonLD.isIsomorphic(to: turtle))
    }
}
