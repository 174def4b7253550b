extension PostgresSchema {
    /// How long finished steps took, as SQLite's: one row each time a step is done, written in the transaction that
    /// writes the step, keyed so a journey's steps are one range of the index with each step's durations in order.
    static let stepDurations = Migration(
        name: "v14-step-durations",
        statements: [
            """
            CREATE TABLE step_duration (
                journey_id text NOT NULL,
                step_id text NOT NULL,
                seconds double precision NOT NULL,
                enrollment_key bigint NOT NULL REFERENCES enrollment (key),
                finished_at double precision NOT NULL,
                PRIMARY KEY (journey_id, step_id, seconds, enrollment_key, finished_at)
            )
            """
        ])
}
