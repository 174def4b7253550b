/// The kind of value a fact holds, without a choice's options: what evaluation checks a looked-up value against.
enum FactKind: Hashable, Sendable {
    case bool, text, number, date, country, choice, personnummer, organisationsnummer

    init(_ type: FactType) {
        switch type {
        case .bool: self = .bool
        case .text: self = .text
        case .number: self = .number
        case .date: self = .date
        case .country: self = .country
        case .choice: self = .choice
        case .personnummer: self = .personnummer
        case .organisationsnummer: self = .organisationsnummer
        }
    }

    func matches(_ value: FactValue) -> Bool {
        switch (self, value) {
        case (.bool, .bool), (.text, .text), (.number, .number), (.date, .date), (.country, .country), (.choice, .choice),
            (.personnummer, .personnummer), (.organisationsnummer, .organisationsnummer):
            true
        default:
            false
        }
    }
}

/// One side of a comparison of non-bool values: a fact, or a literal already converted to the fact's type.
enum ConditionOperand: Hashable, Sendable {
    case fact(FactID, FactKind)
    case literal(FactValue)
}

/// The right-hand side of a checked `in`.
enum ConditionSet: Hashable, Sendable {
    /// A named country set, by name (for printing) and as a mask (for testing).
    case named(String, CountryMask)
    /// Literal values of the fact's type.
    case list([FactValue])
}

/// Three-valued truth, for evaluation without allocating.
enum Truth: Hashable, Sendable {
    case `true`, `false`, undecided

    init(_ value: Bool) { self = value ? .true : .false }
}

