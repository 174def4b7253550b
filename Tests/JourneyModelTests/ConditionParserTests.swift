import Testing

@testable import JourneyModel

@Suite("Condition parser")
struct ConditionParserTests {
    /// The parsed tree as an S-expression, which shows the grouping precedence produced.
    private func tree(_ source: String) throws -> String {
        try Condition.parse(source).syntax.tree
    }

    /// The syntax error a source produces; fails the test if it parses.
    private func syntaxError(_ source: String) -> ConditionError? {
        do {
            _ = try Condition.parse(source)
            Issue.record("expected a syntax error for \(source)")
            return nil
        } catch {
            return error
        }
    }

    @Test("not binds tighter than and, which binds tighter than or", arguments: [
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("a or b or c", "(or a b c)"),
        ("a and b and c", "(and a b c)"),
        ("not a and b", "(and (not a) b)"),
        ("not a or b", "(or (not a) b)"),
        ("a or not b and c", "(or a (and (not b) c))"),
        ("not not a", "(not (not a))"),
    ])
    func precedence(source: String, expected: String) throws {
        #expect(try tree(source) == expected)
    }

    @Test("parentheses override precedence and may nest", arguments: [
        ("(a or b) and c", "(and (or a b) c)"),
        ("not (a and b)", "(not (and a b))"),
        ("((a))", "a"),
        ("a and (b or (c and not d))", "(and a (or b (and c (not d))))"),
    ])
    func parentheses(source: String, expected: String) throws {
        #expect(try tree(source) == expected)
    }

