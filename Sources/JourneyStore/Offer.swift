import Foundation
import JourneyModel

/// A journey offered to a person because an agency told Lotsen of a life event of theirs (a journey's
/// `offeredBy`), with the facts the event proves, to be filled in once-only if the person accepts.
public struct Offer: Hashable, Sendable {
    /// Where the offer stands.
    public enum Status: String, Sendable, CaseIterable {
        /// Waiting for the person to accept or decline it.
        case open
        /// The person took it: ``Offer/enrollment`` is the journey it started.
        case accepted
        /// The person said no.
        case declined
        /// Not taken before ``Offer/expiresAt``: stored when a newer offer replaced it, and otherwise read so
        /// (``standing(at:)``), so nothing has to fire at the moment it expires.
        case expired
    }

    /// Numbered by the store; unique across people, meaningful only with the person.
    public let id: Int64
    public let person: PersonID
    public let journey: JourneyID
    /// The life event that made the offer: its agency, kind and the agency's message id.
    public let agency: AgencyID
    public let event: String
    public let messageID: String
    /// The service whose record vouches for ``facts``: their provenance once filled in.
    public let vouchedBy: ServiceID
    /// What the event proves, as the journey's facts, in the order the journey names them.
    public let facts: [ProvenFact]
    public let createdAt: Date
    public let expiresAt: Date
    /// As stored; read ``standing(at:)`` for where it stands now.
    public var status: Status
    public var decidedAt: Date?
    /// The enrollment accepting it started (or found already started).
    public var enrollment: EnrollmentID?

    /// One fact the event proves.
    public struct ProvenFact: Hashable, Sendable {
        public let fact: FactID
        public let value: FactValue

        public init(fact: FactID, value: FactValue) {
            self.fact = fact
            self.value = value
        }
    }

    public init(id: Int64, person: PersonID, journey: JourneyID, agency: AgencyID, event: String, messageID: String, vouchedBy: ServiceID,
        facts: [ProvenFact], createdAt: Date, expiresAt: Date, status: Status = .open, decidedAt: Date? = nil, enrollment: EnrollmentID? = nil)
    {
        self.id = id
        self.person = person
        self.journey = journey
        self.agency = agency
        self.event = event
        self.messageID = messageID
        self.vouchedBy = vouchedBy
        self.facts = facts
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.status = status
        self.decidedAt = decidedAt
        self.enrollment = enrollment
    }

    /// Where the offer stands at `now`: an open offer past its expiry is expired.
    public func standing(at now: Date) -> Status { status == .open && expiresAt <= now ? .expired : status }
}

extension Offer.ProvenFact {
    /// The facts as the store keeps them: one JSON array of `[fact, type, canonical value]`, in order.
    public static func stored(_ facts: [Offer.ProvenFact]) -> String {
        let rows = facts.map { [$0.fact.rawValue, $0.value.typeKeyword, $0.value.canonical] }
        let data = (try? JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The facts read back from ``stored(_:)``; a row this version cannot read is a corrupt store.
    public static func read(_ text: String) throws(StorageError) -> [Offer.ProvenFact] {
        guard let rows = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String]] else {
            throw StorageError(.corrupt, "a stored offer's facts cannot be read")
        }
        var facts: [Offer.ProvenFact] = []
        for row in rows {
            guard row.count == 3, let value = FactValue(storedType: row[1], canonical: row[2]) else {
                throw StorageError(.corrupt, "a stored offer's facts cannot be read")
            }
            facts.append(Offer.ProvenFact(fact: FactID(row[0]), value: value))
        }
        return facts
    }
}
