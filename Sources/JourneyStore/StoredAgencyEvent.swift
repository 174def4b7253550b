import Foundation
import JourneyModel

/// A case event an agency pushed, as stored: what it says, which step of whose journey it is for, and whether
/// it has been applied. One per (agency, message id), so a message sent again is recognised.
public struct StoredAgencyEvent: Hashable, Sendable {
    public enum Status: String, CaseIterable, Sendable, Codable {
        /// The person has not reached the step yet; applied when they do.
        case pending
        case applied
        /// It arrived early, and when the person got there the step no longer allowed it (``outcome`` says why).
        case refused
    }

    /// The order events arrived in; 0 until stored.
    public var sequence: Int64
    public let agency: AgencyID
    public let messageID: String
    public let person: PersonID
    public let enrollment: EnrollmentID
    public let step: StepID
    public let service: ServiceID
    /// The event's type as the engine names it (`received`, `needsAction`, `decided`).
    public let kind: String
    /// For a decision: `approved` or `rejected`.
    public let decision: String?
    public let caseReference: String?
    /// The agency's text for the person (what to do, or why it was rejected).
    public let message: String?
    public let language: Language
    public let receivedAt: Date
    public var status: Status
    /// For a refused event, the engine's error code, or `expired` for one still pending at ``expiresAt``.
    public var outcome: String?
    public var resolvedAt: Date?
    /// When a pending event stops waiting and is refused as `expired`; `nil` for events kept before expiry existed.
    public let expiresAt: Date?

    public init(sequence: Int64 = 0, agency: AgencyID, messageID: String, person: PersonID, enrollment: EnrollmentID, step: StepID, service: ServiceID,
        kind: String, decision: String?, caseReference: String?, message: String?, language: Language, receivedAt: Date, status: Status,
        outcome: String? = nil, resolvedAt: Date? = nil, expiresAt: Date? = nil)
    {
        self.sequence = sequence
        self.agency = agency
        self.messageID = messageID
        self.person = person
        self.enrollment = enrollment
        self.step = step
        self.service = service
        self.kind = kind
        self.decision = decision
        self.caseReference = caseReference
        self.message = message
        self.language = language
        self.receivedAt = receivedAt
        self.status = status
        self.outcome = outcome
        self.resolvedAt = resolvedAt
        self.expiresAt = expiresAt
    }

    /// The outcome of a pending event that waited until its ``expiresAt``.
    public static let expired = "expired"

}
