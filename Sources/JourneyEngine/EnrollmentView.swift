import JourneyModel
import JourneyStore

/// One enrollment as a front end shows it: the stored row, the definition it is pinned to, and the plan.
public struct EnrollmentView: Sendable {
    public let enrollment: StoredEnrollment
    public let journey: Journey
    public let plan: JourneyPlan
    /// Whether this call created the enrollment (false when it already existed).
    public let created: Bool
    /// Whether the step command changed nothing: it repeated what the step already is (done, started, skipped).
    public let unchanged: Bool
    /// The person's claims against facts of this journey that an agency supplied (what they say, "you said").
    public let claims: [FactID: KnownFact]

    public init(enrollment: StoredEnrollment, journey: Journey, plan: JourneyPlan, created: Bool = false, unchanged: Bool = false,
        claims: [FactID: KnownFact] = [:])
    {
        self.enrollment = enrollment
        self.journey = journey
        self.plan = plan
        self.created = created
        self.unchanged = unchanged
        self.claims = claims.filter { journey.fact($0.key) != nil }
    }
}

/// A person's overview across journeys, with the facts known about them and their provenance.
public struct PersonOverview: Sendable {
    public let person: StoredPerson
    public let facts: [FactID: KnownFact]
    public let enrollments: [EnrollmentView]
    /// Where the person disputes a fact an agency supplied: what they say, beside the agency's value in ``facts``.
    public let claims: [FactID: KnownFact]

    public init(person: StoredPerson, facts: [FactID: KnownFact], enrollments: [EnrollmentView], claims: [FactID: KnownFact] = [:]) {
        self.person = person
        self.facts = facts
        self.enrollments = enrollments
        self.claims = claims
    }
}
