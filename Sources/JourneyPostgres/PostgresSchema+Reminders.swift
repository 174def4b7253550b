extension PostgresSchema {
    /// Reminders: the person's news in Lotsen, made when a step's `soon` or `due` timer fires. One row per step and
    /// kind at most (the unique key), read by person newest first. Steps due before this migration get their `soon`
    /// timer here, a week (604,800 s) before their deadline; plain numbers, never the app's types. Each row is also the
    /// outbox of its delivery to the deployment's webhook, claimed `FOR UPDATE SKIP LOCKED` like a submission.
    static let reminders = Migration(
        name: "v11-reminders",
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
                delivery text NOT NULL,
                attempts integer NOT NULL,
                next_attempt_at double precision NOT NULL,
                claimed_by text,
                claimed_until double precision,
                last_error text,
                UNIQUE (enrollment_key, step_id, kind)
            )
            """,
            "CREATE INDEX reminder_by_person ON reminder (person_id, id)",
            "CREATE INDEX reminder_delivery_pending ON reminder (next_attempt_at, id) WHERE delivery = 'pending'",
            """
            INSERT INTO timer (enrollment_key, step_id, kind, journey_id, due_at, fired_at)
            SELECT enrollment_key, step_id, 'soon', journey_id, due_at - 604800, NULL FROM timer WHERE kind = 'due' AND fired_at IS NULL
            """,
        ])
}
