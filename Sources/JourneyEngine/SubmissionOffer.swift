import JourneyModel

/// An application Lotsen can send for the person: the preview of exactly which facts go to which agency, from where.
public struct SubmissionOffer: Sendable {
    /// One fact in the application.
    public struct Field: Sendable {
        public let fact: FactDefinition
        public let value: FactValue
        /// Where Lotsen has it from: the person, or an agency.
        public let source: FactSource
        /// The agency's name for it.
        public let agencyField: String
    }

    public let journey: Journey
    public let enrollment: EnrollmentID
    public let step: StepDefinition
    public let agency: Agency
    public let service: AgencyService
    public let fields: [Field]

    public var purpose: CallPurpose { CallPurpose(journey: journey.id, step: step.id) }
}

/// What came of an application the person was offered.
public enum SubmissionOutcome: Hashable, Sendable {
    /// The agency has the case; the step waits on it.
    case submitted(caseID: String)
    /// The person said no; nothing was sent.
    case refused
}

/// A change an agency reported about a submitted case.
public struct CaseUpdate: Hashable, Sendable {
    public let journey: JourneyID
    public let step: StepID
    public let status: AgencyCase.Status
    public let message: String?
}
