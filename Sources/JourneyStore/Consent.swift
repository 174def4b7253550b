import Foundation
import JourneyModel

/// A person's decision about one exchange of their data, scoped to (journey, step, service, fields).
public struct Consent: Hashable, Sendable {
    public enum Direction: String, Sendable, CaseIterable {
        /// Fetch these fields from the service (a lookup).
        case fetch
        /// Send these fields to the service (an application).
        case send
    }

    public enum Decision: String, Sendable {
        case granted
        case refused
    }

    public let id: String
    public let person: PersonID
    public let journey: JourneyID
    public let step: StepID?
    public let service: ServiceID
    public let direction: Direction
    public let fields: [FactID]
    public let decision: Decision
    public let decidedAt: Date
    public var withdrawnAt: Date?

    public init(id: String = "c-" + UUID().uuidString.lowercased(), person: PersonID, journey: JourneyID, step: StepID?, service: ServiceID,
        direction: Direction, fields: [FactID], decision: Decision, decidedAt: Date, withdrawnAt: Date? = nil)
    {
        self.id = id
        self.person = person
        self.journey = journey
        self.step = step
        self.service = service
        self.direction = direction
        self.fields = fields.sorted()
        self.decision = decision
        self.decidedAt = decidedAt
        self.withdrawnAt = withdrawnAt
    }

    /// Whether this consent allows exchanging `fields` now.
    public func allows(_ fields: [FactID]) -> Bool {
        decision == .granted && withdrawnAt == nil && Set(fields).isSubset(of: self.fields)
    }
}
