import JourneyRDF
import Testing

@Suite("Turtle serializer")
struct TurtleSerializerTests {
    let prefixes = [(prefix: "ex", namespace: "http://example.org/"), (prefix: "xsd", namespace: XSD.ns)]

    @Test("a graph written and read again is the same graph")
    func roundTrip() throws {
        let source = #"""
            @prefix ex: <http://example.org/> .
            ex:s a ex:T ; ex:p "a\"b\\c"@en, """two
            lines""", 12, -1.5, 2e10, true, "x"^^ex:dt, "01"^^<http://www.w3.org/2001/XMLSchema#integer> ;
                ex:list (1 [ ex:q 2 ] (ex:a)) , () ;
                ex:node [ ex:r [ ex:t ex:u ] ] ;
                ex:shared _:n .
            ex:other ex:shared _:n .
            _:c1 ex:next _:c2 . _:c2 ex:next _:c1 .
            _:self ex:is _:self .
            <http://example.org/path/å?q=1> ex:p ex:bad.local, <http://example.org/ok-local> .
            """#
        let graph = try TurtleParser.parse(source)
        let text = TurtleSerializer(prefixes: prefixes).serialize(graph)
        let again = try TurtleParser.parse(text)
        #expect(again.isIsomorphic(to: graph), "\(text)")
    }

    @Test("output groups a subject's statements, writes type first, blank nodes inline and only the prefixes used")
    func layout() throws {
        let graph = try TurtleParser.parse("""
            @prefix ex: <http://example.org/> .
            ex:s ex:p "x"@sv ; a ex:T ; ex:p "y"@en ; ex:n [ ex:q 1 ] ; ex:l (1 2) .
            """)
        let text = TurtleSerializer(prefixes: prefixes).serialize(graph)
        #expect(text == """
            @prefix ex: <http://example.org/> .

            ex:s a ex:T ;
                ex:p "x"@sv, "y"@en ;
                ex:n [
                    ex:q 1
                ] ;
                ex:l ( 1 2 ) .

            """)
    }
}
