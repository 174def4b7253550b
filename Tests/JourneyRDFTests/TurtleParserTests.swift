import JourneyRDF
import Testing

@Suite("Turtle parser")
struct TurtleParserTests {
    let ex = "http://example.org/"

    func parse(_ text: String, base: String? = nil) throws -> RDFGraph { try TurtleParser.parse(text, base: base) }

    @Test("prefixed names expand with @prefix and SPARQL-style PREFIX, in any case")
    func prefixes() throws {
        let graph = try parse("""
            @prefix ex: <http://example.org/> .
            PREFIX dct: <http://purl.org/dc/terms/>
            prefix : <http://example.org/empty#>
            ex:s dct:title :o ; ex:p ex: .
            """)
        #expect(graph.contains(RDFTriple(.iri(ex + "s"), .iri("http://purl.org/dc/terms/title"), .iri("http://example.org/empty#o"))))
        #expect(graph.contains(RDFTriple(.iri(ex + "s"), .iri(ex + "p"), .iri(ex))))
    }

    @Test("relative IRIs resolve against the base given and then against each @base")
    func base() throws {
        let graph = try parse("""
            <a> <b> <../c> .
            @base <http://other.example/x/y/> .
            <d> <#e> </f?g> .
            BASE <z/>
            <h> <i> <> .
            """, base: "http://example.org/one/two")
        #expect(graph.contains(RDFTriple(.iri(ex + "one/a"), .iri(ex + "one/b"), .iri(ex + "c"))))
        #expect(graph.contains(RDFTriple(.iri("http://other.example/x/y/d"), .iri("http://other.example/x/y/#e"), .iri("http://other.example/f?g"))))
        #expect(graph.contains(RDFTriple(.iri("http://other.example/x/y/z/h"), .iri("http://other.example/x/y/z/i"), .iri("http://other.example/x/y/z/"))))
    }

    @Test("local names take escapes, percent codes, colons and inner dots, but not a final dot")
    func localNames() throws {
        let graph = try parse("@prefix ex: <http://example.org/> . ex:a\\-b ex:c:d ex:e%20f.g.\n")
        #expect(graph.triples == [RDFTriple(.iri(ex + "a-b"), .iri(ex + "c:d"), .iri(ex + "e%20f.g"))])
    }

    @Test("blank nodes: a label is one node in the document, [] and [ … ] are new ones, nested as deep as written")
    func blankNodes() throws {
        let graph = try parse("""
            @prefix ex: <http://example.org/> .
            _:x ex:p _:x , [] , [ ex:q [ ex:r 1 ] ] .
            [ ex:s 2 ] .
            [ ex:t 3 ] ex:u 4 .
            """)
        #expect(graph.count == 8)
        let expected = try parse("""
            @prefix ex: <http://example.org/> .
            _:a ex:p _:a, _:b, _:c . _:c ex:q _:d . _:d ex:r 1 .
            _:e ex:s 2 . _:f ex:t 3 ; ex:u 4 .
            """)
        #expect(graph.isIsomorphic(to: expected))
    }

    @Test("collections become rdf:first / rdf:rest chains ending in rdf:nil, and () is rdf:nil")
    func collections() throws {
        let graph = try parse("@prefix ex: <http://example.org/> . ex:s ex:p (1 (ex:a) []) ; ex:q () .")
        let expected = try parse("""
            @prefix ex: <http://example.org/> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            ex:s ex:p _:l1 ; ex:q rdf:nil .
            _:l1 rdf:first 1 ; rdf:rest _:l2 .
            _:l2 rdf:first _:in ; rdf:rest _:l3 .
            _:in rdf:first ex:a ; rdf:rest rdf:nil .
            _:l3 rdf:first _:anon ; rdf:rest rdf:nil .
            """)
        #expect(graph.isIsomorphic(to: expected))
    }

    @Test("literals keep their language tag, datatype and lexical form; numbers and booleans get their XSD types")
    func literals() throws {
        let graph = try parse("""
            @prefix ex: <http://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            ex:s ex:p "hej"@sv-SE, 'x'^^xsd:token, "5"^^<http://www.w3.org/2001/XMLSchema#int>,
                -01, +2.50, .5, 1.e3, 4E-2, true, false .
            """)
        let objects = Set(graph.triples.map(\.object))
        #expect(objects.contains(.text("hej", language: "sv-SE")))
        #expect(objects.contains(.typed("x", XSD.ns + "token")))
        #expect(objects.contains(.typed("5", XSD.ns + "int")))
        #expect(objects.contains(.typed("-01", XSD.integer)))
        #expect(objects.contains(.typed("+2.50", XSD.decimal)))
        #expect(objects.contains(.typed(".5", XSD.decimal)))
        #expect(objects.contains(.typed("1.e3", XSD.double)))
        #expect(objects.contains(.typed("4E-2", XSD.double)))
        #expect(objects.contains(.typed("true", XSD.boolean)))
        #expect(objects.contains(.typed("false", XSD.boolean)))
    }

    @Test("an integer directly before the statement's dot is an integer")
    func integerBeforeDot() throws {
        let graph = try parse("<http://example.org/s> <http://example.org/p> 7.")
        #expect(graph.triples.first?.object == .typed("7", XSD.integer))
    }

    @Test("long strings span lines and keep quotes; escapes and \\u, \\U are decoded")
    func strings() throws {
        let graph = try parse(#"""
            <http://example.org/s> <http://example.org/p> """Rad ett
            "rad" två""", '''it's''', "tab\tnew\nq\"\u00E5\U0001F600", '\'' .
            """#)
        let objects = Set(graph.triples.map(\.object))
        #expect(objects.contains(.string("Rad ett\n\"rad\" två")))
        #expect(objects.contains(.string("it's")))
        #expect(objects.contains(.string("tab\tnew\nq\"å😀")))
        #expect(objects.contains(.string("'")))
    }

    @Test("the same triple written twice is one triple")
    func duplicates() throws {
        #expect(try parse("<a:s> <a:p> <a:o> . <a:s> <a:p> <a:o>, <a:o> .").count == 1)
    }

    @Test("comments, a byte order mark and trailing semicolons are allowed")
    func comments() throws {
        let graph = try parse("\u{FEFF}# head\n<a:s> <a:p> <a:o> ;; # c\n <a:q> \"#not a comment\" ; .\n# end")
        #expect(graph.count == 2)
    }
}
