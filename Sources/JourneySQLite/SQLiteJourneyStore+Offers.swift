import Foundation
import GRDB
import JourneyModel
import JourneyStore

/// Life events and the offers they make: `life_event` by its primary key, offers by `offer_by_person`.
extension SQLiteJourneyStore {
    static let offerColumns = """
        id, personId, journeyId, agencyId, eventKind, messageId, vouchedBy, facts, createdAt, expiresAt, status, decidedAt, enrollmentId
        """

    public func lifeEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> ReceivedLifeEvent? {
        try await read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM life_event WHERE agencyId = ? AND messageId = ?"),
                arguments: [agency.rawValue, messageID]).map { row in
                let person: String? = row["personId"]
                return ReceivedLifeEvent(agency: AgencyID(row["agencyId"] as String), messageID: row["messageId"], kind: row["kind"],
                    fingerprint: row["fingerprint"], person: person.map { PersonID($0) }, receivedAt: Date(storedSeconds: row["receivedAt"]),
                    expiresAt: Date(storedSeconds: row["expiresAt"]))
            }
        }
    }

    public func receive(_ event: ReceivedLifeEvent, offers: [Offer]) async throws(StorageError) -> [Offer] {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM life_event WHERE agencyId = ? AND messageId = ?",
                arguments: [event.agency.rawValue, event.messageID]) == nil
            else { throw StorageError(.conflict, "that message id is taken", hint: "reload and try again") }
            try db.execute(
                sql: "INSERT INTO life_event (agencyId, messageId, kind, fingerprint, personId, receivedAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [event.agency.rawValue, event.messageID, event.kind, event.fingerprint, event.person?.rawValue,
                    event.receivedAt.storedSeconds, event.expiresAt.storedSeconds])
            var made: [Offer] = []
            for offer in offers {
                // An open offer past its moment gives way to the new one; one still standing keeps it from being made.
                try db.execute(
                    sql: "UPDATE offer SET status = 'expired' WHERE personId = ? AND journeyId = ? AND status = 'open' AND expiresAt <= ?",
                    arguments: [offer.person.rawValue, offer.journey.rawValue, offer.createdAt.storedSeconds])
                try db.execute(
                    sql: """
                        INSERT INTO offer (personId, journeyId, agencyId, eventKind, messageId, vouchedBy, facts, createdAt, expiresAt, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open') ON CONFLICT DO NOTHING
                        """,
                    arguments: [offer.person.rawValue, offer.journey.rawValue, offer.agency.rawValue, offer.event, offer.messageID,
                        offer.vouchedBy.rawValue, Offer.ProvenFact.stored(offer.facts), offer.createdAt.storedSeconds, offer.expiresAt.storedSeconds])
                guard db.changesCount == 1 else { continue }
                made.append(Offer(id: db.lastInsertedRowID, person: offer.person, journey: offer.journey, agency: offer.agency, event: offer.event,
                    messageID: offer.messageID, vouchedBy: offer.vouchedBy, facts: offer.facts, createdAt: offer.createdAt, expiresAt: offer.expiresAt))
            }
            return made
        }
    }

    public func offers(of person: PersonID) async throws(StorageError) -> [Offer] {
        try await read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.offerColumns) FROM offer WHERE personId = ? ORDER BY id DESC"),
                arguments: [person.rawValue]).compactMap(Self.offer(from:))
        }
    }

    public func decideOffer(_ id: Int64, of person: PersonID, _ decision: Offer.Status, enrollment: EnrollmentID?, at: Date) async throws(StorageError)
        -> Offer?
    {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE offer SET status = ?, decidedAt = ?, enrollmentId = ? WHERE id = ? AND personId = ? AND status = 'open' AND expiresAt > ?
                    """,
                arguments: [decision.rawValue, at.storedSeconds, enrollment?.rawValue, id, person.rawValue, at.storedSeconds])
            return try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.offerColumns) FROM offer WHERE id = ? AND personId = ?"),
                arguments: [id, person.rawValue]).flatMap(Self.offer(from:))
        }
    }

    /// An offer from its row; `nil` for a status this version does not know (a newer Lotsen wrote it).
    private static func offer(from row: Row) throws -> Offer? {
        guard let status = Offer.Status(rawValue: row["status"]) else { return nil }
        let decidedAt: Double? = row["decidedAt"]
        let enrollment: String? = row["enrollmentId"]
        return Offer(id: row["id"], person: PersonID(row["personId"] as String), journey: JourneyID(row["journeyId"] as String),
            agency: AgencyID(row["agencyId"] as String), event: row["eventKind"], messageID: row["messageId"],
            vouchedBy: ServiceID(row["vouchedBy"] as String), facts: try Offer.ProvenFact.read(row["facts"]), createdAt: Date(storedSeconds: row["createdAt"]),
            expiresAt: Date(storedSeconds: row["expiresAt"]), status: status, decidedAt: decidedAt.map(Date.init(storedSeconds:)),
            enrollment: enrollment.map { EnrollmentID($0) })
    }
}
