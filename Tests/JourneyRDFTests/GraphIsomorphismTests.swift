import JourneyRDF
import Testing

@Suite("Graph isomorphism")
struct GraphIsomorphismTests {
    func graph(_ text: String) throws -> RDFGraph { try TurtleParser.parse("@prefix : <http://example.org/> .\n" + text) }

    @Test("graphs that differ only in blank-node labels are isomorphic")
    func relabelled() throws {
        #expect(try graph("_:a :p _:b . _:b :p _:c . _:c :q 1 .").isIsomorphic(to: graph("_:z :p _:y . _:y :p _:x . _:x :q 1 .")))
    }

    @Test("graphs with different structure around blank nodes are not")
    func different() throws {
        #expect(try !graph("_:a :p _:b . _:b :p _:a .").isIsomorphic(to: graph("_:a :p _:a . _:b :p _:b .")))
        #expect(try !graph(":s :p 1 .").isIsomorphic(to: graph(":s :p 2 .")))
        #expect(try !graph("_:a :p 1 . _:b :p 1 .").isIsomorphic(to: graph("_:a :p 1 .")))
    }

    @Test("symmetric graphs that colour refinement cannot split are settled by search")
    func symmetric() throws {
        // Two triangles against one hexagon: every node looks the same to refinement.
        let triangles = try graph("_:a :p _:b . _:b :p _:c . _:c :p _:a . _:d :p _:e . _:e :p _:f . _:f :p _:d .")
        let hexagon = try graph("_:a :p _:b . _:b :p _:c . _:c :p _:d . _:d :p _:e . _:e :p _:f . _:f :p _:a .")
        #expect(!triangles.isIsomorphic(to: hexagon))
        #expect(try triangles.isIsomorphic(to: graph("_:u :p _:v . _:v :p _:w . _:w :p _:u . _:x :p _:y . _:y :p _:z . _:z :p _:x .")))
    }
}
