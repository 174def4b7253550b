extension PostgresSchema {
    /// Mandates a person grants another to act for them, and who acted under one: an event or journal entry made by a
    /// representative names them and the mandate (both NULL otherwise, as for every row written before).
    static let mandatesAndRepresentatives = Migration(
        name: "v10-mandates-and-representatives",
        statements: [
            """
            CREATE TABLE mandate (
                id text PRIMARY KEY,
                grantor_id text NOT NULL,
                representative_id text NOT NULL,
                journeys text NOT NULL,
                services text NOT NULL,
                valid_from double precision NOT NULL,
                valid_until double precision NOT NULL,
                granted_at double precision NOT NULL,
                withdrawn_at double precision
            )
            """,
            "CREATE INDEX mandate_by_grantor ON mandate (grantor_id)",
            "CREATE INDEX mandate_by_representative ON mandate (representative_id)",
            "ALTER TABLE event ADD COLUMN representative_id text",
            "ALTER TABLE event ADD COLUMN mandate_id text",
            "ALTER TABLE access_journal ADD COLUMN representative_id text",
            "ALTER TABLE access_journal ADD COLUMN mandate_id text",
        ])
}
