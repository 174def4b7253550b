import GRDB

extension Schema {
    /// The JSON API's tables: bearer tokens (stored only as SHA-256 hashes of their secrets) and the case events
    /// agencies push, deduplicated by (agency, message id) and kept pending until the person reaches the step.
    static func migrateAPITokensAndAgencyEvents(_ db: Database) throws {
        try db.execute(sql: """
            -- A token's secret is never stored: only its SHA-256, hex. The id is not secret (it names the token in
            -- lists, logs and revocation). A citizen's token names the person by reference, or by identity number
            -- until their first journey creates the person.
            CREATE TABLE api_token (
                id TEXT PRIMARY KEY NOT NULL,
                secretHash TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                personId TEXT,
                identityNumber TEXT,
                agencyId TEXT,
                label TEXT,
                createdAt REAL NOT NULL,
                revokedAt REAL
            );
            -- One row per (agency, messageId): a message sent twice is applied once. `status` is pending until the
            -- person reaches the step, then applied or refused; `sequence` keeps the order events arrived in.
            CREATE TABLE agency_event (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                agencyId TEXT NOT NULL,
                messageId TEXT NOT NULL,
                personId TEXT NOT NULL REFERENCES person(id),
                enrollmentId TEXT NOT NULL REFERENCES enrollment(id),
                stepId TEXT NOT NULL,
                serviceId TEXT NOT NULL,
                kind TEXT NOT NULL,
                decision TEXT,
                caseReference TEXT,
                message TEXT,
                language TEXT NOT NULL,
                receivedAt REAL NOT NULL,
                status TEXT NOT NULL,
                outcome TEXT,
                resolvedAt REAL,
                UNIQUE (agencyId, messageId)
            );
            -- Only pending events are indexed: they are what every change to a person looks for.
            CREATE INDEX agency_event_pending ON agency_event(personId, sequence) WHERE status = 'pending';
            """)
    }
}
