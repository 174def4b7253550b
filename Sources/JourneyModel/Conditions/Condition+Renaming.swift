extension Condition {
    /// The same condition reading other facts: each fact in `names` is read under its new id, the rest as before. A
    /// step repeated for a household member reads that member's facts (`passportNumber.partner`), not the person's.
    public func renamingFacts(_ names: [FactID: FactID]) -> Condition {
        guard !referencedFacts.isDisjoint(with: names.keys) else { return self }
        let root = root.renamingFacts(names)
        return Condition(source: root.rendered, root: root)
    }
}

extension ConditionNode {
    func renamingFacts(_ names: [FactID: FactID]) -> ConditionNode {
        func rename(_ id: FactID) -> FactID { names[id] ?? id }
        func rename(_ operand: ConditionOperand) -> ConditionOperand {
            if case .fact(let id, let kind) = operand { return .fact(rename(id), kind) }
            return operand
        }
        switch self {
        case .constant: return self
        case .fact(let id): return .fact(rename(id))
        case .not(let operand): return .not(operand.renamingFacts(names))
        case .and(let operands): return .and(operands.map { $0.renamingFacts(names) })
        case .or(let operands): return .or(operands.map { $0.renamingFacts(names) })
        case .equal(let lhs, let rhs, let negated): return .equal(lhs.renamingFacts(names), rhs.renamingFacts(names), negated: negated)
        case .compare(let lhs, let comparison, let rhs): return .compare(rename(lhs), comparison, rename(rhs))
        case .member(let id, let kind, let set, let negated): return .member(rename(id), kind, set, negated: negated)
        case .known(let id, let negated): return .known(rename(id), negated: negated)
        }
    }
}
