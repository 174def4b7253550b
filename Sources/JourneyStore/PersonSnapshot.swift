import JourneyModel

/// Everything that one transition may read or change, loaded and written in one transaction:
/// the person, the facts known about them and their enrollments.
public struct PersonSnapshot: Hashable, Sendable {
    public var person: StoredPerson
    public var facts: [FactID: KnownFact]
    public var enrollments: [StoredEnrollment]

    public init(person: StoredPerson, facts: [FactID: KnownFact], enrollments: [StoredEnrollment]) {
        self.person = person
        self.facts = facts
        self.enrollments = enrollments
    }

    /// The fact values alone, as the planner reads them.
    public var factValues: [FactID: FactValue] { facts.mapValues { $0.value } }
}
