import GRDB

extension Schema {
    /// Mandates a person grants another to act for them, and who acted under one: an event or journal entry made by a
    /// representative names them and the mandate (both NULL otherwise, as for every row written before).
    static func mandatesAndRepresentatives(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE mandate (
                id TEXT PRIMARY KEY NOT NULL,
                grantorId TEXT NOT NULL,
                representativeId TEXT NOT NULL,
                journeys TEXT NOT NULL,
                services TEXT NOT NULL,
                validFrom REAL NOT NULL,
                validUntil REAL NOT NULL,
                grantedAt REAL NOT NULL,
                withdrawnAt REAL
            );
            CREATE INDEX mandate_by_grantor ON mandate (grantorId);
            CREATE INDEX mandate_by_representative ON mandate (representativeId);
            ALTER TABLE event ADD COLUMN representativeId TEXT;
            ALTER TABLE event ADD COLUMN mandateId TEXT;
            ALTER TABLE access_journal ADD COLUMN representativeId TEXT;
            ALTER TABLE access_journal ADD COLUMN mandateId TEXT;
            """)
    }
}
