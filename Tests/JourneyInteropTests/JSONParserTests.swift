import Testing

@testable import JourneyInterop
@testable import JourneyRDF

@Suite("The JSON reader accepts JSON only and says where it is not")
struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test("objects, lists, escapes and surrogate pairs read as written")
    func readsJSON() throws {
        let value = try parse(#"{"a": [1, -2.5e3, true, false, null], "b": "x\u00e9\ud83d\ude00\n\"", "a": "last"}"#)
        #expect(value["b"]?.string == "xé😀\n\"")
        #expect(value["a"]?.string == "last")
    }

    @Test("a comma before a closing brace is reported at its line and column")
    func trailingComma() {
        #expect(throws: JSONParser.SyntaxError(line: 2, column: 9, message: "a comma before '}' is not allowed in JSON")) {
            try parse("{\n  \"a\": 1,\n}")
        }
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() {
        let error = #expect(throws: JSONParser.SyntaxError.self) { try parse("{\"å\": ä}") }
        #expect(error?.column == 7)
    }

    @Test("nesting deeper than the limit is refused without exhausting the stack")
    func deepNesting() {
        let error = #expect(throws: JSONParser.SyntaxError.self) { try parse(String(repeating: "[", count: 200_000)) }
        #expect(error?.message.contains("nested more than 64 levels") == true)
        #expect(error?.column == 65)
    }

    @Test("what JSON does not allow is refused", arguments: [
        "{'a': 1}", "[1,]", "{\"a\" 1}", "\"\u{01}\"", "\"\\ud800\"", "\"\\udc00\"", "01", "1.", "tru", "[1] 2", "", "// c\n{}", "\"\\x41\"",
    ])
    func refusesNonJSON(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parse(text) }
    }

    @Test("invalid UTF-8 inside text is refused")
    func invalidUTF8() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }
}
