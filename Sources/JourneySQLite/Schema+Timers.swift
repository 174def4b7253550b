import GRDB

extension Schema {
    /// One table of timers: a step's deadline (`due`) and, for a case at an agency, the end of its expected
    /// processing time (`agency`). A row stands while its moment matters and is written in the transaction that
    /// changes the step; `firedAt` is set in the one transaction that fires it, so a timer fires once.
    ///
    /// Two indexes: pending timers by moment (what the worker takes), and every timer by journey, kind and moment
    /// (caseworker lists: overdue, due soon).
    static func deadlinesAndTimers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE timer (
                enrollmentKey INTEGER NOT NULL REFERENCES enrollment(key),
                stepId TEXT NOT NULL,
                kind TEXT NOT NULL,
                journeyId TEXT NOT NULL,
                dueAt REAL NOT NULL,
                firedAt REAL,
                PRIMARY KEY (enrollmentKey, stepId, kind)
            ) WITHOUT ROWID;
            CREATE INDEX timer_pending ON timer (dueAt) WHERE firedAt IS NULL;
            CREATE INDEX timer_by_journey ON timer (journeyId, kind, dueAt);
            """)
    }
}
