/// A recursive-descent parser for the condition language of journey files (`when:`).
///
/// Grammar (this is exactly what the parser accepts):
///
/// ```
/// condition  := or END
/// or         := and ('or' and)*
/// and        := unary ('and' unary)*
/// unary      := 'not' unary | comparison
/// comparison := operand ( COMPARE operand
///                       | ('in' | 'not' 'in') set
///                       | 'is' ['not'] 'known' )?
/// operand    := FACT | STRING | NUMBER | 'true' | 'false' | '(' or ')'
/// set        := SETNAME | '[' literal (',' literal)* ']'
/// literal    := STRING | NUMBER | 'true' | 'false'
/// COMPARE    := '==' | '!=' | '<' | '<=' | '>' | '>='
/// ```
///
/// Tokens, separated by any white space:
/// - `FACT`: `[a-z][A-Za-z0-9_]*` that is not a keyword, such as `hasChildren`.
/// - `SETNAME`: `[A-Z][A-Z0-9_]*`, such as `EU_EEA` (see ``CountrySet/all``).
/// - `STRING`: `"…"` or `'…'`; inside, `\"`, `\'` and `\\` stand for the character after the backslash.
/// - `NUMBER`: `[0-9]+('.'[0-9]+)?`; there is no sign.
/// - Keywords, lower case only: `and or not in true false is known`.
///
/// So `not` binds tighter than `and`, which binds tighter than `or`; a comparison binds tighter than all
/// three (`not age > 18` is `not (age > 18)`), and comparisons do not chain (`a < b < c` is an error).
/// Nesting (parentheses and `not`) is limited to ``maxDepth`` levels, so hostile input cannot exhaust the stack.
///
/// The parser stops at the first syntax error; types are checked afterwards by ``ParsedCondition/check(against:)``.
struct ConditionParser {
    static let maxDepth = 64

    private var lexer: ConditionLexer
    private var token: ConditionToken
    /// The range of the last token consumed, for "missing operand after …".
    private var previousRange: Range<Int> = 0..<0
    private var depth = 0

    private var characters: [Character] { lexer.characters }

    /// Parses a whole condition.
    static func parse(_ source: String) throws(ConditionError) -> ConditionSyntax {
        var parser = try ConditionParser(Array(source))
        return try parser.parseCondition()
    }

    private init(_ characters: [Character]) throws(ConditionError) {
        lexer = ConditionLexer(characters)
        token = try lexer.next()
    }

    private mutating func advance() throws(ConditionError) {
        previousRange = token.range
        token = try lexer.next()
    }

    private func text(_ range: Range<Int>) -> String { String(characters[range]) }

    // MARK: Rules

    private mutating func parseCondition() throws(ConditionError) -> ConditionSyntax {
        if token.kind == .end {
            throw ConditionError(range: 0..<characters.count, message: "empty condition", hint: "write a condition, for example 'hasChildren'")
        }
        let condition = try parseOr()
        guard token.kind == .end else {
            throw ConditionError(range: token.range, message: "unexpected '\(text(token.range))' after a complete condition",
                hint: hintAfterOperand(default: "join conditions with 'and' or 'or'"))
        }
        return condition
    }

