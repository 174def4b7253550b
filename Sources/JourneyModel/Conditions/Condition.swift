/// A parsed and type-checked condition over a journey's facts, such as
/// `citizenship not in EU_EEA and (hasChildren or movingWithFamily)`.
///
/// A journey step applies when its `when:` condition holds. Conditions are checked when the journey is
/// loaded, so evaluation cannot meet a type error; while facts are still unknown a condition may be
/// ``ConditionResult/undecided(missing:)``, naming exactly the facts the guide should ask for.
///
/// The language: facts (`hasChildren`), literals (`"DE"`, `'text'`, `18`, `2.5`, `true`, `false`),
/// comparisons (`==`, `!=`, and `<`, `<=`, `>`, `>=` for numbers and dates: `arrivalDate >= "2026-01-01"`),
/// set tests (`citizenship in EU_EEA`, `businessForm not in ["aktiebolag", "handelsbolag"]`),
/// `fact is known` / `fact is not known`, and `not`, `and`, `or` with parentheses, binding in that order.
public struct Condition: Hashable, Sendable, CustomStringConvertible {
    /// The condition as written in the journey file.
    public let source: String
    /// Every fact the condition reads.
    public let referencedFacts: Set<FactID>
    let root: ConditionNode

    init(source: String, root: ConditionNode) {
        self.source = source
        self.root = root
        var facts: Set<FactID> = []
        root.collectFacts(into: &facts)
        self.referencedFacts = facts
    }

    /// Parses a condition's syntax, throwing the first syntax error. Types are checked by
    /// ``ParsedCondition/check(against:)``.
    public static func parse(_ source: String) throws(ConditionError) -> ParsedCondition {
        ParsedCondition(source: source, syntax: try ConditionParser.parse(source))
    }

    /// Parses and type-checks in one go: the syntax error, or every type error.
    public static func compile(_ source: String, facts: [FactID: FactType]) -> Result<Condition, ConditionErrors> {
        do {
            return try parse(source).check(against: facts)
        } catch {
            return .failure(ConditionErrors([error]))
        }
    }

    /// Evaluates the condition with three-valued logic over the facts `lookup` knows (`nil` for unknown).
    ///
    /// `false and …` is false and `true or …` is true whatever the other side; otherwise an unknown fact
    /// makes the result undecided, listing exactly the unknown facts that could still change it.
    /// `fact is known` is always decided. Evaluation walks the checked tree directly and allocates nothing
    /// unless the result is undecided.
    public func evaluate(_ lookup: (FactID) -> FactValue?) -> ConditionResult {
        switch root.truth(lookup) {
        case .true: return .true
        case .false: return .false
        case .undecided:
            // A second pass, only when undecided, keeps the decided path free of set allocations.
            var missing: Set<FactID> = []
            root.collectMissing(lookup, into: &missing)
            return .undecided(missing: missing)
        }
    }

    /// Evaluates the condition over a dictionary of known facts.
    public func evaluate(_ facts: [FactID: FactValue]) -> ConditionResult {
        evaluate { facts[$0] }
    }

    /// The condition in normalised form, such as `citizenship not in EU_EEA and hasChildren`: single
    /// spaces, double-quoted strings, upper-case country codes, and only the parentheses precedence needs
    /// (plus those around a comparison under `not`, for reading). Parsing it again gives the same condition.
    public var description: String { root.rendered }
}
