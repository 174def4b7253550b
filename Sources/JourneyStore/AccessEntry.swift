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
        /// A read of the person's data through the API: an enrollment, their overview, facts, consents or journal.
        case read
        /// Something done for the person through the API: a journey started, answers recorded, a step moved, a consent.
        case change
        /// The person granted a mandate (`detail` names it), or was granted one: in the journals of both.
        case mandateGranted
        /// The mandate in `detail` was withdrawn: in the journals of both.
        case mandateWithdrawn
        /// A reminder of a due step sent to the deployment's webhook (opaque ids only), or given up on.
        case remind
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
        /// An API request the requester was not allowed to make; `detail` has the API error code.
        case refused
    }

    /// Position in the journal, from 1; 0 until stored.
    public var sequence: Int64
    public let at: Date
    public let person: PersonID
    /// Who asked: the person, a caseworker, an agency, or Lotsen itself (retries, status checks).
    public let actor: JourneyEvent.Actor
    public let journey: JourneyID?
    public let step: StepID?
    /// The agency service called; `nil` for a request through the API, which `requester` names instead.
    public let service: ServiceID?
    public let action: Action
    public let fields: [FactID]
    public let outcome: Outcome
    /// A case id or an error code; never personal data.
    public let detail: String?
    /// For a request through the API: the token, its role towards the person and the route.
    public let requester: AccessRequester?
    public var previousHash: String
    public var hash: String

    public init(at: Date, person: PersonID, actor: JourneyEvent.Actor, journey: JourneyID?, step: StepID?, service: ServiceID?, action: Action,
        fields: [FactID], outcome: Outcome, detail: String? = nil, requester: AccessRequester? = nil)
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
        self.requester = requester
        self.previousHash = ""
        self.hash = ""
    }

    /// The agency called; `nil` for a request through the API.
    public var agency: AgencyID? { service?.agency }

    /// An entry for a request through the API by `requester`: a read, a change or a refusal, with no fields or values.
    public static func request(at: Date, person: PersonID, requester: AccessRequester, journey: JourneyID? = nil, step: StepID? = nil, action: Action,
        outcome: Outcome, detail: String? = nil) -> AccessEntry
    {
        let actor: JourneyEvent.Actor =
            switch requester.role {
            case .person, .citizen, .representative, .guardian: .person
            case .caseworker, .counter: .caseworker
            case .agency: .agency
            }
        return AccessEntry(at: at, person: person, actor: actor, journey: journey, step: step, service: nil, action: action, fields: [],
            outcome: outcome, detail: detail, requester: requester)
    }
}
