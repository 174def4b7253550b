import JourneyRDF
import Testing

@Suite("Turtle syntax errors")
struct TurtleSyntaxErrorTests {
    func error(_ text: String) -> RDFSyntaxError? {
        do {
            _ = try TurtleParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("an undeclared prefix names its line and column and says how to declare it")
    func undeclaredPrefix() {
        let failure = error("@prefix ex: <http://example.org/> .\nex:s ex:p\n   dct:o .")
        #expect(failure?.line == 3)
        #expect(failure?.column == 4)
        #expect(failure?.message == "the prefix 'dct:' is not declared; add '@prefix dct: <…> .' before it")
    }

    @Test("columns count characters, not bytes")
    func columnsInCharacters() {
        let failure = error("<a:s> <a:p> \"åäö\" ; <a:q> ?")
        #expect(failure?.line == 1)
        #expect(failure?.column == 27)
    }

    @Test("an unclosed string points at where it starts")
    func unclosedString() {
        let failure = error("<a:s> <a:p>\n  \"\"\"open\n\nstill")
        #expect(failure?.description == "2:3: the string that starts at 2:3 is not closed")
    }

    @Test("a missing dot, a line break in a short string, a space in an IRI and a literal subject are each refused")
    func refusals() {
        #expect(error("<a:s> <a:p> <a:o>")?.message == "expected '.' at the end of the statement, found the end of the file")
        #expect(error("<a:s> <a:p> \"a\nb\" .")?.line == 1)
        #expect(error("<a:s> <a:p> <a b> .")?.message == "a space is not allowed in an IRI; write it as %20")
        #expect(error("\"x\" <a:p> <a:o> .")?.message == "a literal cannot be the subject of a statement")
        #expect(error("<a:s> \"p\" <a:o> .") != nil)
        #expect(error("<a:s> _:p <a:o> .")?.message == "a blank node cannot be a predicate")
        #expect(error("<a:s> <a:p> \"x\\q\" .") != nil)
        #expect(error("<a:s> <a:p> \"x\"@ .") != nil)
        #expect(error("<a:s> <a:p> [ <a:q> <a:r> .") != nil)
        #expect(error("<a:s> <a:p> ( 1 2 .") != nil)
        #expect(error("@prefix ex <http://example.org/> .") != nil)
        #expect(error("<a:s> <a:p> \"\\uD800\" .") != nil)
    }

    @Test("invalid UTF-8 is refused where it is")
    func invalidUTF8() {
        do {
            _ = try TurtleParser.parse(Array("<a:s> <a:p> \"".utf8) + [0xFF] + Array("\" .".utf8))
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.line == 1)
            #expect(error.column == 14)
        }
    }

    @Test("nesting deeper than the limit is refused rather than exhausting the stack")
    func depth() {
        let deep = "<a:s> <a:p> " + String(repeating: "[ <a:p> ", count: 10_000) + String(repeating: "] ", count: 10_000) + "."
        #expect(error(deep)?.message.contains("nested more than") == true)
    }
}
