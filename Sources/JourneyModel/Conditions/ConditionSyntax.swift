/// A node of a parsed but not yet type-checked condition, with the character range it covers
/// (including any parentheses around it), so type errors can point at it.
struct ConditionSyntax: Hashable, Sendable {
    indirect enum Kind: Hashable, Sendable {
        case fact(String)
        case string(String)
        case number(Double)
        case boolean(Bool)
        case not(ConditionSyntax)
        /// Two or more operands of one `and` chain.
        case and([ConditionSyntax])
        /// Two or more operands of one `or` chain.
        case or([ConditionSyntax])
        case comparison(ConditionSyntax, ComparisonOperator, operatorRange: Range<Int>, ConditionSyntax)
        /// `in` or `not in`; `operatorRange` covers both words of `not in`.
        case membership(ConditionSyntax, negated: Bool, operatorRange: Range<Int>, SetSyntax)
        case known(ConditionSyntax, negated: Bool)
    }

    /// The right-hand side of `in`.
    enum SetSyntax: Hashable, Sendable {
        case named(String, range: Range<Int>)
        /// Literal nodes only (strings, numbers, `true`, `false`).
        case list([ConditionSyntax], range: Range<Int>)

        var range: Range<Int> {
            switch self {
            case .named(_, let range), .list(_, let range): range
            }
        }
    }

    var kind: Kind
    var range: Range<Int>

    /// The tree as an S-expression, such as `(or a (and b c))`, so tests can see exactly how it was grouped.
    var tree: String {
        switch kind {
        case .fact(let name): name
        case .string(let value): "\"\(value)\""
        case .number(let value): ConditionNode.number(value)
        case .boolean(let value): value ? "true" : "false"
        case .not(let operand): "(not \(operand.tree))"
        case .and(let operands): "(and \(operands.map(\.tree).joined(separator: " ")))"
        case .or(let operands): "(or \(operands.map(\.tree).joined(separator: " ")))"
        case .comparison(let lhs, let op, _, let rhs): "(\(op.rawValue) \(lhs.tree) \(rhs.tree))"
        case .membership(let lhs, let negated, _, let set):
            switch set {
            case .named(let name, _): "(\(negated ? "not-in" : "in") \(lhs.tree) \(name))"
            case .list(let items, _): "(\(negated ? "not-in" : "in") \(lhs.tree) [\(items.map(\.tree).joined(separator: " "))])"
            }
        case .known(let operand, let negated): "(\(negated ? "unknown" : "known") \(operand.tree))"
        }
    }
}
