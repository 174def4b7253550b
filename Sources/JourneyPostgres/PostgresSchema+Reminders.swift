extension PostgresSchema {
    /// Reminders: the person's news in Lotsen, made when a step's `soon` or `due` timer fires. One row per step and
    /// kind at most (the unique key), read by person newest first. Steps due before this migration get their `soon`
    /// timer here, a week (604,800 s) before their deadline; plain numbers, never the app's types.
    static let reminders = Migration(
        name: "v10-reminders",
        statements: [
            """
            CREATE TABLE reminder (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                person_id text NOT NULL REFERENCES person (id),
                enrollment_key bigint NOT NULL REFERENCES enrollment (key),
                journey_id text NOT NULL,
                step_id text NOT NULL,
                kind text NOT NULL,
                due_at double precision NOT NULL,
                created_at double precision NOT NULL,
                read_at double precision,
                UNIQUE (enrollment_key, step_id, kind)
            )
            """,
            "CREATE INDEX reminder_by_person ON reminder (person_id, id)",
            """
            INSERT INTO timer (enrollment_key, step_id, kind, journey_id, due_at, fired_at)
            SELECT enrollment_key, step_id, 'soon', journey_id, due_at - 604800, NULL FROM timer WHERE kind = 'due' AND fired_at IS NULL
            """,
        ])
}
