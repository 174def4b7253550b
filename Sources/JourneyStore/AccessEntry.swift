import Foundation
import JourneyModel

/// One entry of the access journal: who read or sent what about a person, why, and what came of it.
/// Field names only, never values.
public struct AccessEntry: Hashable, Sendable {
    public enum Action: String, Sendable, CaseIterable {
        /// A lookup at an agency.
        case fetch
        /// An application sent to an agency.
        case send
        /// A question about a case's status.
        case caseStatus
        case consentGranted
        case consentRefused
        case consentWithdrawn
    }

    public enum Outcome: String, Sendable, CaseIterable {
        /// The call answered as hoped (or the consent was recorded).
        case completed
        /// Not called: the person refused, or there was no consent.
        case denied
        /// Recorded before the call; a later entry says how it went.
        case intended
        /// The agency has no record of the person.
        case noMatch
        /// The agency has several records; none is used.
        case severalMatches
        /// The agency refused, or the call failed; `detail` has the code.
        case failed
    }

    /// Position in the journal, from 1; 0 until stored.
    public var sequence: Int64
    public let at: Date
    public let person: PersonID
    /// Who asked: the person, a caseworker, an agency, or Lotsen itself (retries, status checks).
    public let actor: JourneyEvent.Actor
    public let journey: JourneyID?
    public let step: StepID?
    public let service: ServiceID
    public let action: Action
    public let fields: [FactID]
    public let outcome: Outcome
    /// A case id or an error code; never personal data.
    public let detail: String?
    public var previousHash: String
    public var hash: String

    public init(at: Date, person: PersonID, actor: JourneyEvent.Actor, journey: JourneyID?, step: StepID?, service: ServiceID, action: Action,
        fields: [FactID], outcome: Outcome, detail: String? = nil)
    {
        self.sequence = 0
        self.at = at
        self.person = person
        self.actor = actor
        self.journey = journey
        self.step = step
        self.service = service
        self.action = action
        self.fields = fields
        self.outcome = outcome
        self.detail = detail
        self.previousHash = ""
        self.hash = ""
    }

    public var agency: AgencyID { service.agency }
}