/// A type-checked condition, ready to evaluate. Every node is bool-valued; literals are already values of
/// the type they are compared with, so evaluation does no parsing or string work.
indirect enum ConditionNode: Hashable, Sendable {
    case constant(Bool)
    /// A bool fact used as a condition.
    case fact(FactID)
    case not(ConditionNode)
    /// Two or more operands; nested `and`s are flattened.
    case and([ConditionNode])
    /// Two or more operands; nested `or`s are flattened.
    case or([ConditionNode])
    /// `==` (or `!=` when negated) between two bool-valued operands.
    case equal(ConditionNode, ConditionNode, negated: Bool)
    /// A comparison of two non-bool operands of the same kind, at least one of them a fact.
    case compare(ConditionOperand, ComparisonOperator, ConditionOperand)
    case member(FactID, FactKind, ConditionSet, negated: Bool)
    case known(FactID, negated: Bool)

    // MARK: Evaluation

    /// Kleene's three-valued logic over the facts `lookup` knows. A value of another kind than the fact's
    /// (which the engine never records) counts as unknown, so the guide asks for it again.
    func truth(_ lookup: (FactID) -> FactValue?) -> Truth {
        switch self {
        case .constant(let value):
            return Truth(value)
        case .fact(let id):
            guard case .bool(let value)? = lookup(id) else { return .undecided }
            return Truth(value)
        case .not(let operand):
            switch operand.truth(lookup) {
            case .true: return .false
            case .false: return .true
            case .undecided: return .undecided
            }
        case .and(let operands):
            var result = Truth.true
            for operand in operands {
                switch operand.truth(lookup) {
                case .false: return .false
                case .undecided: result = .undecided
                case .true: break
                }
            }
            return result
        case .or(let operands):
            var result = Truth.false
            for operand in operands {
                switch operand.truth(lookup) {
                case .true: return .true
                case .undecided: result = .undecided
                case .false: break
                }
            }
            return result
        case .equal(let lhs, let rhs, let negated):
            let left = lhs.truth(lookup)
            guard left != .undecided else { return .undecided }
            let right = rhs.truth(lookup)
            guard right != .undecided else { return .undecided }
            return Truth((left == right) != negated)
        case .compare(let lhs, let op, let rhs):
            guard let left = lhs.value(lookup), let right = rhs.value(lookup) else { return .undecided }
            return Truth(Self.holds(left, op, right))
        case .member(let id, let kind, let set, let negated):
            guard let value = lookup(id), kind.matches(value) else { return .undecided }
            return Truth(set.contains(value) != negated)
        case .known(let id, let negated):
            return Truth((lookup(id) != nil) != negated)
        }
    }

    /// Adds the facts that keep this node undecided. Only called on nodes that evaluate to `.undecided`,
    /// so an `and` has no false operand and an `or` no true one: every undecided operand matters.
    func collectMissing(_ lookup: (FactID) -> FactValue?, into missing: inout Set<FactID>) {
        switch self {
        case .constant, .known:
            break
        case .fact(let id):
            missing.insert(id)
        case .not(let operand):
            operand.collectMissing(lookup, into: &missing)
        case .and(let operands), .or(let operands):
            for operand in operands where operand.truth(lookup) == .undecided {
                operand.collectMissing(lookup, into: &missing)
            }
        case .equal(let lhs, let rhs, _):
            if lhs.truth(lookup) == .undecided { lhs.collectMissing(lookup, into: &missing) }
            if rhs.truth(lookup) == .undecided { rhs.collectMissing(lookup, into: &missing) }
        case .compare(let lhs, _, let rhs):
            lhs.addIfMissing(lookup, into: &missing)
            rhs.addIfMissing(lookup, into: &missing)
        case .member(let id, _, _, _):
            missing.insert(id)
        }
    }

    static func holds(_ lhs: FactValue, _ op: ComparisonOperator, _ rhs: FactValue) -> Bool {
        switch op {
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        default: break
        }
        let order: Int
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        case (.date(let a), .date(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        default: return false  // the type checker allows ordering only on numbers and dates
        }
        switch op {
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        case .equal, .notEqual: return false
        }
    }

    // MARK: Facts

    /// Adds every fact this node reads.
    func collectFacts(into facts: inout Set<FactID>) {
        switch self {
        case .constant: break
        case .fact(let id), .member(let id, _, _, _), .known(let id, _): facts.insert(id)
        case .not(let operand): operand.collectFacts(into: &facts)
        case .and(let operands), .or(let operands): for operand in operands { operand.collectFacts(into: &facts) }
        case .equal(let lhs, let rhs, _):
            lhs.collectFacts(into: &facts)
            rhs.collectFacts(into: &facts)
        case .compare(let lhs, _, let rhs):
            if case .fact(let id, _) = lhs { facts.insert(id) }
            if case .fact(let id, _) = rhs { facts.insert(id) }
        }
    }

    // MARK: Rendering

    /// The normalised source form: single spaces, double-quoted strings, upper-case country codes, and
    /// parentheses only where precedence needs them or (around comparisons under `not`) where they help reading.
    var rendered: String {
        switch self {
        case .constant(let value): return value ? "true" : "false"
        case .fact(let id): return id.rawValue
        case .not(let operand):
            switch operand {
            case .constant, .fact, .not: return "not \(operand.rendered)"
            default: return "not (\(operand.rendered))"
            }
        case .and(let operands):
            return operands.map { operand in
                if case .or = operand { return "(\(operand.rendered))" }
                return operand.rendered
            }.joined(separator: " and ")
        case .or(let operands):
            return operands.map(\.rendered).joined(separator: " or ")
        case .equal(let lhs, let rhs, let negated):
            return "\(lhs.renderedAsOperand) \(negated ? "!=" : "==") \(rhs.renderedAsOperand)"
        case .compare(let lhs, let op, let rhs):
            return "\(lhs.rendered) \(op.rawValue) \(rhs.rendered)"
        case .member(let id, _, let set, let negated):
            let setText: String
            switch set {
            case .named(let name, _): setText = name
            case .list(let values): setText = "[\(values.map(Self.literal).joined(separator: ", "))]"
            }
            return "\(id.rawValue) \(negated ? "not in" : "in") \(setText)"
        case .known(let id, let negated):
            return "\(id.rawValue) is \(negated ? "not known" : "known")"
        }
    }

    /// Operands of `==` must be atoms or parenthesised (grammar rule `operand`).
    private var renderedAsOperand: String {
        switch self {
        case .constant, .fact: rendered
        default: "(\(rendered))"
        }
    }

    static func literal(_ value: FactValue) -> String {
        switch value {
        case .bool(let value): value ? "true" : "false"
        case .number(let value): number(value)
        default: quoted(value.canonical)
        }
    }

    /// A number as the grammar writes it: digits with an optional fraction, never an exponent
    /// (`1e+20` would not parse back).
    static func number(_ value: Double) -> String {
        let text = FactValue.format(number: value)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else { return text }
        let mantissa = text[..<e]
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? mantissa.dropFirst() : mantissa[...]
        let point = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
        var digits = String(unsigned[..<point])
        let fraction = point < unsigned.endIndex ? String(unsigned[unsigned.index(after: point)...]) : ""
        let integerCount = digits.count + exponent  // where the decimal point lands in digits + fraction
        digits += fraction
        var result: String
        if integerCount <= 0 {
            result = "0." + String(repeating: "0", count: -integerCount) + digits
        } else if integerCount >= digits.count {
            result = digits + String(repeating: "0", count: integerCount - digits.count)
        } else {
            result = String(digits.prefix(integerCount)) + "." + String(digits.dropFirst(integerCount))
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return (negative ? "-" : "") + result
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        result.append("\"")
        return result
    }
}

extension ConditionOperand {
    /// The operand's value, or `nil` when its fact is unknown (or holds a value of another kind).
    func value(_ lookup: (FactID) -> FactValue?) -> FactValue? {
        switch self {
        case .literal(let value):
            return value
        case .fact(let id, let kind):
            guard let value = lookup(id), kind.matches(value) else { return nil }
            return value
        }
    }

    func addIfMissing(_ lookup: (FactID) -> FactValue?, into missing: inout Set<FactID>) {
        if case .fact(let id, _) = self, value(lookup) == nil { missing.insert(id) }
    }

    var rendered: String {
        switch self {
        case .fact(let id, _): id.rawValue
        case .literal(let value): ConditionNode.literal(value)
        }
    }
}

extension ConditionSet {
    func contains(_ value: FactValue) -> Bool {
        switch self {
        case .named(_, let mask):
            guard case .country(let code) = value else { return false }
            return mask.contains(code)
        case .list(let values):
            return values.contains(value)
        }
    }
}
