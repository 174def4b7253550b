import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// Life events and the offers they make: `life_event` by its primary key, offers by `offer_by_person`. Two nodes
/// receiving one message at once both insert its `life_event` row; the second waits on the first and then violates
/// the primary key, a conflict, so its offers are never made twice.
extension PostgresJourneyStore {
    static let offerColumns = """
        id, person_id, journey_id, agency_id, event_kind, message_id, vouched_by, facts, created_at, expires_at, status, decided_at, enrollment_id
        """

    public func lifeEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> ReceivedLifeEvent? {
        try await read { db in
            try await db.rows("""
                SELECT agency_id, message_id, kind, fingerprint, person_id, received_at, expires_at FROM life_event
                WHERE agency_id = \(agency.rawValue) AND message_id = \(messageID)
                """
            ).first.map { row in
                let (agency, messageID, kind, fingerprint, person, receivedAt, expiresAt) = try row.decode(
                    (String, String, String, String, String?, Double, Double).self)
                return ReceivedLifeEvent(agency: AgencyID(agency), messageID: messageID, kind: kind, fingerprint: fingerprint,
                    person: person.map { PersonID($0) }, receivedAt: Date(storedSeconds: receivedAt), expiresAt: Date(storedSeconds: expiresAt))
            }
        }
    }

    public func receive(_ event: ReceivedLifeEvent, offers: [Offer]) async throws(StorageError) -> [Offer] {
        try await write { db in
            let inserted = try await db.rows("""
                INSERT INTO life_event (agency_id, message_id, kind, fingerprint, person_id, received_at, expires_at)
                VALUES (\(event.agency.rawValue), \(event.messageID), \(event.kind), \(event.fingerprint), \(event.person?.rawValue),
                    \(event.receivedAt.storedSeconds), \(event.expiresAt.storedSeconds))
                ON CONFLICT DO NOTHING RETURNING message_id
                """)
            if inserted.isEmpty { throw StorageError(.conflict, "that message id is taken", hint: "reload and try again") }
            var made: [Offer] = []
            for offer in offers {
                // An open offer past its moment gives way to the new one; one still standing keeps it from being made.
                try await db.exec("""
                    UPDATE offer SET status = 'expired' WHERE person_id = \(offer.person.rawValue) AND journey_id = \(offer.journey.rawValue)
                        AND status = 'open' AND expires_at <= \(offer.createdAt.storedSeconds)
                    """)
                let rows = try await db.rows("""
                    INSERT INTO offer (person_id, journey_id, agency_id, event_kind, message_id, vouched_by, facts, created_at, expires_at, status)
                    VALUES (\(offer.person.rawValue), \(offer.journey.rawValue), \(offer.agency.rawValue), \(offer.event), \(offer.messageID),
                        \(offer.vouchedBy.rawValue), \(Offer.ProvenFact.stored(offer.facts)), \(offer.createdAt.storedSeconds),
                        \(offer.expiresAt.storedSeconds), 'open')
                    ON CONFLICT DO NOTHING RETURNING id
                    """)
                guard let row = rows.first else { continue }
                made.append(Offer(id: try row.decode(Int64.self), person: offer.person, journey: offer.journey, agency: offer.agency, event: offer.event,
                    messageID: offer.messageID, vouchedBy: offer.vouchedBy, facts: offer.facts, createdAt: offer.createdAt, expiresAt: offer.expiresAt))
            }
            return made
        }
    }

    public func offers(of person: PersonID) async throws(StorageError) -> [Offer] {
        try await read { db in
            try await db.rows("SELECT \(unescaped: Self.offerColumns) FROM offer WHERE person_id = \(person.rawValue) ORDER BY id DESC")
                .compactMap(Self.offer(from:))
        }
    }

    public func decideOffer(_ id: Int64, of person: PersonID, _ decision: Offer.Status, enrollment: EnrollmentID?, at: Date) async throws(StorageError)
        -> Offer?
    {
        try await write { db in
            try await db.exec("""
                UPDATE offer SET status = \(decision.rawValue), decided_at = \(at.storedSeconds), enrollment_id = \(enrollment?.rawValue)
                WHERE id = \(id) AND person_id = \(person.rawValue) AND status = 'open' AND expires_at > \(at.storedSeconds)
                """)
            return try await db.rows("SELECT \(unescaped: Self.offerColumns) FROM offer WHERE id = \(id) AND person_id = \(person.rawValue)")
                .first.flatMap(Self.offer(from:))
        }
    }

    /// An offer from its row; `nil` for a status this version does not know (a newer Lotsen wrote it).
    private static func offer(from row: PostgresRow) throws -> Offer? {
        let (id, person, journey, agency, event, messageID, vouchedBy, facts, createdAt, expiresAt, status, decidedAt, enrollment) = try row.decode(
            (Int64, String, String, String, String, String, String, String, Double, Double, String, Double?, String?).self)
        guard let status = Offer.Status(rawValue: status) else { return nil }
        return Offer(id: id, person: PersonID(person), journey: JourneyID(journey), agency: AgencyID(agency), event: event, messageID: messageID,
            vouchedBy: ServiceID(vouchedBy), facts: try Offer.ProvenFact.read(facts), createdAt: Date(storedSeconds: createdAt),
            expiresAt: Date(storedSeconds: expiresAt), status: status, decidedAt: decidedAt.map(Date.init(storedSeconds:)),
            enrollment: enrollment.map { EnrollmentID($0) })
    }
}