    private mutating func parseOr() throws(ConditionError) -> ConditionSyntax {
        var operands = [try parseAnd()]
        while token.kind == .keyword(.or) {
            try advance()
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : ConditionSyntax(kind: .or(operands), range: span(operands))
    }

    private mutating func parseAnd() throws(ConditionError) -> ConditionSyntax {
        var operands = [try parseUnary()]
        while token.kind == .keyword(.and) {
            try advance()
            operands.append(try parseUnary())
        }
        return operands.count == 1 ? operands[0] : ConditionSyntax(kind: .and(operands), range: span(operands))
    }

    private mutating func parseUnary() throws(ConditionError) -> ConditionSyntax {
        guard token.kind == .keyword(.not) else { return try parseComparison() }
        let start = token.range.lowerBound
        try enterNesting()
        try advance()
        let operand = try parseUnary()
        depth -= 1
        return ConditionSyntax(kind: .not(operand), range: start..<operand.range.upperBound)
    }

    private mutating func parseComparison() throws(ConditionError) -> ConditionSyntax {
        let lhs = try parseOperand()
        switch token.kind {
        case .comparison(let op):
            let operatorRange = token.range
            try advance()
            if token.kind == .end {
                throw ConditionError(range: token.range, message: "missing operand after '\(op.rawValue)'",
                    hint: "compare with a value, for example '\(text(lhs.range)) \(op.rawValue) \(op == .equal || op == .notEqual ? "\"...\"" : "0")'")
            }
            let rhs = try parseOperand()
            return ConditionSyntax(kind: .comparison(lhs, op, operatorRange: operatorRange, rhs), range: lhs.range.lowerBound..<rhs.range.upperBound)
        case .keyword(.in):
            let operatorRange = token.range
            try advance()
            let set = try parseSet(after: "in")
            return ConditionSyntax(kind: .membership(lhs, negated: false, operatorRange: operatorRange, set), range: lhs.range.lowerBound..<set.range.upperBound)
        case .keyword(.not):
            // After an operand, `not` can only begin `not in`.
            let notRange = token.range
            try advance()
            guard token.kind == .keyword(.in) else {
                throw ConditionError(range: notRange, message: "unexpected 'not'",
                    hint: "write 'not in' to test a set, or put 'not' before the whole condition")
            }
            let operatorRange = notRange.lowerBound..<token.range.upperBound
            try advance()
            let set = try parseSet(after: "not in")
            return ConditionSyntax(kind: .membership(lhs, negated: true, operatorRange: operatorRange, set), range: lhs.range.lowerBound..<set.range.upperBound)
        case .keyword(.is):
            try advance()
            var negated = false
            if token.kind == .keyword(.not) {
                negated = true
                try advance()
            }
            guard token.kind == .keyword(.known) else {
                let after = negated ? "is not" : "is"
                throw ConditionError(range: token.range, message: token.kind == .end ? "missing 'known' after '\(after)'" : "expected 'known' after '\(after)'",
                    hint: "write '\(text(lhs.range)) \(after) known'")
            }
            let end = token.range.upperBound
            try advance()
            return ConditionSyntax(kind: .known(lhs, negated: negated), range: lhs.range.lowerBound..<end)
        default:
            return lhs
        }
    }

    private mutating func parseOperand() throws(ConditionError) -> ConditionSyntax {
        let range = token.range
        switch token.kind {
        case .fact(let name):
            try advance()
            return ConditionSyntax(kind: .fact(name), range: range)
        case .string(let value):
            try advance()
            return ConditionSyntax(kind: .string(value), range: range)
        case .number(let value):
            try advance()
            return ConditionSyntax(kind: .number(value), range: range)
        case .keyword(.true), .keyword(.false):
            let value = token.kind == .keyword(.true)
            try advance()
            return ConditionSyntax(kind: .boolean(value), range: range)
        case .leftParen:
            try enterNesting()
            try advance()
            var inner = try parseOr()
            guard token.kind == .rightParen else {
                if token.kind == .end {
                    throw ConditionError(range: range, message: "unclosed '('", hint: "add ')' to close it")
                }
                throw ConditionError(range: token.range, message: "unexpected '\(text(token.range))'",
                    hint: hintAfterOperand(default: "expected 'and', 'or' or ')'"))
            }
            depth -= 1
            inner.range = range.lowerBound..<token.range.upperBound
            try advance()
            return inner
        case .end:
            throw ConditionError(range: range, message: "missing operand after '\(text(previousRange))'",
                hint: "add a fact or a value, for example 'hasChildren'")
        default:
            throw ConditionError(range: range, message: "unexpected '\(text(range))'", hint: hintBeforeOperand())
        }
    }

    private mutating func parseSet(after op: String) throws(ConditionError) -> ConditionSyntax.SetSyntax {
        let example = "for example EU_EEA or [\"DE\", \"FR\"]"
        switch token.kind {
        case .setName(let name):
            let range = token.range
            try advance()
            return .named(name, range: range)
        case .leftBracket:
            let open = token.range
            try advance()
            var items: [ConditionSyntax] = []
            while true {
                switch token.kind {
                case .string(let value): items.append(ConditionSyntax(kind: .string(value), range: token.range))
                case .number(let value): items.append(ConditionSyntax(kind: .number(value), range: token.range))
                case .keyword(.true): items.append(ConditionSyntax(kind: .boolean(true), range: token.range))
                case .keyword(.false): items.append(ConditionSyntax(kind: .boolean(false), range: token.range))
                case .end:
                    throw ConditionError(range: open, message: "unclosed '['", hint: "add ']' to close the list")
                case .rightBracket where items.isEmpty:
                    throw ConditionError(range: open.lowerBound..<token.range.upperBound, message: "empty list",
                        hint: "list at least one value, for example [\"DE\"]")
                case .rightBracket:
                    throw ConditionError(range: token.range, message: "unexpected ']'", hint: "expected a value after ','")
                default:
                    throw ConditionError(range: token.range, message: "unexpected '\(text(token.range))' in a list",
                        hint: "a list holds only values in quotes or numbers, such as [\"DE\", \"FR\"]")
                }
                try advance()
                switch token.kind {
                case .comma:
                    try advance()
                case .rightBracket:
                    let range = open.lowerBound..<token.range.upperBound
                    try advance()
                    return .list(items, range: range)
                case .end:
                    throw ConditionError(range: open, message: "unclosed '['", hint: "add ']' to close the list")
                default:
                    throw ConditionError(range: token.range, message: "unexpected '\(text(token.range))' in a list",
                        hint: "separate values with ',' and end the list with ']'")
                }
            }
        case .end:
            throw ConditionError(range: token.range, message: "missing set after '\(op)'", hint: example)
        case .fact(let name) where CountrySet.all[name.uppercased()] != nil:
            throw ConditionError(range: token.range, message: "unexpected '\(name)' after '\(op)'",
                hint: "set names are upper case: '\(name.uppercased())'")
        default:
            throw ConditionError(range: token.range, message: "unexpected '\(text(token.range))' after '\(op)'",
                hint: "expected a set name or a list, \(example)")
        }
    }

    // MARK: Helpers

    private mutating func enterNesting() throws(ConditionError) {
        depth += 1
        guard depth <= Self.maxDepth else {
            throw ConditionError(range: token.range, message: "condition is nested too deeply",
                hint: "use at most \(Self.maxDepth) levels of parentheses and 'not'")
        }
    }

    private func span(_ nodes: [ConditionSyntax]) -> Range<Int> {
        nodes[0].range.lowerBound..<nodes[nodes.count - 1].range.upperBound
    }

    /// A hint for a token that cannot follow a complete operand.
    private func hintAfterOperand(default fallback: String) -> String {
        switch token.kind {
        case .comparison:
            return "comparisons cannot be chained; join them with 'and'"
        case .rightParen:
            return "there is no '(' to close"
        case .setName(let name) where ConditionKeyword(rawValue: name.lowercased()) != nil:
            return "keywords are lower case: '\(name.lowercased())'"
        case .fact(let name):
            if let keyword = Suggestion.closest(to: name, among: ["and", "or", "in", "is"]) { return "did you mean '\(keyword)'?" }
            return fallback
        default:
            return fallback
        }
    }

    /// A hint for a token where an operand should start.
    private func hintBeforeOperand() -> String {
        switch token.kind {
        case .setName(let name) where ConditionKeyword(rawValue: name.lowercased()) != nil:
            "keywords are lower case: '\(name.lowercased())'"
        case .setName:
            "a set name can only follow 'in' or 'not in'"
        default:
            "expected a fact, a value, 'not' or '('"
        }
    }
}
