import GRDB

extension Schema {
    /// Reminders: the person's news in Lotsen, made when a step's `soon` or `due` timer fires. One row per step and
    /// kind at most (the unique key), read by person newest first. Each row is also the outbox of its delivery to the
    /// deployment's webhook: `pending` until delivered or `failed`, tried again at `nextAttemptAt`, claimed like a
    /// submission (`claimedBy`, `claimedUntil`) so two processes on one file never send it at once.
    ///
    /// Steps due before this migration get their `soon` timer here, a week (604,800 s) before their deadline, so they
    /// are reminded like steps armed after it; plain numbers, never the app's types.
    static func reminders(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reminder (
                id INTEGER PRIMARY KEY,
                personId TEXT NOT NULL REFERENCES person(id),
                enrollmentKey INTEGER NOT NULL REFERENCES enrollment(key),
                journeyId TEXT NOT NULL,
                stepId TEXT NOT NULL,
                kind TEXT NOT NULL,
                dueAt REAL NOT NULL,
                createdAt REAL NOT NULL,
                readAt REAL,
                delivery TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                nextAttemptAt REAL NOT NULL,
                claimedBy TEXT,
                claimedUntil REAL,
                lastError TEXT,
                UNIQUE (enrollmentKey, stepId, kind)
            );
            CREATE INDEX reminder_by_person ON reminder (personId, id);
            CREATE INDEX reminder_delivery_pending ON reminder (nextAttemptAt) WHERE delivery = 'pending';
            INSERT INTO timer (enrollmentKey, stepId, kind, journeyId, dueAt, firedAt)
                SELECT enrollmentKey, stepId, 'soon', journeyId, dueAt - 604800, NULL FROM timer WHERE kind = 'due' AND firedAt IS NULL;
            """)
    }
}
