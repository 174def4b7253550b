import JourneyRDF
import Testing

@Suite("JSON-LD to RDF")
struct JSONLDParserTests {
    func parse(_ text: String, base: String? = "https://example.org/doc", documents: [String: JSONValue] = [:]) throws(RDFSyntaxError) -> RDFGraph {
        try JSONLDParser.parse(Array(text.utf8), base: base, documents: documents)
    }

    func turtle(_ text: String) throws -> RDFGraph { try TurtleParser.parse(text, base: "https://example.org/doc") }

    @Test("@context terms, prefixes, @vocab, @base, @id, @type and a default @language give the same graph as the Turtle")
    func basics() throws {
        let graph = try parse("""
            {"@context": {"ex": "http://example.org/ns#", "@vocab": "http://example.org/vocab#", "@language": "sv",
                          "name": "ex:name", "knows": {"@id": "ex:knows", "@type": "@id"}, "age": {"@id": "ex:age", "@type": "ex:years"}},
             "@id": "people/a", "@type": ["ex:Person", "Agent"], "name": "Anna", "knows": "people/b", "age": "40",
             "plain": {"@value": "x", "@language": "en"}, "count": 3, "ratio": 1.5, "flag": true, "none": null}
            """)
        let expected = try turtle("""
            @prefix ex: <http://example.org/ns#> . @prefix v: <http://example.org/vocab#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            <people/a> a ex:Person, v:Agent ; ex:name "Anna"@sv ; ex:knows <people/b> ; ex:age "40"^^ex:years ;
                v:plain "x"@en ; v:count 3 ; v:ratio "1.5E0"^^xsd:double ; v:flag true .
            """)
        #expect(graph.isIsomorphic(to: expected), "\(graph.nTriples)")
    }

    @Test("@graph, nested node objects, blank nodes, @list, @set and a language map")
    func structure() throws {
        let graph = try parse("""
            {"@context": {"ex": "http://example.org/", "items": {"@id": "ex:items", "@container": "@list"},
                          "label": {"@id": "ex:label", "@container": "@language"}},
             "@graph": [
               {"@id": "ex:s", "ex:child": {"ex:name": "inner"}, "items": [1, "two"], "ex:tags": {"@set": ["a", "b"]},
                "label": {"sv": "hej", "en": ["hi", "hello"]}, "ex:same": {"@id": "_:x"}},
               {"@id": "_:x", "ex:name": "shared"}
             ]}
            """)
        let expected = try turtle("""
            @prefix ex: <http://example.org/> .
            ex:s ex:child [ ex:name "inner" ] ; ex:items (1 "two") ; ex:tags "a", "b" ; ex:label "hej"@sv, "hi"@en, "hello"@en ; ex:same _:x .
            _:x ex:name "shared" .
            """)
        #expect(graph.isIsomorphic(to: expected), "\(graph.nTriples)")
    }

    @Test("nested and property-scoped contexts apply where they are, and a context by IRI comes from the documents given")
    func contexts() throws {
        let remote = try JSONParser.parse(Array(#"{"@context": {"ex": "http://example.org/", "title": "ex:title"}}"#.utf8))
        let graph = try parse("""
            {"@context": ["https://contexts.example/ctx.jsonld", {"inner": {"@id": "ex:inner", "@context": {"title": "ex:heading"}}}],
             "@id": "ex:s", "title": "outer", "inner": {"@id": "ex:o", "title": "scoped",
               "deeper": {"@context": {"deeper": null, "title": "ex:caption"}, "title": "nested"}}}
            """, documents: ["https://contexts.example/ctx.jsonld": remote])
        let expected = try turtle("""
            @prefix ex: <http://example.org/> .
            ex:s ex:title "outer" ; ex:inner ex:o . ex:o ex:heading "scoped" .
            """)
        #expect(graph.isIsomorphic(to: expected), "\(graph.nTriples)")
    }

    @Test("a context that is not available offline is refused, saying how to supply it")
    func missingContext() {
        #expect(throws: RDFSyntaxError.self) { try parse(#"{"@context": "https://nowhere.example/c.jsonld", "@id": "x"}"#) }
        do {
            _ = try parse(#"{"@context": "https://nowhere.example/c.jsonld", "@id": "x"}"#)
        } catch {
            #expect(error.message.contains("--context FILE"))
        }
    }

    @Test("JSON that is not JSON fails with its line and column")
    func syntax() {
        do {
            _ = try parse("{\n  \"@id\": \"x\",\n}")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 13)
        }
    }

    @Test("canonical doubles are written as XSD does")
    func doubles() throws {
        let graph = try parse(#"{"http://example.org/p": [1500.0, 0.00125, -2.5e10, 1.0]}"#)
        let lexical = Set(graph.triples.compactMap { $0.object.literalValue?.lexical })
        #expect(lexical == ["1.5E3", "1.25E-3", "-2.5E10", "1"] || lexical == ["1.5E3", "1.25E-3", "-2.5E10", "1.0E0"])
    }
}
