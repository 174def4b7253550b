/// The outcome of evaluating a condition against the facts known so far (Kleene's three-valued logic).
public enum ConditionResult: Hashable, Sendable {
    case `true`
    case `false`
    /// Not decided yet. `missing` holds exactly the unknown facts whose answers could still decide it,
    /// which are the facts the guide asks for next.
    case undecided(missing: Set<FactID>)

    public init(_ value: Bool) { self = value ? .true : .false }

    /// The facts still needed to decide; empty when decided.
    public var missing: Set<FactID> {
        if case .undecided(let missing) = self { return missing }
        return []
    }

    /// Whether the result is `true` or `false`.
    public var isDecided: Bool {
        if case .undecided = self { return false }
        return true
    }
}
