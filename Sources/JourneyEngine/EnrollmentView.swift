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

    public init(enrollment: StoredEnrollment, journey: Journey, plan: JourneyPlan, created: Bool = false, unchanged: Bool = false) {
        self.enrollment = enrollment
        self.journey = journey
        self.plan = plan
        self.created = created
        self.unchanged = unchanged
    }
}

/// A person's overview across journeys, with the facts known about them and their provenance.
public struct PersonOverview: Sendable {
    public let person: StoredPerson
    public let facts: [FactID: KnownFact]
    public let enrollments: [EnrollmentView]

    public init(person: StoredPerson, facts: [FactID: KnownFact], enrollments: [EnrollmentView]) {
        self.person = person
        self.facts = facts
        self.enrollments = enrollments
    }
}
