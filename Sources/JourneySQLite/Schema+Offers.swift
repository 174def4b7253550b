import GRDB

extension Schema {
    /// Offers: the agencies' life events (`life_event`, one per agency and message id, what they said kept only as a
    /// fingerprint) and the journeys they offered (`offer`), read by person newest first. At most one open offer per
    /// person and journey (`offer_open`).
    static func offers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE life_event (
                agencyId TEXT NOT NULL,
                messageId TEXT NOT NULL,
                kind TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                personId TEXT REFERENCES person(id),
                receivedAt REAL NOT NULL,
                expiresAt REAL NOT NULL,
                PRIMARY KEY (agencyId, messageId)
            );
            CREATE INDEX life_event_unmatched_expiry ON life_event (expiresAt) WHERE personId IS NULL;
            CREATE TABLE offer (
                id INTEGER PRIMARY KEY,
                personId TEXT NOT NULL REFERENCES person(id),
                journeyId TEXT NOT NULL,
                agencyId TEXT NOT NULL,
                eventKind TEXT NOT NULL,
                messageId TEXT NOT NULL,
                vouchedBy TEXT NOT NULL,
                facts TEXT NOT NULL,
                createdAt REAL NOT NULL,
                expiresAt REAL NOT NULL,
                status TEXT NOT NULL,
                decidedAt REAL,
                enrollmentId TEXT
            );
            CREATE INDEX offer_by_person ON offer (personId, id);
            CREATE UNIQUE INDEX offer_open ON offer (personId, journeyId) WHERE status = 'open';
            """)
    }
}
