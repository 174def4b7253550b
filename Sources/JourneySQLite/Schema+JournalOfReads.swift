import GRDB

extension Schema {
    /// The access journal also records reads, refusals and changes through the API: who (the token and its role
    /// towards the person) and which route. Such an entry calls no agency, so the service and agency columns may be
    /// NULL. SQLite cannot drop a NOT NULL in place, so the table is copied; every entry keeps its columns and hash.
    static func journalOfReads(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE access_journal_v8 (
                sequence INTEGER PRIMARY KEY NOT NULL,
                at REAL NOT NULL,
                personId TEXT NOT NULL,
                actor TEXT NOT NULL,
                journeyId TEXT,
                stepId TEXT,
                agencyId TEXT,
                serviceId TEXT,
                action TEXT NOT NULL,
                fields TEXT NOT NULL,
                outcome TEXT NOT NULL,
                detail TEXT,
                requesterToken TEXT,
                requesterRole TEXT,
                purpose TEXT,
                previousHash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            INSERT INTO access_journal_v8 (sequence, at, personId, actor, journeyId, stepId, agencyId, serviceId, action, fields, outcome, detail,
                previousHash, hash)
            SELECT sequence, at, personId, actor, journeyId, stepId, agencyId, serviceId, action, fields, outcome, detail, previousHash, hash
            FROM access_journal;
            DROP TABLE access_journal;
            ALTER TABLE access_journal_v8 RENAME TO access_journal;
            CREATE INDEX access_journal_by_person ON access_journal(personId, sequence);
            """)
    }
}
