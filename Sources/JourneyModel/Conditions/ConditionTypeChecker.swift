/// Types a parsed condition against the facts a journey declares, turning it into a ``ConditionNode``
/// and collecting every type error rather than stopping at the first.
///
/// Rules: a bool fact, `true`, `false` and every comparison, `in`, `is known`, `and`, `or` and `not` are
/// bool; the whole condition and the operands of `and`, `or` and `not` must be bool. `==` and `!=` need two
/// operands of the same type, at least one of them not a literal; `<`, `<=`, `>` and `>=` need numbers or
/// dates. A string literal takes the type of the fact it is compared with: a date (`"2026-01-31"`), a
/// country code (`"DE"`), an option of a choice, or text. `in` tests a country against a named set or a
/// list of codes, and a choice or text against a list of values. Personnummer and organisationsnummer facts
/// can only be tested with `is known`, which applies to a fact of any type.
struct ConditionTypeChecker {
    let facts: [FactID: FactType]
    private(set) var errors: [ConditionError] = []

    init(facts: [FactID: FactType]) {
        self.facts = facts
    }

    /// What a syntax node turned out to be.
    private enum Typed {
        case fact(FactID, FactType)
        case boolean(Bool)
        case string(String)
        case number(Double)
        /// A compound bool expression (comparison, `in`, `and`, …).
        case condition(ConditionNode)
        /// Already reported; checks that depend on it are skipped so one mistake gives one error.
        case invalid

        var isLiteral: Bool {
            switch self {
            case .boolean, .string, .number: true
            default: false
            }
        }

        var isBoolValued: Bool {
            switch self {
            case .fact(_, .bool), .boolean, .condition: true
            default: false
            }
        }

        /// The subject of an error message: `'age' is a number`, `"yes" is text`, `18 is a number`.
        var subject: String {
            switch self {
            case .fact(let id, let type): "'\(id.rawValue)' is \(ConditionTypeChecker.article(type))"
            case .boolean(let value): "\(value) is a bool"
            case .string(let value): "\(ConditionNode.quoted(value)) is text"
            case .number(let value): "\(ConditionNode.number(value)) is a number"
            case .condition: "a condition is a bool"
            case .invalid: ""
            }
        }
    }

    /// Checks a whole condition; `nil` when there were errors.
    mutating func check(_ syntax: ConditionSyntax) -> ConditionNode? {
        let node = condition(syntax, context: nil)
        errors.sort { $0.range.lowerBound < $1.range.lowerBound }
        return errors.isEmpty ? node : nil
    }

    // MARK: Nodes

    private mutating func type(_ syntax: ConditionSyntax) -> Typed {
        switch syntax.kind {
        case .fact(let name):
            let id = FactID(name)
            if let type = facts[id] { return .fact(id, type) }
            report(syntax.range, "unknown fact '\(name)'",
                hint: Suggestion.closest(to: name, among: facts.keys.map(\.rawValue)).map { "did you mean '\($0)'?" }
                    ?? "declare it under 'facts:' in the journey")
            return .invalid
        case .string(let value):
            return .string(value)
        case .number(let value):
            return .number(value)
        case .boolean(let value):
            return .boolean(value)
        case .not(let operand):
            return condition(operand, context: "'not'").map { .condition(.not($0)) } ?? .invalid
        case .and(let operands):
            // Check every operand, even after a failure, so all errors are reported.
            let checked = operands.map { condition($0, context: "'and'") }
            let nodes = checked.compactMap { $0 }
            guard nodes.count == checked.count else { return .invalid }
            return .condition(.and(nodes.flatMap { node -> [ConditionNode] in
                if case .and(let inner) = node { return inner }
                return [node]
            }))
        case .or(let operands):
            // Check every operand, even after a failure, so all errors are reported.
            let checked = operands.map { condition($0, context: "'or'") }
            let nodes = checked.compactMap { $0 }
            guard nodes.count == checked.count else { return .invalid }
            return .condition(.or(nodes.flatMap { node -> [ConditionNode] in
                if case .or(let inner) = node { return inner }
                return [node]
            }))
        case .comparison(let lhs, let op, let operatorRange, let rhs):
            return comparison(lhs, op, operatorRange, rhs, range: syntax.range)
        case .membership(let lhs, let negated, let operatorRange, let set):
            return membership(lhs, negated: negated, operatorRange, set)
        case .known(let operand, let negated):
            switch type(operand) {
            case .fact(let id, _): return .condition(.known(id, negated: negated))
            case .invalid: return .invalid
            default:
                report(operand.range, "only a fact can be known or unknown",
                    hint: "write a fact before 'is \(negated ? "not " : "")known', for example 'personnummer is known'")
                return .invalid
            }
        }
    }

