extension PostgresSchema {
    /// One table of timers: a step's deadline (`due`) and, for a case at an agency, the end of its expected
    /// processing time (`agency`), written in the transaction that changes the step. `fired_at` is set in the one
    /// transaction that fires a timer; nodes take pending ones with `FOR UPDATE SKIP LOCKED`.
    static let deadlinesAndTimers = Migration(
        name: "v9-deadlines-and-timers",
        statements: [
            """
            CREATE TABLE timer (
                enrollment_key bigint NOT NULL REFERENCES enrollment (key),
                step_id text NOT NULL,
                kind text NOT NULL,
                journey_id text NOT NULL,
                due_at double precision NOT NULL,
                fired_at double precision,
                PRIMARY KEY (enrollment_key, step_id, kind)
            )
            """,
            "CREATE INDEX timer_pending ON timer (due_at, enrollment_key, step_id) WHERE fired_at IS NULL",
            "CREATE INDEX timer_by_journey ON timer (journey_id, kind, due_at, enrollment_key, step_id)",
        ])
}
