extension PostgresSchema {
    /// The access journal also records reads, refusals and changes through the API: who (the token and its role
    /// towards the person) and which route. Such an entry calls no agency, so the service and agency may be NULL.
    /// Each statement changes the catalogue only; no row is rewritten and every hash stays valid.
    static let journalOfReads = Migration(
        name: "v8-journal-of-reads",
        statements: [
            "ALTER TABLE access_journal ALTER COLUMN agency_id DROP NOT NULL",
            "ALTER TABLE access_journal ALTER COLUMN service_id DROP NOT NULL",
            "ALTER TABLE access_journal ADD COLUMN requester_token text",
            "ALTER TABLE access_journal ADD COLUMN requester_role text",
            "ALTER TABLE access_journal ADD COLUMN purpose text",
        ])
}
