import JourneyModel

/// Everything that one transition may read or change, loaded and written in one transaction:
/// the person, the facts known about them, their claims against facts an agency supplied, and their enrollments.
public struct PersonSnapshot: Hashable, Sendable {
    public var person: StoredPerson
    public var facts: [FactID: KnownFact]
    public var enrollments: [StoredEnrollment]
    /// What the person says where they dispute a fact an agency supplied: kept beside the agency's value in
    /// ``facts``, with its own provenance ("you said"), and never used for planning or sent to an agency.
    public var claims: [FactID: KnownFact]

    public init(person: StoredPerson, facts: [FactID: KnownFact], enrollments: [StoredEnrollment], claims: [FactID: KnownFact] = [:]) {
        self.person = person
        self.facts = facts
        self.enrollments = enrollments
        self.claims = claims
    }

    /// The fact values alone, as the planner reads them.
    public var factValues: [FactID: FactValue] { facts.mapValues { $0.value } }
}
