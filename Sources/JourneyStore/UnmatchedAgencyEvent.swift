import Foundation
import JourneyModel

/// A case event an agency pushed about someone Lotsen cannot place: no person by that reference, or none of their
/// journeys has a step for the service. Kept as it came, so the agency's answer is the one any waiting event gets,
/// a resent message is recognised, and the event still applies if the person starts the journey before
/// ``expiresAt``; then it is forgotten. One per (agency, message id), across this and ``StoredAgencyEvent``.
public struct UnmatchedAgencyEvent: Hashable, Sendable {
    public let agency: AgencyID
    public let messageID: String
    /// The person as the agency named them: a Lotsen reference, or a personnummer or samordningsnummer (twelve digits).
    public let person: String
    public let service: ServiceID
    public let journey: JourneyID?
    /// The event's type as the engine names it (`received`, `needsAction`, `decided`).
    public let kind: String
    public let decision: String?
    public let caseReference: String?
    public let message: String?
    public let language: Language
    public let receivedAt: Date
    public let expiresAt: Date

    public init(agency: AgencyID, messageID: String, person: String, service: ServiceID, journey: JourneyID?, kind: String, decision: String?,
        caseReference: String?, message: String?, language: Language, receivedAt: Date, expiresAt: Date)
    {
        self.agency = agency
        self.messageID = messageID
        self.person = person
        self.service = service
        self.journey = journey
        self.kind = kind
        self.decision = decision
        self.caseReference = caseReference
        self.message = message
        self.language = language
        self.receivedAt = receivedAt
        self.expiresAt = expiresAt
    }
}