    /// Types `syntax` and requires it to be bool-valued.
    private mutating func condition(_ syntax: ConditionSyntax, context: String?) -> ConditionNode? {
        let typed = type(syntax)
        switch typed {
        case .fact(let id, .bool): return .fact(id)
        case .boolean(let value): return .constant(value)
        case .condition(let node): return node
        case .invalid: return nil
        default:
            let message = context.map { "\($0) needs a condition, but \(typed.subject)" } ?? "\(typed.subject), not a condition"
            report(syntax.range, message, hint: Self.conditionHint(for: typed))
            return nil
        }
    }

    private mutating func comparison(
        _ lhsSyntax: ConditionSyntax, _ op: ComparisonOperator, _ operatorRange: Range<Int>, _ rhsSyntax: ConditionSyntax,
        range: Range<Int>
    ) -> Typed {
        let lhs = type(lhsSyntax)
        let rhs = type(rhsSyntax)
        if case .invalid = lhs { return .invalid }
        if case .invalid = rhs { return .invalid }
        if lhs.isLiteral, rhs.isLiteral {
            report(range, "both sides of '\(op.rawValue)' are values", hint: "compare a fact with a value, for example 'age >= 18'")
            return .invalid
        }
        for (side, syntax) in [(lhs, lhsSyntax), (rhs, rhsSyntax)] {
            if case .fact(let id, let type) = side, Self.isIdentity(type) {
                reportIdentity(id, type, range: syntax.range)
                return .invalid
            }
        }

        if lhs.isBoolValued || rhs.isBoolValued {
            guard lhs.isBoolValued, rhs.isBoolValued else {
                reportMismatch(lhs, rhs, range: range, lhsRange: lhsSyntax.range, rhsRange: rhsSyntax.range)
                return .invalid
            }
            guard !op.isOrdering else {
                let subject = lhs.isLiteral ? rhs.subject : lhs.subject
                report(operatorRange, "'\(op.rawValue)' compares only numbers and dates, but \(subject)", hint: "use '==' or '!='")
                return .invalid
            }
            guard let left = boolNode(lhs), let right = boolNode(rhs) else { return .invalid }
            return .condition(.equal(left, right, negated: op == .notEqual))
        }

        switch (lhs, rhs) {
        case (.fact(let a, let typeA), .fact(let b, let typeB)):
            guard typeA.isSameKind(as: typeB) else {
                report(range, "cannot compare '\(a.rawValue)' (\(Self.article(typeA))) with '\(b.rawValue)' (\(Self.article(typeB)))",
                    hint: "compare facts of the same type")
                return .invalid
            }
            guard checkOrdering(op, operatorRange, subject: lhs, type: typeA) else { return .invalid }
            let kind = FactKind(typeA)
            return .condition(.compare(.fact(a, kind), op, .fact(b, kind)))
        case (.fact(let id, let type), _):
            guard checkOrdering(op, operatorRange, subject: lhs, type: type),
                let value = literal(rhs, range: rhsSyntax.range, for: id, type)
            else { return .invalid }
            return .condition(.compare(.fact(id, FactKind(type)), op, .literal(value)))
        case (_, .fact(let id, let type)):
            guard checkOrdering(op, operatorRange, subject: rhs, type: type),
                let value = literal(lhs, range: lhsSyntax.range, for: id, type)
            else { return .invalid }
            return .condition(.compare(.literal(value), op, .fact(id, FactKind(type))))
        default:
            // Unreachable: two literals and bool operands are handled above.
            return .invalid
        }
    }

