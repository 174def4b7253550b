import Foundation
import JourneyModel

/// A life event an agency told Lotsen of, as kept: enough to recognise the same message sent again, nothing about
/// the person but their Lotsen reference when one matched. What the event said is kept only as a fingerprint, so an
/// event about someone who does not use Lotsen leaves no readable trace of them.
public struct ReceivedLifeEvent: Hashable, Sendable {
    public let agency: AgencyID
    public let messageID: String
    /// The event's kind: `birth-registered`.
    public let kind: String
    /// SHA-256 of what the event said (person and fields), to tell a resent message from a different one.
    public let fingerprint: String
    /// The person it named, when Lotsen knows them with a proven number; `nil` for an unmatched event.
    public let person: PersonID?
    public let receivedAt: Date
    /// When an unmatched event is forgotten (``AgencyEventStore/expireAgencyEvents(now:)``); a matched one is kept,
    /// so its offers keep their origin.
    public let expiresAt: Date

    public init(agency: AgencyID, messageID: String, kind: String, fingerprint: String, person: PersonID?, receivedAt: Date, expiresAt: Date) {
        self.agency = agency
        self.messageID = messageID
        self.kind = kind
        self.fingerprint = fingerprint
        self.person = person
        self.receivedAt = receivedAt
        self.expiresAt = expiresAt
    }
}