    @Test("a comparison binds tighter than not, and, or")
    func comparisonBindsTightest() async throws {
        #expect(try tree("not age > 18") == "(not (> age 18))")
        #expect(try tree("age >= 18 and citizenship not in EU_EEA or x is known")
            == "(or (and (>= age 18) (not-in citizenship EU_EEA)) (known x))")
    }

    @Test("every comparison operator", arguments: ["==", "!=", "<", "<=", ">", ">="])
    func comparisonOperators(op: String) async throws {
        #expect(try tree("age \(op) 18") == "(\(op) age 18)")
        #expect(try tree("age\(op)18") == "(\(op) age 18)")
    }

    @Test("in and not in take a set name or a list of literals")
    func membership() async throws {
        #expect(try tree("citizenship in EU_EEA") == "(in citizenship EU_EEA)")
        #expect(try tree("citizenship not in NORDIC") == "(not-in citizenship NORDIC)")
        #expect(try tree(#"citizenship in ["DE", 'FR']"#) == #"(in citizenship ["DE" "FR"])"#)
        #expect(try tree("x in [1, 2.5, true, false]") == "(in x [1 2.5 true false])")
        #expect(try tree("not citizenship in EU") == "(not (in citizenship EU))")
    }

    @Test("is known and is not known follow an operand")
    func known() async throws {
        #expect(try tree("personnummer is known") == "(known personnummer)")
        #expect(try tree("personnummer is not known") == "(unknown personnummer)")
        #expect(try tree("not personnummer is known and a") == "(and (not (known personnummer)) a)")
    }

    @Test("literals: quoted strings with escapes, numbers, booleans", arguments: [
        (#"x == "a b""#, #"(== x "a b")"#),
        ("x == 'single'", #"(== x "single")"#),
        (#"x == "say \"hi\"""#, #"(== x "say "hi"")"#),
        (#"x == 'it\'s'"#, #"(== x "it's")"#),
        (#"x == "back\\slash""#, #"(== x "back\slash")"#),
        ("x == 'double \" inside'", #"(== x "double " inside")"#),
        ("x == 007", "(== x 7)"),
        ("x == 2.50", "(== x 2.5)"),
        ("x == true", "(== x true)"),
        ("false", "false"),
    ])
    func literals(source: String, expected: String) throws {
        #expect(try tree(source) == expected)
    }

    @Test("white space, including line breaks from folded YAML, separates tokens")
    func whitespace() async throws {
        #expect(try tree("  a\n  and\tb  ") == "(and a b)")
        #expect(try tree("(a)or(b)") == "(or a b)")
    }

    @Test("fact names may contain upper case letters, digits and underscores after a lower-case letter")
    func factNames() async throws {
        #expect(try tree("hasChildren_2 and x9") == "(and hasChildren_2 x9)")
    }

    @Test("nodes carry character ranges that include their parentheses")
    func ranges() async throws {
        let parsed = try Condition.parse("a and (b or c)")
        #expect(parsed.syntax.range == 0..<14)
        guard case .and(let operands) = parsed.syntax.kind else {
            Issue.record("expected and")
            return
        }
        #expect(operands.map(\.range) == [0..<1, 6..<14])
    }

    struct SyntaxErrorCase: Sendable, CustomTestStringConvertible {
        let source: String
        let range: Range<Int>
        let message: String
        let hint: String?
        var testDescription: String { source.isEmpty ? "(empty)" : source }
    }

    @Test("syntax errors point at the offending token with a message and a hint", arguments: [
        SyntaxErrorCase(source: "", range: 0..<0, message: "empty condition", hint: "write a condition, for example 'hasChildren'"),
        SyntaxErrorCase(source: "   ", range: 0..<3, message: "empty condition", hint: "write a condition, for example 'hasChildren'"),
        SyntaxErrorCase(source: #"citizenship == "DE"#, range: 15..<18, message: "unterminated string", hint: "close it with \""),
        SyntaxErrorCase(source: "x == 'abc", range: 5..<9, message: "unterminated string", hint: "close it with '"),
        SyntaxErrorCase(source: #"x == "ab\"#, range: 5..<9, message: "unterminated string", hint: "close it with \""),
        SyntaxErrorCase(source: #"x == "a\nb""#, range: 7..<9, message: #"unknown escape '\n'"#, hint: #"only \", \' and \\ are escapes in a string"#),
        SyntaxErrorCase(source: "hasChildren and", range: 15..<15, message: "missing operand after 'and'", hint: "add a fact or a value, for example 'hasChildren'"),
        SyntaxErrorCase(source: "a or", range: 4..<4, message: "missing operand after 'or'", hint: "add a fact or a value, for example 'hasChildren'"),
        SyntaxErrorCase(source: "not", range: 3..<3, message: "missing operand after 'not'", hint: "add a fact or a value, for example 'hasChildren'"),
        SyntaxErrorCase(source: "age >", range: 5..<5, message: "missing operand after '>'", hint: "compare with a value, for example 'age > 0'"),
        SyntaxErrorCase(source: "(", range: 1..<1, message: "missing operand after '('", hint: "add a fact or a value, for example 'hasChildren'"),
        SyntaxErrorCase(source: "a and or b", range: 6..<8, message: "unexpected 'or'", hint: "expected a fact, a value, 'not' or '('"),
        SyntaxErrorCase(source: "age == )", range: 7..<8, message: "unexpected ')'", hint: "expected a fact, a value, 'not' or '('"),
        SyntaxErrorCase(source: "EU_EEA", range: 0..<6, message: "unexpected 'EU_EEA'", hint: "a set name can only follow 'in' or 'not in'"),
        SyntaxErrorCase(source: "a and AND b", range: 6..<9, message: "unexpected 'AND'", hint: "keywords are lower case: 'and'"),
        SyntaxErrorCase(source: "hasChildren movingWithFamily", range: 12..<28,
            message: "unexpected 'movingWithFamily' after a complete condition", hint: "join conditions with 'and' or 'or'"),
        SyntaxErrorCase(source: "a)", range: 1..<2, message: "unexpected ')' after a complete condition", hint: "there is no '(' to close"),
        SyntaxErrorCase(source: "a < b < c", range: 6..<7, message: "unexpected '<' after a complete condition",
            hint: "comparisons cannot be chained; join them with 'and'"),
        SyntaxErrorCase(source: "a adn b", range: 2..<5, message: "unexpected 'adn' after a complete condition", hint: "did you mean 'and'?"),
        SyntaxErrorCase(source: "a OR b", range: 2..<4, message: "unexpected 'OR' after a complete condition", hint: "keywords are lower case: 'or'"),
        SyntaxErrorCase(source: "(a or b", range: 0..<1, message: "unclosed '('", hint: "add ')' to close it"),
        SyntaxErrorCase(source: "(a b)", range: 3..<4, message: "unexpected 'b'", hint: "expected 'and', 'or' or ')'"),
        SyntaxErrorCase(source: "a & b", range: 2..<3, message: "unexpected '&'", hint: "write 'and'"),
        SyntaxErrorCase(source: "a && b", range: 2..<4, message: "unexpected '&&'", hint: "write 'and'"),
        SyntaxErrorCase(source: "a || b", range: 2..<4, message: "unexpected '||'", hint: "write 'or'"),
        SyntaxErrorCase(source: "!a", range: 0..<1, message: "unexpected '!'", hint: "write 'not' to negate a condition"),
        SyntaxErrorCase(source: "age = 18", range: 4..<5, message: "unexpected '='", hint: "write '==' to compare"),
        SyntaxErrorCase(source: "age > 1.", range: 6..<8, message: "expected digits after '.'", hint: "write a number such as 2.5"),
        SyntaxErrorCase(source: "age > -1", range: 6..<7, message: "unexpected character '-'",
            hint: "names use only the letters a–z and A–Z, digits and '_'; put text in quotes"),
        SyntaxErrorCase(source: "HasChildren", range: 0..<11, message: "'HasChildren' is neither a fact nor a set name",
            hint: "fact names start with a lower-case letter; set names are all upper case, such as 'EU_EEA'"),
        SyntaxErrorCase(source: "x in", range: 4..<4, message: "missing set after 'in'", hint: #"for example EU_EEA or ["DE", "FR"]"#),
        SyntaxErrorCase(source: "x not in 5", range: 9..<10, message: "unexpected '5' after 'not in'",
            hint: #"expected a set name or a list, for example EU_EEA or ["DE", "FR"]"#),
        SyntaxErrorCase(source: "x in eu_eea", range: 5..<11, message: "unexpected 'eu_eea' after 'in'", hint: "set names are upper case: 'EU_EEA'"),
        SyntaxErrorCase(source: "x in []", range: 5..<7, message: "empty list", hint: #"list at least one value, for example ["DE"]"#),
        SyntaxErrorCase(source: #"x in ["DE",]"#, range: 11..<12, message: "unexpected ']'", hint: "expected a value after ','"),
        SyntaxErrorCase(source: #"x in ["DE""#, range: 5..<6, message: "unclosed '['", hint: "add ']' to close the list"),
        SyntaxErrorCase(source: #"x in ["DE" "FR"]"#, range: 11..<15, message: #"unexpected '"FR"' in a list"#,
            hint: "separate values with ',' and end the list with ']'"),
        SyntaxErrorCase(source: "x in [y]", range: 6..<7, message: "unexpected 'y' in a list",
            hint: #"a list holds only values in quotes or numbers, such as ["DE", "FR"]"#),
        SyntaxErrorCase(source: "x not y", range: 2..<5, message: "unexpected 'not'", hint: "write 'not in' to test a set, or put 'not' before the whole condition"),
        SyntaxErrorCase(source: "x is", range: 4..<4, message: "missing 'known' after 'is'", hint: "write 'x is known'"),
        SyntaxErrorCase(source: "x is not", range: 8..<8, message: "missing 'known' after 'is not'", hint: "write 'x is not known'"),
        SyntaxErrorCase(source: "x is true", range: 5..<9, message: "expected 'known' after 'is'", hint: "write 'x is known'"),
    ])
    func syntaxErrors(_ example: SyntaxErrorCase) {
        guard let error = syntaxError(example.source) else { return }
        #expect(error.range == example.range)
        #expect(error.message == example.message)
        #expect(error.hint == example.hint)
    }

    @Test("the first syntax error from the left is the one reported")
    func leftmostError() async {
        // The unterminated string comes after the misplaced 'or'; the parser reads tokens on demand.
        #expect(syntaxError(#"a and or "open"#)?.message == "unexpected 'or'")
    }

    @Test("ranges count characters, not bytes or Unicode scalars")
    func characterOffsets() async {
        // "o" followed by a combining diaeresis is one character but two scalars and three UTF-8 bytes.
        let source = "m == \"Malmo\u{308}\" and"
        #expect(source.count == 16)
        #expect(syntaxError(source)?.range == 16..<16)
        #expect(syntaxError("x == \"å\" å")?.range == 9..<10)
    }

    @Test("deep nesting is rejected instead of exhausting the stack")
    func nestingLimit() async {
        let depth = ConditionParser.maxDepth + 1
        let parens = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(syntaxError(parens)?.message == "condition is nested too deeply")
        #expect(syntaxError(String(repeating: "not ", count: depth) + "a")?.message == "condition is nested too deeply")
        let allowed = ConditionParser.maxDepth
        #expect(throws: Never.self) {
            _ = try Condition.parse(String(repeating: "(", count: allowed) + "a" + String(repeating: ")", count: allowed))
        }
    }

    @Test("long chains of and/or parse without deep recursion")
    func longChains() async throws {
        let source = (0..<2_000).map { "f\($0)" }.joined(separator: " and ")
        guard case .and(let operands) = try Condition.parse(source).syntax.kind else {
            Issue.record("expected and")
            return
        }
        #expect(operands.count == 2_000)
    }

    @Test("a parsed condition keeps its source")
    func keepsSource() async throws {
        #expect(try Condition.parse(" a and b ").source == " a and b ")
    }
}
