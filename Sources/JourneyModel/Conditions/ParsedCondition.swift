/// A condition that is syntactically valid but not yet checked against a journey's facts.
/// Get one from ``Condition/parse(_:)``; ``check(against:)`` turns it into a ``Condition``.
public struct ParsedCondition: Hashable, Sendable {
    public let source: String
    let syntax: ConditionSyntax

    init(source: String, syntax: ConditionSyntax) {
        self.source = source
        self.syntax = syntax
    }

    /// Type-checks the condition against the declared facts, reporting every type error (in source order),
    /// not just the first.
    public func check(against facts: [FactID: FactType]) -> Result<Condition, ConditionErrors> {
        var checker = ConditionTypeChecker(facts: facts)
        guard let root = checker.check(syntax) else { return .failure(ConditionErrors(checker.errors)) }
        return .success(Condition(source: source, root: root))
    }
}
