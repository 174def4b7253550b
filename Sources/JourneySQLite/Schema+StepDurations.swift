import GRDB

extension Schema {
    /// How long finished steps took, for the funnel's median time per step: one row each time a step is done, written
    /// in the transaction that writes the step, from when it opened (the steps column's `openedAt`) to when it was done.
    /// Keyed the way the funnel reads it: a journey's steps are one range, each step's durations in order, so the count
    /// is that range and the median a seek into it. Steps done before this migration have no opening and no row.
    static func stepDurations(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE step_duration (
                journeyId TEXT NOT NULL,
                stepId TEXT NOT NULL,
                seconds REAL NOT NULL,
                enrollmentKey INTEGER NOT NULL REFERENCES enrollment(key),
                finishedAt REAL NOT NULL,
                PRIMARY KEY (journeyId, stepId, seconds, enrollmentKey, finishedAt)
            ) WITHOUT ROWID;
            """)
    }
}
