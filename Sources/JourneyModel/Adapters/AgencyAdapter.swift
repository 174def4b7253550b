/// Talks to agencies. The engine depends on this protocol only; `JourneyAdapters` implements it over HTTP.
/// Implementations retry as the adapter file says and report what is left as an ``AgencyError``.
public protocol AgencyAdapter: Sendable {
    /// Every record of the lookup service that matches the subject; the caller refuses anything but exactly one.
    func lookup(_ request: LookupRequest) async throws(AgencyError) -> [AgencyValue]
    /// Opens a case, or returns the case already opened under the request's idempotency key.
    func submit(_ request: ApplicationRequest) async throws(AgencyError) -> AgencyCase
    /// Where a case opened earlier stands now.
    func caseStatus(_ request: CaseStatusRequest) async throws(AgencyError) -> AgencyCase
}

/// Why Lotsen calls: the journey and step the data is for. Sent to the agency and written to the access journal.
public struct CallPurpose: Hashable, Sendable, CustomStringConvertible {
    public let journey: JourneyID
    public let step: StepID?

    public init(journey: JourneyID, step: StepID?) {
        self.journey = journey
        self.step = step
    }

    public var description: String { step.map { "\(journey)/\($0)" } ?? journey.rawValue }
}

public struct LookupRequest: Sendable {
    public let service: ServiceID
    public let subject: Personnummer
    /// The field paths Lotsen will read, so the agency may send only those.
    public let fields: [String]
    public let purpose: CallPurpose

    public init(service: ServiceID, subject: Personnummer, fields: [String], purpose: CallPurpose) {
        self.service = service
        self.subject = subject
        self.fields = fields
        self.purpose = purpose
    }
}

public struct ApplicationRequest: Sendable {
    public let service: ServiceID
    /// The applicant's number; `nil` for someone who has none yet.
    public let subject: Personnummer?
    /// The agency's field names and the values sent.
    public let fields: [String: AgencyValue]
    /// The same key on a retry, so the agency opens one case however often the call is repeated.
    public let idempotencyKey: String
    public let purpose: CallPurpose

    public init(service: ServiceID, subject: Personnummer?, fields: [String: AgencyValue], idempotencyKey: String, purpose: CallPurpose) {
        self.service = service
        self.subject = subject
        self.fields = fields
        self.idempotencyKey = idempotencyKey
        self.purpose = purpose
    }
}

public struct CaseStatusRequest: Sendable {
    /// The agency's case-status service.
    public let service: ServiceID
    public let caseID: String
    public let purpose: CallPurpose

    public init(service: ServiceID, caseID: String, purpose: CallPurpose) {
        self.service = service
        self.caseID = caseID
        self.purpose = purpose
    }
}

/// A case at an agency, as it answers about it.
public struct AgencyCase: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        case received
        /// The agency asks the person for something.
        case needsAction
        case approved
        case rejected
    }

    public let caseID: String
    public let status: Status
    /// What the agency says to the person (what it needs, or why it refused).
    public let message: String?
    /// The decided case's fields, read through the application's `returns`.
    public let fields: AgencyValue

    public init(caseID: String, status: Status, message: String? = nil, fields: AgencyValue = .object([:])) {
        self.caseID = caseID
        self.status = status
        self.message = message
        self.fields = fields
    }
}
