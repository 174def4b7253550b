import Foundation
import JourneyModel
import JourneyStore

/// A life event an agency tells Lotsen of (`POST /v1/life-events`): a birth Skatteverket registered, say, about the
/// person named by their personnummer, with the event's fields already typed.
public struct LifeEventMessage: Hashable, Sendable {
    public let messageID: String
    public let event: AgencyLifeEvent
    public let person: Personnummer
    /// The event's fields by name; each of the event's type for it.
    public let fields: [String: FactValue]

    public init(messageID: String, event: AgencyLifeEvent, person: Personnummer, fields: [String: FactValue]) {
        self.messageID = messageID
        self.event = event
        self.person = person
        self.fields = fields
    }

    /// What the message says, as a fingerprint: the same message sent again has the same one.
    var fingerprint: String {
        let said = [event.name, person.twelveDigits] + fields.keys.sorted().map { "\($0)=\(fields[$0]!.typeKeyword):\(fields[$0]!.canonical)" }
        return Fingerprint.sha256(said.joined(separator: "\n"))
    }
}

/// What became of a life event. Only ``messageID``, ``receivedAt`` and ``duplicate`` go back to the agency: whether
/// the person uses Lotsen, or got an offer, is not the agency's to know.
public struct LifeEventReceipt: Hashable, Sendable {
    public let messageID: String
    public let event: AgencyLifeEvent
    public let receivedAt: Date
    public let duplicate: Bool
    /// The person it is about, when Lotsen knows them with a proven number: their journal gets the event.
    public let person: PersonID?
    /// The offers it made (none for a duplicate).
    public let offers: [Offer]
}
