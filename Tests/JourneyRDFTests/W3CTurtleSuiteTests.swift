import Foundation
import JourneyRDF
import Testing

/// The W3C RDF 1.1 Turtle test suite (Fixtures/w3c-turtle): every evaluation test gives the expected graph,
/// every positive syntax test is accepted and every negative one refused.
@Suite("W3C Turtle test suite")
struct W3CTurtleSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/w3c-turtle")
    static let testBase = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let kind: String
        let action: String
        let result: String?
        var testDescription: String { name }
    }

    static func cases() throws -> [Case] {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("manifest.ttl")))
        let manifest = try TurtleParser.parse(bytes, base: testBase + "manifest.ttl")
        let rdft = "http://www.w3.org/ns/rdftest#", mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
        var cases: [Case] = []
        for kind in ["TestTurtleEval", "TestTurtlePositiveSyntax", "TestTurtleNegativeSyntax", "TestTurtleNegativeEval"] {
            for test in manifest.subjects(ofType: rdft + kind) {
                guard let action = manifest.objects(test, mf + "action").first?.iriValue else { continue }
                let result = manifest.objects(test, mf + "result").first?.iriValue
                cases.append(Case(name: String(test.iriValue!.split(separator: "#").last!), kind: kind, action: (action as NSString).lastPathComponent,
                    result: result.map { ($0 as NSString).lastPathComponent }))
            }
        }
        return cases.sorted { $0.name < $1.name }
    }

    @Test("the manifest lists the whole suite")
    func manifest() throws {
        #expect(try Self.cases().count >= 300)
    }

    @Test("each test of the suite passes", arguments: try cases())
    func suite(_ test: Case) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(test.action)))
        let parsed = Result { try TurtleParser.parse(bytes, base: Self.testBase + test.action) }
        switch test.kind {
        case "TestTurtleNegativeSyntax", "TestTurtleNegativeEval":
            if case .success(let graph) = parsed { Issue.record("accepted: \(graph.nTriples.prefix(300))") }
        case "TestTurtlePositiveSyntax":
            if case .failure(let error) = parsed { Issue.record("refused: \(error)") }
        default:
            let graph = try parsed.get()
            let expectedBytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(test.result!)))
            let expected = try TurtleParser.parse(expectedBytes, base: Self.testBase + test.result!)
            #expect(graph.isIsomorphic(to: expected), "got\n\(graph.nTriples)\nexpected\n\(expected.nTriples)")
            // The serializer writes what the suite exercises (escapes, odd names, numbers, lists) so it reads back the same.
            let prefixes = [(prefix: "ex", namespace: "http://www.w3.org/2013/TurtleTests/"), (prefix: "xsd", namespace: XSD.ns), (prefix: "rdf", namespace: RDF.ns)]
            let written = TurtleSerializer(prefixes: prefixes).serialize(graph)
            #expect(try TurtleParser.parse(written).isIsomorphic(to: graph), "\(written)")
        }
    }
}
