import GRDB

extension Schema {
    /// Consents, the submission outbox and the hash-chained access journal (once-only data exchange).
    static func onceOnly(_ db: Database) throws {
        try db.execute(sql: """
            -- A person's yes or no to one exchange: fetching fields from an agency, or sending them to one, for a step.
            CREATE TABLE consent (
                id TEXT PRIMARY KEY NOT NULL,
                personId TEXT NOT NULL REFERENCES person(id),
                journeyId TEXT NOT NULL,
                stepId TEXT,
                serviceId TEXT NOT NULL,
                direction TEXT NOT NULL,
                fields TEXT NOT NULL,
                decision TEXT NOT NULL,
                decidedAt REAL NOT NULL,
                withdrawnAt REAL
            );
            CREATE INDEX consent_by_person ON consent(personId, journeyId, serviceId);
            -- The outbox: an application is recorded here before the agency is called, and its outcome after,
            -- so a crash in between is finished on restart with the same idempotency key (the id).
            CREATE TABLE submission (
                id TEXT PRIMARY KEY NOT NULL,
                personId TEXT NOT NULL REFERENCES person(id),
                enrollmentId TEXT NOT NULL REFERENCES enrollment(id),
                journeyId TEXT NOT NULL,
                stepId TEXT NOT NULL,
                serviceId TEXT NOT NULL,
                fields TEXT NOT NULL,
                -- What is sent, kept only until the agency has the case, so a retry sends exactly the same.
                payload TEXT,
                state TEXT NOT NULL,
                caseId TEXT,
                attempts INTEGER NOT NULL,
                lastError TEXT,
                createdAt REAL NOT NULL,
                updatedAt REAL NOT NULL
            );
            CREATE INDEX submission_by_person ON submission(personId);
            -- At most one submission in flight per step.
            CREATE UNIQUE INDEX submission_pending_per_step ON submission(enrollmentId, stepId) WHERE state = 'pending';
            -- Every call to an agency and every consent decision, append-only. Each entry holds the hash of the one
            -- before, so an edited or deleted row breaks the chain (lotsen journal verify).
            CREATE TABLE access_journal (
                sequence INTEGER PRIMARY KEY NOT NULL,
                at REAL NOT NULL,
                personId TEXT NOT NULL,
                actor TEXT NOT NULL,
                journeyId TEXT,
                stepId TEXT,
                agencyId TEXT NOT NULL,
                serviceId TEXT NOT NULL,
                action TEXT NOT NULL,
                fields TEXT NOT NULL,
                outcome TEXT NOT NULL,
                detail TEXT,
                previousHash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX access_journal_by_person ON access_journal(personId, sequence);
            """)
    }
}
