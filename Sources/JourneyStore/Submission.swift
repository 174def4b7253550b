import Foundation
import JourneyModel

/// An application sent (or about to be sent) to an agency: the outbox row. Its id is the idempotency key.
public struct Submission: Hashable, Sendable {
    public enum State: String, Sendable {
        /// Recorded; the agency may or may not have the case yet.
        case pending
        /// The agency has the case.
        case submitted
        /// The agency refused it, or it could not be sent; the person can try again.
        case failed
    }

    public let id: String
    public let person: PersonID
    public let enrollment: EnrollmentID
    public let journey: JourneyID
    public let step: StepID
    public let service: ServiceID
    /// The facts sent (names only).
    public let fields: [FactID]
    /// The request body, kept while the submission is pending so a retry sends exactly the same.
    public var payload: String?
    public var state: State
    public var caseID: String?
    public var attempts: Int
    /// The last failure's code, without personal data.
    public var lastError: String?
    public let createdAt: Date
    public var updatedAt: Date

    public init(id: String = "s-" + UUID().uuidString.lowercased(), person: PersonID, enrollment: EnrollmentID, journey: JourneyID, step: StepID,
        service: ServiceID, fields: [FactID], payload: String?, state: State = .pending, caseID: String? = nil, attempts: Int = 0,
        lastError: String? = nil, createdAt: Date, updatedAt: Date? = nil)
    {
        self.id = id
        self.person = person
        self.enrollment = enrollment
        self.journey = journey
        self.step = step
        self.service = service
        self.fields = fields
        self.payload = payload
        self.state = state
        self.caseID = caseID
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
