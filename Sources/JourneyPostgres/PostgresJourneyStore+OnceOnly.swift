import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// Consents and the submission outbox, each written with its journal entry in one transaction.
extension PostgresJourneyStore: OnceOnlyStore {
    // MARK: Consents

    public func recordConsent(_ consent: Consent, journal: AccessEntry) async throws(StorageError) {
        try await write { db in
            try await db.exec("""
                INSERT INTO consent (id, person_id, journey_id, step_id, service_id, direction, fields, decision, decided_at, withdrawn_at)
                VALUES (\(consent.id), \(consent.person.rawValue), \(consent.journey.rawValue), \(consent.step?.rawValue), \(consent.service.rawValue),
                    \(consent.direction.rawValue), \(JournalChain.fieldList(consent.fields)), \(consent.decision.rawValue),
                    \(consent.decidedAt.storedSeconds), \(consent.withdrawnAt?.storedSeconds))
                """)
            try await Self.append([journal], db)
        }
    }

    public func consents(person: PersonID) async throws(StorageError) -> [Consent] {
        try await read { db in
            try await db.rows("SELECT \(unescaped: Self.consentColumns) FROM consent WHERE person_id = \(person.rawValue) ORDER BY decided_at, position")
                .map(Self.consent)
        }
    }

    public func withdrawConsent(id: String, person: PersonID, at: Date, actor: JourneyEvent.Actor) async throws(StorageError) -> Consent? {
        try await write { db -> Consent? in
            // Locked, so two nodes withdrawing at once journal it once.
            guard let row = try await db.rows(
                "SELECT \(unescaped: Self.consentColumns) FROM consent WHERE id = \(id) AND person_id = \(person.rawValue) FOR UPDATE"
            ).first else { return nil }
            var consent = try Self.consent(row)
            guard consent.decision == .granted, consent.withdrawnAt == nil else { return consent }
            consent.withdrawnAt = at
            try await db.exec("UPDATE consent SET withdrawn_at = \(at.storedSeconds) WHERE id = \(id)")
            try await Self.append([AccessEntry(at: at, person: person, actor: actor, journey: consent.journey, step: consent.step,
                service: consent.service, action: .consentWithdrawn, fields: consent.fields, outcome: .completed, detail: consent.id)], db)
            return consent
        }
    }

    static let consentColumns = "id, person_id, journey_id, step_id, service_id, direction, fields, decision, decided_at, withdrawn_at"

    static func consent(_ row: PostgresRow) throws -> Consent {
        let (id, person, journey, step, service, direction, fields, decision, decidedAt, withdrawnAt) = try row.decode(
            (String, String, String, String?, String, String, String, String, Double, Double?).self)
        guard let direction = Consent.Direction(rawValue: direction), let decision = Consent.Decision(rawValue: decision) else {
            throw StorageError(.corrupt, "a stored consent has an unknown direction or decision")
        }
        return Consent(id: id, person: PersonID(person), journey: JourneyID(journey), step: step.map(StepID.init), service: ServiceID(service),
            direction: direction, fields: JournalChain.fields(fields), decision: decision, decidedAt: Date(storedSeconds: decidedAt),
            withdrawnAt: withdrawnAt.map(Date.init(storedSeconds:)))
    }

    // MARK: Submissions

    public func recordIntent(_ submission: Submission, journal: AccessEntry) async throws(StorageError) -> Submission {
        try await write { db -> Submission in
            // Two nodes may record an intent for one step at once: the partial unique index lets one insert and the
            // other find that one's row, which it returns (after the first commits, when it had to wait for it).
            for _ in 1...3 {
                let inserted = try await db.rows("""
                    INSERT INTO submission (id, person_id, enrollment_id, journey_id, step_id, service_id, fields, payload, state, case_id,
                        attempts, last_error, created_at, updated_at)
                    VALUES (\(submission.id), \(submission.person.rawValue), \(submission.enrollment.rawValue), \(submission.journey.rawValue),
                        \(submission.step.rawValue), \(submission.service.rawValue), \(JournalChain.fieldList(submission.fields)),
                        \(submission.payload), \(submission.state.rawValue), \(submission.caseID), \(submission.attempts), \(submission.lastError),
                        \(submission.createdAt.storedSeconds), \(submission.updatedAt.storedSeconds))
                    ON CONFLICT (enrollment_id, step_id) WHERE state = 'pending' DO NOTHING
                    RETURNING id
                    """)
                if !inserted.isEmpty {
                    try await Self.append([journal], db)
                    return submission
                }
                if let row = try await db.rows("""
                    SELECT \(unescaped: Self.submissionColumns) FROM submission
                    WHERE enrollment_id = \(submission.enrollment.rawValue) AND step_id = \(submission.step.rawValue) AND state = 'pending'
                    """).first
                {
                    return try Self.submission(row)
                }
                // The pending one was finished between the two statements: the step is free again.
            }
            throw StorageError(.conflict, "the submission for step \(submission.step) keeps changing", hint: "try again")
        }
    }

