import Foundation
import JourneyInterop
import JourneyModel
import JourneyRDF
import Testing

/// The shipped journeys exported as CPSV-AP 3.2 (the SHACL shapes themselves are checked by scripts/rdf-check).
@Suite("CPSV-AP export")
struct CPSVExporterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func library() throws -> JourneyLibrary {
        try JourneyLibrary.load(journeysDirectory: root.appendingPathComponent("journeys"), adaptersDirectory: root.appendingPathComponent("adapters"))
    }

    let cv = "http://data.europa.eu/m8g/", dct = "http://purl.org/dc/terms/", cpsv = "http://purl.org/vocab/cpsv#"

    @Test("each step with an agency service is a public service of that agency, grouped by the journey's event", arguments: ["becoming-a-parent", "new-in-sweden", "starting-a-business", "to-and-from-sweden"])
    func services(id: String) throws {
        let library = try Self.library()
        let journey = try #require(library.journey(JourneyID(id)))
        let graph = CPSVExporter(catalog: library.catalog).graph(for: journey)
        let services = graph.subjects(ofType: cpsv + "PublicService")
        // A step repeated for each household member is one service, as the file declares it.
        #expect(services.count == journey.asDeclared.steps.filter { $0.service != nil }.count)
        let event = RDFTerm.iri("https://lotsen.se/id/journeys/\(id)")
        #expect(graph.subjects(ofType: journey.lifeEvent!.isBusinessEvent ? cv + "BusinessEvent" : cv + "LifeEvent") == [event])
        for service in services {
            let authority = try #require(graph.objects(service, cv + "hasCompetentAuthority").first)
            #expect(graph.contains(RDFTriple(authority, .iri(RDF.type), .iri(cv + "PublicOrganisation"))))
            #expect(graph.objects(service, cv + "isGroupedBy") == [event])
            #expect(graph.objects(service, dct + "identifier").count == 1)
        }
    }

    @Test("every text is tagged with each of the journey's languages", arguments: ["becoming-a-parent", "new-in-sweden", "starting-a-business", "to-and-from-sweden"])
    func languages(id: String) throws {
        let library = try Self.library()
        let journey = try #require(library.journey(JourneyID(id)))
        let graph = CPSVExporter(catalog: library.catalog).graph(for: journey)
        var tagged: [String: Set<String>] = [:]
        for triple in graph.triples {
            guard let literal = triple.object.literalValue, let language = literal.language else { continue }
            tagged["\(triple.subject) \(triple.predicate)", default: []].insert(language)
        }
        #expect(!tagged.isEmpty)
        for (place, languages) in tagged { #expect(languages == ["sv", "en"], "\(place)") }
    }

    @Test("prerequisites become dct:requires between services, and conditions CCCEV constraints on information concepts")
    func prerequisitesAndConditions() throws {
        let library = try Self.library()
        let journey = try #require(library.journey(JourneyID("new-in-sweden")))
        let graph = CPSVExporter(catalog: library.catalog).graph(for: journey)
        let step = "https://lotsen.se/id/journeys/new-in-sweden/steps/"
        #expect(graph.objects(.iri(step + "population-registration"), dct + "requires") == [.iri(step + "residence-permit")])
        let constraint = RDFTerm.iri(step + "residence-permit/condition")
        #expect(graph.contains(RDFTriple(constraint, .iri(RDF.type), .iri(cv + "Constraint"))))
        #expect(graph.objects(constraint, "https://lotsen.se/ns#condition") == [.string("citizenship not in EU_EEA_CH")])
        #expect(graph.objects(constraint, cv + "constrains") == [.iri("https://lotsen.se/id/journeys/new-in-sweden/facts/citizenship")])
        #expect(graph.objects(.iri(step + "residence-permit"), cv + "processingTime") == [.typed("P4M", XSD.duration)])
    }

    @Test("the Turtle and the JSON-LD written read back as the same graph", arguments: ["becoming-a-parent", "new-in-sweden", "starting-a-business", "to-and-from-sweden"])
    func formatsAgree(id: String) throws {
        let library = try Self.library()
        let journey = try #require(library.journey(JourneyID(id)))
        let exporter = CPSVExporter(catalog: library.catalog)
        let graph = exporter.graph(for: journey)
        #expect(try TurtleParser.parse(exporter.turtle(for: journey)).isIsomorphic(to: graph))
        #expect(try JSONLDParser.parse(Array(exporter.jsonLD(for: journey).utf8)).isIsomorphic(to: graph))
    }
}
