import Foundation
import GRDB
import JourneyModel
import JourneyStore

extension SQLiteJourneyStore: OnceOnlyStore {
    // MARK: Consents

    public func recordConsent(_ consent: Consent, journal: AccessEntry) async throws(StorageError) {
        try await write { db in
            try Self.insert(consent, db)
            try Self.append([journal], db)
        }
    }

    public func consents(person: PersonID) async throws(StorageError) -> [Consent] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM consent WHERE personId = ? ORDER BY decidedAt, rowid", arguments: [person.rawValue]).map(Self.consent)
        }
    }

    public func withdrawConsent(id: String, person: PersonID, at: Date, actor: JourneyEvent.Actor) async throws(StorageError) -> Consent? {
        try await write { db -> Consent? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM consent WHERE id = ? AND personId = ?", arguments: [id, person.rawValue]) else {
                return nil
            }
            var consent = try Self.consent(row)
            guard consent.decision == .granted, consent.withdrawnAt == nil else { return consent }
            consent.withdrawnAt = at
            try db.execute(sql: "UPDATE consent SET withdrawnAt = ? WHERE id = ?", arguments: [at.storedSeconds, id])
            try Self.append([AccessEntry(at: at, person: person, actor: actor, journey: consent.journey, step: consent.step, service: consent.service,
                action: .consentWithdrawn, fields: consent.fields, outcome: .completed, detail: consent.id)], db)
            return consent
        }
    }

    static func insert(_ consent: Consent, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO consent (id, personId, journeyId, stepId, serviceId, direction, fields, decision, decidedAt, withdrawnAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [consent.id, consent.person.rawValue, consent.journey.rawValue, consent.step?.rawValue, consent.service.rawValue,
                consent.direction.rawValue, JournalChain.fieldList(consent.fields), consent.decision.rawValue, consent.decidedAt.storedSeconds,
                consent.withdrawnAt?.storedSeconds])
    }

    static func consent(_ row: Row) throws -> Consent {
        guard let direction = Consent.Direction(rawValue: row["direction"]), let decision = Consent.Decision(rawValue: row["decision"]) else {
            throw StorageError(.corrupt, "a stored consent has an unknown direction or decision")
        }
        let withdrawn: Double? = row["withdrawnAt"]
        return Consent(id: row["id"], person: PersonID(row["personId"] as String), journey: JourneyID(row["journeyId"] as String),
            step: (row["stepId"] as String?).map(StepID.init), service: ServiceID(row["serviceId"] as String), direction: direction,
            fields: JournalChain.fields(row["fields"]), decision: decision, decidedAt: Date(storedSeconds: row["decidedAt"]),
            withdrawnAt: withdrawn.map(Date.init(storedSeconds:)))
    }

    // MARK: Journal

    public func appendJournal(_ entries: [AccessEntry]) async throws(StorageError) {
        guard !entries.isEmpty else { return }
        try await write { db in try Self.append(entries, db) }
    }

    public func journal(person: PersonID?) async throws(StorageError) -> [AccessEntry] {
        try await read { db in
            let rows =
                if let person {
                    try Row.fetchAll(db, sql: "SELECT * FROM access_journal WHERE personId = ? ORDER BY sequence", arguments: [person.rawValue])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM access_journal ORDER BY sequence")
                }
            return try rows.map(Self.entry)
        }
    }

    public func journal(person: PersonID, after sequence: Int64, limit: Int) async throws(StorageError) -> [AccessEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access_journal WHERE personId = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [person.rawValue, sequence, max(0, limit)]).map(Self.entry)
        }
    }

    public func verifyJournal(expectedHead: String?) async throws(StorageError) -> JournalVerification {
        try await read { db in
            var verifier = JournalChain.Verifier()
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM access_journal ORDER BY sequence")
            while let row = try cursor.next() { verifier.check(try Self.entry(row), agencyColumn: row["agencyId"]) }
            var headIsStored = true
            if let expectedHead, expectedHead != verifier.head {
                headIsStored = try Int64.fetchOne(db, sql: "SELECT count(*) FROM access_journal WHERE hash = ?", arguments: [expectedHead]) ?? 0 > 0
            }
            return verifier.verification(expectedHead: expectedHead, headIsStored: headIsStored)
        }
    }

    /// Chains and inserts entries inside the caller's write transaction, so the last hash cannot change underneath.
    static func append(_ entries: [AccessEntry], _ db: Database) throws {
        let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM access_journal ORDER BY sequence DESC LIMIT 1")
        let head = last.map { (sequence: $0["sequence"] as Int64, hash: $0["hash"] as String) }
        for entry in JournalChain.chain(entries, after: head) {
            try db.execute(
                sql: """
                    INSERT INTO access_journal (sequence, at, personId, actor, journeyId, stepId, agencyId, serviceId, action, fields, outcome,
                        detail, requesterToken, requesterRole, purpose, representativeId, mandateId, previousHash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [entry.sequence, entry.at.storedSeconds, entry.person.rawValue, entry.actor.rawValue, entry.journey?.rawValue,
                    entry.step?.rawValue, entry.agency?.rawValue, entry.service?.rawValue, entry.action.rawValue, JournalChain.fieldList(entry.fields),
                    entry.outcome.rawValue, entry.detail, entry.requester?.token, entry.requester?.role.rawValue, entry.requester?.purpose,
                    entry.requester?.representation?.representative.rawValue, entry.requester?.representation?.storedBasis, entry.previousHash, entry.hash])
        }
    }

    static func entry(_ row: Row) throws -> AccessEntry {
        guard let actor = JourneyEvent.Actor(rawValue: row["actor"]), let action = AccessEntry.Action(rawValue: row["action"]),
            let outcome = AccessEntry.Outcome(rawValue: row["outcome"])
        else { throw StorageError(.corrupt, "a journal entry has an unknown actor, action or outcome") }
        let requester = try AccessRequester.stored(token: row["requesterToken"], role: row["requesterRole"], purpose: row["purpose"],
            representative: row["representativeId"], mandate: row["mandateId"])
        var entry = AccessEntry(at: Date(storedSeconds: row["at"]), person: PersonID(row["personId"] as String), actor: actor,
            journey: (row["journeyId"] as String?).map(JourneyID.init), step: (row["stepId"] as String?).map(StepID.init),
            service: (row["serviceId"] as String?).map(ServiceID.init), action: action, fields: JournalChain.fields(row["fields"]), outcome: outcome,
            detail: row["detail"], requester: requester)
        entry.sequence = row["sequence"]
        entry.previousHash = row["previousHash"]
        entry.hash = row["hash"]
        return entry
    }

    // MARK: Submissions

    public func recordIntent(_ submission: Submission, journal: AccessEntry) async throws(StorageError) -> Submission {
        try await write { db -> Submission in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM submission WHERE enrollmentId = ? AND stepId = ? AND state = 'pending'",
                arguments: [submission.enrollment.rawValue, submission.step.rawValue])
            {
                return try Self.submission(row)
            }
            try db.execute(
                sql: """
                    INSERT INTO submission (id, personId, enrollmentId, journeyId, stepId, serviceId, fields, payload, state, caseId, attempts,
                        lastError, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [submission.id, submission.person.rawValue, submission.enrollment.rawValue, submission.journey.rawValue,
                    submission.step.rawValue, submission.service.rawValue, JournalChain.fieldList(submission.fields), submission.payload,
                    submission.state.rawValue, submission.caseID, submission.attempts, submission.lastError, submission.createdAt.storedSeconds,
                    submission.updatedAt.storedSeconds])
            try Self.append([journal], db)
            return submission
        }
    }

    public func recordOutcome(_ submission: Submission, journal: AccessEntry) async throws(StorageError) {
        try await write { db in
            // The payload holds the person's data; it is needed only until the agency has the case.
            let payload = submission.state == .pending ? submission.payload : nil
            try db.execute(
                sql: """
                    UPDATE submission SET state = ?, caseId = ?, attempts = ?, lastError = ?, payload = ?, updatedAt = ?,
                        claimedBy = NULL, claimedUntil = NULL
                    WHERE id = ? AND state = 'pending'
                    """,
                arguments: [submission.state.rawValue, submission.caseID, submission.attempts, submission.lastError, payload,
                    submission.updatedAt.storedSeconds, submission.id])
            guard db.changesCount == 1 else {
                // Only a pending submission takes an outcome: a second finisher must not record (and journal) it again.
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM submission WHERE id = ?", arguments: [submission.id]) == 0 {
                    throw StorageError(.notFound, "no submission \(submission.id)")
                }
                throw StorageError(.conflict, "submission \(submission.id) was already finished", hint: "another process sent it")
            }
            try Self.append([journal], db)
        }
    }

    public func submissions(person: PersonID) async throws(StorageError) -> [Submission] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM submission WHERE personId = ? ORDER BY createdAt, rowid", arguments: [person.rawValue]).map(Self.submission)
        }
    }

    public func pendingSubmissions() async throws(StorageError) -> [Submission] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM submission WHERE state = 'pending' ORDER BY createdAt, rowid").map(Self.submission)
        }
    }

    public func claimPendingSubmissions(of person: PersonID?, limit: Int, claimant: String, at moment: Date, lease: Duration)
        async throws(StorageError) -> [Submission]
    {
        let until = moment.storedSeconds + lease.timeInterval
        return try await write { db in
            try Row.fetchAll(
                db,
                sql: """
                    UPDATE submission SET claimedBy = ?, claimedUntil = ?
                    WHERE rowid IN (
                        SELECT rowid FROM submission
                        WHERE state = 'pending' AND (claimedUntil IS NULL OR claimedUntil <= ?) AND (? IS NULL OR personId = ?)
                        ORDER BY createdAt, rowid LIMIT ?)
                    RETURNING *
                    """,
                arguments: [claimant, until, moment.storedSeconds, person?.rawValue, person?.rawValue, max(1, limit)]
            ).map(Self.submission).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
    }

    static func submission(_ row: Row) throws -> Submission {
        guard let state = Submission.State(rawValue: row["state"]) else { throw StorageError(.corrupt, "a submission has an unknown state") }
        return Submission(id: row["id"], person: PersonID(row["personId"] as String), enrollment: EnrollmentID(row["enrollmentId"] as String),
            journey: JourneyID(row["journeyId"] as String), step: StepID(row["stepId"] as String), service: ServiceID(row["serviceId"] as String),
            fields: JournalChain.fields(row["fields"]), payload: row["payload"], state: state, caseID: row["caseId"], attempts: row["attempts"],
            lastError: row["lastError"], createdAt: Date(storedSeconds: row["createdAt"]), updatedAt: Date(storedSeconds: row["updatedAt"]))
    }
}
