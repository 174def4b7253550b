import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// The access journal: rows only. How entries are chained and checked is ``JournalChain``'s, the same for every store.
extension PostgresJourneyStore {
    public func appendJournal(_ entries: [AccessEntry]) async throws(StorageError) {
        guard !entries.isEmpty else { return }
        try await write { db in try await Self.append(entries, db) }
    }

    public func journal(person: PersonID?) async throws(StorageError) -> [AccessEntry] {
        try await read { db in
            let rows =
                if let person {
                    try await db.rows("SELECT \(unescaped: Self.journalColumns) FROM access_journal WHERE person_id = \(person.rawValue) ORDER BY sequence")
                } else {
                    try await db.rows("SELECT \(unescaped: Self.journalColumns) FROM access_journal ORDER BY sequence")
                }
            return try rows.map { try Self.entry($0).entry }
        }
    }

    public func journal(person: PersonID, after sequence: Int64, limit: Int) async throws(StorageError) -> [AccessEntry] {
        try await read { db in
            try await db.rows("""
                SELECT \(unescaped: Self.journalColumns) FROM access_journal WHERE person_id = \(person.rawValue) AND sequence > \(sequence)
                ORDER BY sequence LIMIT \(max(0, limit))
                """).map { try Self.entry($0).entry }
        }
    }

    public func verifyJournal(expectedHead: String?) async throws(StorageError) -> JournalVerification {
        // One snapshot for the walk and the head check; rows are checked as they arrive, never all held at once.
        try await consistentRead { db in
            var verifier = JournalChain.Verifier()
            try await db.each("SELECT \(unescaped: Self.journalColumns) FROM access_journal ORDER BY sequence") { row in
                let (entry, agency) = try Self.entry(row)
                verifier.check(entry, agencyColumn: agency)
            }
            var headIsStored = true
            if let expectedHead, expectedHead != verifier.head {
                headIsStored = try await !db.rows("SELECT 1 FROM access_journal WHERE hash = \(expectedHead) LIMIT 1").isEmpty
            }
            return verifier.verification(expectedHead: expectedHead, headIsStored: headIsStored)
        }
    }

    /// Chains and inserts entries inside the caller's write transaction. The EXCLUSIVE table lock, held to the
    /// transaction's end, makes appenders on every node take turns, so the head read here is still the head when the
    /// entries land; it does not block plain reads. Taken as the transaction's last step, so no appender waits for the
    /// journal while holding something another appender needs first.
    static func append(_ entries: [AccessEntry], _ db: Session) async throws {
        guard !entries.isEmpty else { return }
        try await db.exec("LOCK TABLE access_journal IN EXCLUSIVE MODE")
        // A statement of its own after the lock: under read committed it sees every entry committed before it.
        let head = try await db.rows("SELECT sequence, hash FROM access_journal ORDER BY sequence DESC LIMIT 1").first
            .map { row in try row.decode((Int64, String).self) }
            .map { (sequence: $0.0, hash: $0.1) }
        let chained = JournalChain.chain(entries, after: head)
        // One statement for up to 1000 entries (19 000 parameters of the 65 535 allowed), so a batch costs one round
        // trip while the lock is held.
        for start in stride(from: 0, to: chained.count, by: 1000) {
            try await insert(chained[start..<min(start + 1000, chained.count)], db)
        }
    }

    private static func insert(_ entries: ArraySlice<AccessEntry>, _ db: Session) async throws {
        var statement = Statement()
        statement.sql = """
            INSERT INTO access_journal (sequence, at, person_id, actor, journey_id, step_id, agency_id, service_id, action, fields, outcome,
                detail, requester_token, requester_role, purpose, representative_id, mandate_id, previous_hash, hash)
            VALUES
            """
        for (index, entry) in entries.enumerated() {
            let values = [
                statement.bind(entry.sequence), statement.bind(entry.at.storedSeconds), statement.bind(entry.person.rawValue),
                statement.bind(entry.actor.rawValue), statement.bind(entry.journey?.rawValue), statement.bind(entry.step?.rawValue),
                statement.bind(entry.agency?.rawValue), statement.bind(entry.service?.rawValue), statement.bind(entry.action.rawValue),
                statement.bind(JournalChain.fieldList(entry.fields)), statement.bind(entry.outcome.rawValue), statement.bind(entry.detail),
                statement.bind(entry.requester?.token), statement.bind(entry.requester?.role.rawValue), statement.bind(entry.requester?.purpose),
                statement.bind(entry.requester?.representation?.representative.rawValue), statement.bind(entry.requester?.representation?.storedBasis),
                statement.bind(entry.previousHash), statement.bind(entry.hash),
            ]
            statement.sql += (index == 0 ? " (" : ", (") + values.joined(separator: ", ") + ")"
        }
        try await db.exec(statement.query)
    }

    static let journalColumns =
        "sequence, at, person_id, actor, journey_id, step_id, agency_id, service_id, action, fields, outcome, detail, previous_hash, hash, "
        + "requester_token, requester_role, purpose, representative_id, mandate_id"

    /// One row of ``journalColumns``, and the agency column kept beside the service (checked, not hashed).
    static func entry(_ row: PostgresRow) throws -> (entry: AccessEntry, agency: String?) {
        let (sequence, at, person, actor, journey, step, agency, service, action, fields, outcome, detail, previousHash, hash, token, role, purpose,
            representative, mandate) = try row.decode(
                (Int64, Double, String, String, String?, String?, String?, String?, String, String, String, String?, String, String, String?, String?,
                    String?, String?, String?).self)
        guard let actor = JourneyEvent.Actor(rawValue: actor), let action = AccessEntry.Action(rawValue: action),
            let outcome = AccessEntry.Outcome(rawValue: outcome)
        else { throw StorageError(.corrupt, "a journal entry has an unknown actor, action or outcome") }
        let requester = try AccessRequester.stored(token: token, role: role, purpose: purpose, representative: representative, mandate: mandate)
        var entry = AccessEntry(at: Date(storedSeconds: at), person: PersonID(person), actor: actor, journey: journey.map(JourneyID.init),
            step: step.map(StepID.init), service: service.map(ServiceID.init), action: action, fields: JournalChain.fields(fields), outcome: outcome,
            detail: detail, requester: requester)
        entry.sequence = sequence
        entry.previousHash = previousHash
        entry.hash = hash
        return (entry, agency)
    }
}