    public func recordOutcome(_ submission: Submission, journal: AccessEntry) async throws(StorageError) {
        try await write { db in
            // The payload holds the person's data; it is needed only until the agency has the case. The claim ends
            // with the outcome: a submission still pending may be taken up again by any node.
            let payload = submission.state == .pending ? submission.payload : nil
            let updated = try await db.rows("""
                UPDATE submission SET state = \(submission.state.rawValue), case_id = \(submission.caseID), attempts = \(submission.attempts),
                    last_error = \(submission.lastError), payload = \(payload), updated_at = \(submission.updatedAt.storedSeconds),
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = \(submission.id) AND state = 'pending'
                RETURNING id
                """)
            guard updated.count == 1 else {
                // Only a pending submission takes an outcome: a second finisher must not record (and journal) it again.
                if try await db.rows("SELECT 1 FROM submission WHERE id = \(submission.id)").isEmpty {
                    throw StorageError(.notFound, "no submission \(submission.id)")
                }
                throw StorageError(.conflict, "submission \(submission.id) was already finished", hint: "another node sent it")
            }
            try await Self.append([journal], db)
        }
    }

    public func submissions(person: PersonID) async throws(StorageError) -> [Submission] {
        try await read { db in
            try await db.rows(
                "SELECT \(unescaped: Self.submissionColumns) FROM submission WHERE person_id = \(person.rawValue) ORDER BY created_at, position"
            ).map(Self.submission)
        }
    }

    public func pendingSubmissions() async throws(StorageError) -> [Submission] {
        try await read { db in
            try await db.rows("SELECT \(unescaped: Self.submissionColumns) FROM submission WHERE state = 'pending' ORDER BY created_at, position")
                .map(Self.submission)
        }
    }

    /// Claims up to `limit` pending submissions that nobody holds (or whose holder's claim lapsed), oldest first,
    /// for `claimant` until `at + lease`: what a node calls after a crash or restart, so that of several nodes only
    /// one finishes each submission. Rows another node is claiming at this very moment are skipped
    /// (`FOR UPDATE SKIP LOCKED`), not waited for. ``recordOutcome(_:journal:)`` ends the claim.
    public func claimPendingSubmissions(of person: PersonID?, limit: Int, claimant: String, at moment: Date, lease: Duration)
        async throws(StorageError) -> [Submission]
    {
        let personID = person?.rawValue
        let until = moment.storedSeconds + lease.timeInterval
        return try await write { db in
            try await db.rows("""
                UPDATE submission SET claimed_by = \(claimant), claimed_until = \(until)
                WHERE id IN (
                    SELECT id FROM submission
                    WHERE state = 'pending' AND (claimed_until IS NULL OR claimed_until <= \(moment.storedSeconds))
                        AND (\(personID)::text IS NULL OR person_id = \(personID))
                    ORDER BY created_at, position LIMIT \(max(1, limit))
                    FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.submissionColumns)
                """
            ).map(Self.submission).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
    }

    static let submissionColumns =
        "id, person_id, enrollment_id, journey_id, step_id, service_id, fields, payload, state, case_id, attempts, last_error, created_at, updated_at"

    static func submission(_ row: PostgresRow) throws -> Submission {
        let (id, person, enrollment, journey, step, service, fields, payload, state, caseID, attempts, lastError, createdAt, updatedAt) =
            try row.decode((String, String, String, String, String, String, String, String?, String, String?, Int, String?, Double, Double).self)
        guard let state = Submission.State(rawValue: state) else { throw StorageError(.corrupt, "a submission has an unknown state") }
        return Submission(id: id, person: PersonID(person), enrollment: EnrollmentID(enrollment), journey: JourneyID(journey), step: StepID(step),
            service: ServiceID(service), fields: JournalChain.fields(fields), payload: payload, state: state, caseID: caseID, attempts: attempts,
            lastError: lastError, createdAt: Date(storedSeconds: createdAt), updatedAt: Date(storedSeconds: updatedAt))
    }
}