    private mutating func membership(
        _ lhsSyntax: ConditionSyntax, negated: Bool, _ operatorRange: Range<Int>, _ set: ConditionSyntax.SetSyntax
    ) -> Typed {
        let op = negated ? "'not in'" : "'in'"
        let lhs = type(lhsSyntax)
        guard case .fact(let id, let type) = lhs else {
            if case .invalid = lhs {} else {
                report(lhsSyntax.range, "the left side of \(op) must be a fact", hint: "for example 'citizenship \(negated ? "not in" : "in") EU_EEA'")
            }
            if case .named(let name, let range) = set { _ = namedSet(name, range: range) }
            return .invalid
        }
        if Self.isIdentity(type) {
            reportIdentity(id, type, range: lhsSyntax.range)
            return .invalid
        }
        switch type {
        case .country, .choice, .text:
            break
        default:
            let hint =
                switch type {
                case .bool: "use '\(id.rawValue)' or 'not \(id.rawValue)'"
                case .date: "compare it instead, for example '\(id.rawValue) >= \"2026-01-01\"'"
                default: "compare it instead, for example '\(id.rawValue) >= 18 and \(id.rawValue) < 65'"
                }
            report(operatorRange, "\(op) tests only countries, choices and text, but '\(id.rawValue)' is \(Self.article(type))", hint: hint)
            if case .named(let name, let range) = set { _ = namedSet(name, range: range) }
            return .invalid
        }
        switch set {
        case .named(let name, let range):
            guard case .country = type else {
                report(range, "named sets hold countries, but '\(id.rawValue)' is \(Self.article(type))",
                    hint: "list the values instead, for example \(Self.listExample(for: type))")
                return .invalid
            }
            guard let members = namedSet(name, range: range) else { return .invalid }
            return .condition(.member(id, .country, .named(name, CountryMask(members)), negated: negated))
        case .list(let items, _):
            var values: [FactValue] = []
            var failed = false
            for item in items {
                if let value = literal(self.type(item), range: item.range, for: id, type) {
                    if !values.contains(value) { values.append(value) }
                } else {
                    failed = true
                }
            }
            return failed ? .invalid : .condition(.member(id, FactKind(type), .list(values), negated: negated))
        }
    }

    // MARK: Literals

    /// Converts a literal to a value of the fact's type, reporting why it cannot be one.
    private mutating func literal(_ typed: Typed, range: Range<Int>, for id: FactID, _ type: FactType) -> FactValue? {
        switch (type, typed) {
        case (.number, .number(let value)):
            return .number(value)
        case (.text, .string(let value)):
            return .text(value)
        case (.date, .string(let value)):
            if let date = CalendarDate(iso: value) { return .date(date) }
            report(range, "'\(value)' is not a date", hint: "write dates as \"YYYY-MM-DD\", for example \"2026-01-31\"")
            return nil
        case (.country, .string(let value)):
            if let code = CountryCode(value) { return .country(code) }
            report(range, "unknown country code '\(value)'", hint: Self.countryHint(value))
            return nil
        case (.choice(let options), .string(let value)):
            if options.contains(where: { $0.value == value }) { return .choice(value) }
            let values = options.map(\.value)
            report(range, "'\(value)' is not an option of '\(id.rawValue)'",
                hint: Suggestion.closest(to: value, among: values).map { "did you mean '\($0)'?" }
                    ?? "its options are: \(values.joined(separator: ", "))")
            return nil
        default:
            report(range, "'\(id.rawValue)' is \(Self.article(type)), but \(typed.subject)", hint: Self.literalHint(for: id, type))
            return nil
        }
    }

    /// The members of a named set, or `nil` after reporting an unknown name.
    private mutating func namedSet(_ name: String, range: Range<Int>) -> Set<String>? {
        if let set = CountrySet.all[name] { return set.members }
        report(range, "unknown set '\(name)'",
            hint: Suggestion.closest(to: name, among: CountrySet.all.keys).map { "did you mean '\($0)'?" }
                ?? "known sets: \(CountrySet.all.keys.sorted().joined(separator: ", "))")
        return nil
    }

    // MARK: Reporting

    private mutating func report(_ range: Range<Int>, _ message: String, hint: String?) {
        errors.append(ConditionError(range: range, message: message, hint: hint))
    }

    private mutating func reportIdentity(_ id: FactID, _ type: FactType, range: Range<Int>) {
        report(range, "'\(id.rawValue)' is \(Self.article(type)) and cannot be compared",
            hint: "a condition can only test whether it is known: '\(id.rawValue) is known'")
    }

