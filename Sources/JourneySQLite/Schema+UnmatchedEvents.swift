import GRDB

extension Schema {
    /// A person's claims against facts an agency supplied, beside the agency's value in `fact`. Agency events wait
    /// at most until `expiresAt` (NULL for those kept before: they wait as before). An event about someone no step
    /// matches (unknown, not enrolled) is kept apart, as the agency named the person, until it matches or expires:
    /// the agency's answer is the same as for any event that waits.
    static func migrateAgencyClaimsAndUnmatchedEvents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE fact_claim (
                personId TEXT NOT NULL REFERENCES person(id),
                factId TEXT NOT NULL,
                type TEXT NOT NULL,
                value TEXT NOT NULL,
                source TEXT NOT NULL,
                sourceReference TEXT,
                recordedAt REAL NOT NULL,
                PRIMARY KEY (personId, factId)
            );
            ALTER TABLE agency_event ADD COLUMN expiresAt REAL;
            CREATE INDEX agency_event_expiry ON agency_event(expiresAt) WHERE status = 'pending';
            CREATE TABLE unmatched_agency_event (
                agencyId TEXT NOT NULL,
                messageId TEXT NOT NULL,
                personReference TEXT NOT NULL,
                serviceId TEXT NOT NULL,
                journeyId TEXT,
                kind TEXT NOT NULL,
                decision TEXT,
                caseReference TEXT,
                message TEXT,
                language TEXT NOT NULL,
                receivedAt REAL NOT NULL,
                expiresAt REAL NOT NULL,
                PRIMARY KEY (agencyId, messageId)
            );
            CREATE INDEX unmatched_agency_event_expiry ON unmatched_agency_event(expiresAt);
            """)
    }
}
