import JourneyModel

extension StepState {
    /// The states the step index leaves out: settled or locked steps, which nobody has to act on (see Schema).
    static let unindexed: [StepState] = [.done, .skipped, .notApplicable, .locked]

    /// The partial index's condition, exactly as the schema writes it, so a query can repeat it.
    static let indexCondition = unindexed.map { "s.state <> '\($0.rawValue)'" }.joined(separator: " AND ")
}