    /// Reports operands of different types: at the literal when a fact meets one, else at the whole comparison.
    private mutating func reportMismatch(_ lhs: Typed, _ rhs: Typed, range: Range<Int>, lhsRange: Range<Int>, rhsRange: Range<Int>) {
        switch (lhs, rhs) {
        case (.fact(let a, let typeA), .fact(let b, let typeB)):
            report(range, "cannot compare '\(a.rawValue)' (\(Self.article(typeA))) with '\(b.rawValue)' (\(Self.article(typeB)))",
                hint: "compare facts of the same type")
        case (.fact(let id, let type), _) where rhs.isLiteral, (_, .fact(let id, let type)) where lhs.isLiteral:
            let other = lhs.isLiteral ? lhs : rhs
            report(lhs.isLiteral ? lhsRange : rhsRange, "'\(id.rawValue)' is \(Self.article(type)), but \(other.subject)", hint: Self.literalHint(for: id, type))
        case (.fact(let id, let type), _), (_, .fact(let id, let type)):
            report(range, "cannot compare a condition with '\(id.rawValue)' (\(Self.article(type)))",
                hint: "compare '\(id.rawValue)' with a value of its type")
        default:
            let other = lhs.isBoolValued ? rhs : lhs
            report(range, "a condition can only be compared with true, false or another condition, but \(other.subject)",
                hint: "compare with true or false")
        }
    }

    /// Ordering needs numbers or dates; reports at the operator otherwise.
    private mutating func checkOrdering(_ op: ComparisonOperator, _ operatorRange: Range<Int>, subject: Typed, type: FactType) -> Bool {
        guard op.isOrdering else { return true }
        switch type {
        case .number, .date: return true
        default:
            let hint = if case .country = type { "use '==', '!=' or 'in'" } else { "use '==' or '!='" }
            report(operatorRange, "'\(op.rawValue)' compares only numbers and dates, but \(subject.subject)", hint: hint)
            return false
        }
    }

    private func boolNode(_ typed: Typed) -> ConditionNode? {
        switch typed {
        case .fact(let id, .bool): .fact(id)
        case .boolean(let value): .constant(value)
        case .condition(let node): node
        default: nil
        }
    }

    // MARK: Wording

    static func isIdentity(_ type: FactType) -> Bool {
        switch type {
        case .personnummer, .organisationsnummer: true
        default: false
        }
    }

    /// The type's name with an article: `a number`, `an organisationsnummer`.
    static func article(_ type: FactType) -> String {
        switch type {
        case .organisationsnummer: "an organisationsnummer"
        case .text: "text"
        default: "a \(type.keyword)"
        }
    }

    /// How to write a literal that a fact of `type` can be compared with.
    static func literalHint(for id: FactID, _ type: FactType) -> String {
        switch type {
        case .bool: "compare with true or false, or use '\(id.rawValue)' alone"
        case .number: "write a number without quotes, for example 18"
        case .date: "write a date in quotes, for example \"2026-01-31\""
        case .country: "write a country code in quotes, for example \"DE\""
        case .choice(let options): "write one of its options in quotes: \(options.map { ConditionNode.quoted($0.value) }.joined(separator: ", "))"
        case .text: "write text in quotes"
        case .personnummer, .organisationsnummer: "a condition can only test whether it is known: '\(id.rawValue) is known'"
        }
    }

    /// How to turn a non-bool operand into a condition.
    private static func conditionHint(for typed: Typed) -> String {
        guard case .fact(let id, let type) = typed else {
            return "a condition is a bool fact, a comparison, an 'in' test or an 'is known' test"
        }
        let name = id.rawValue
        return switch type {
        case .number: "compare it, for example '\(name) >= 18'"
        case .date: "compare it, for example '\(name) >= \"2026-01-01\"'"
        case .country: "test it, for example '\(name) in EU_EEA' or '\(name) == \"SE\"'"
        case .choice(let options): "compare it, for example '\(name) == \(ConditionNode.quoted(options.first?.value ?? "option"))'"
        case .text: "compare it, for example '\(name) == \"text\"'"
        case .bool: "use it alone"
        case .personnummer, .organisationsnummer: "test whether it is known: '\(name) is known'"
        }
    }

    private static func listExample(for type: FactType) -> String {
        let values = type.options.prefix(2).map { ConditionNode.quoted($0.value) }
        return "[\(values.isEmpty ? "\"a\", \"b\"" : values.joined(separator: ", "))]"
    }

    /// Codes people often write that ISO 3166-1 assigns differently.
    private static let commonMistakes = ["UK": "GB", "EL": "GR"]

    private static func countryHint(_ value: String) -> String {
        if let code = commonMistakes[value.uppercased()].flatMap({ CountryCode($0) }) {
            return "the ISO 3166-1 code for \(code.name(in: .en)) is '\(code.alpha2)'"
        }
        if let code = CountryCode(codeOrName: value) {
            return "write the code '\(code.alpha2)' for \(code.name(in: .en))"
        }
        return "write an ISO 3166-1 alpha-2 code, for example 'DE'"
    }
}
