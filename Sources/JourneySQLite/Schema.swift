import GRDB

/// The database schema as a list of named migrations. A migration that has shipped is never edited:
/// change the schema by adding a new one at the end.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-people-enrollments-steps-facts-events") { db in
            try db.execute(sql: """
                -- Moments are REAL seconds since 2001-01-01 UTC (Date+Database.swift).
                CREATE TABLE person (
                    id TEXT PRIMARY KEY NOT NULL,
                    identityNumber TEXT UNIQUE,
                    createdAt REAL NOT NULL
                );
                CREATE TABLE enrollment (
                    id TEXT PRIMARY KEY NOT NULL,
                    personId TEXT NOT NULL REFERENCES person(id),
                    journeyId TEXT NOT NULL,
                    journeyVersion INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    ball TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    createdAt REAL NOT NULL,
                    updatedAt REAL NOT NULL,
                    updatedDay INTEGER NOT NULL,
                    completedAt REAL,
                    UNIQUE (personId, journeyId)
                );
                -- One index for caseworker lists: journey, status, who has the ball, and the day of the last change
                -- ("no change for N days"). The day rather than the moment, so a transition moves the entry at most
                -- once a day: every index entry a commit moves costs WAL pages.
                CREATE INDEX enrollment_by_journey_status ON enrollment(journeyId, status, ball, updatedDay);
                CREATE TABLE step (
                    enrollmentId TEXT NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
                    stepId TEXT NOT NULL,
                    journeyId TEXT NOT NULL,
                    progress TEXT,
                    detail TEXT,
                    state TEXT NOT NULL,
                    since REAL NOT NULL,
                    PRIMARY KEY (enrollmentId, stepId)
                ) WITHOUT ROWID;
                -- Only steps someone has to act on are indexed: they are what caseworkers look for ("stuck at
                -- step X for N days"), and settled or locked steps would cost index writes on every transition.
                -- Written with <> rather than IN: SQLite builds a temporary table for an IN list on every write.
                CREATE INDEX step_by_journey_step_state ON step(journeyId, stepId, state, since)
                    WHERE state <> 'done' AND state <> 'skipped' AND state <> 'notApplicable' AND state <> 'locked';
                CREATE TABLE fact (
                    personId TEXT NOT NULL REFERENCES person(id),
                    factId TEXT NOT NULL,
                    type TEXT NOT NULL,
                    value TEXT NOT NULL,
                    source TEXT NOT NULL,
                    sourceReference TEXT,
                    recordedAt REAL NOT NULL,
                    validUntil REAL,
                    PRIMARY KEY (personId, factId)
                ) WITHOUT ROWID;
                -- Keyed by enrollment, so one transition appends to one page and history reads one range.
                CREATE TABLE event (
                    enrollmentId TEXT NOT NULL REFERENCES enrollment(id),
                    sequence INTEGER NOT NULL,
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    stepId TEXT,
                    factId TEXT,
                    detail TEXT,
                    PRIMARY KEY (enrollmentId, sequence)
                ) WITHOUT ROWID;
                CREATE TABLE definition (
                    journeyId TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    PRIMARY KEY (journeyId, version)
                );
                """)
        }
        migrator.registerMigration("v2-once-only-consents-submissions-journal", migrate: onceOnly)
        migrator.registerMigration("v3-api-tokens-agency-events", migrate: migrateAPITokensAndAgencyEvents)
        migrator.registerMigration("v4-steps-in-enrollment-row", migrate: moveStepsIntoEnrollments)
        migrator.registerMigration("v5-submission-claims") { db in
            // A process finishing pending submissions claims them first, so two processes on one file (the server
            // and `lotsen sync`) never send the same one at once; a claim lapses, so a killed process blocks nothing.
            try db.execute(sql: """
                ALTER TABLE submission ADD COLUMN claimedBy TEXT;
                ALTER TABLE submission ADD COLUMN claimedUntil REAL;
                """)
        }
        migrator.registerMigration("v6-identity-proof-and-sessions") { db in
            // What bound a person's number (an eID login or the agency of record), as JSON; NULL for a number an
            // operator named the record by. A session token lapses at expiresAt and carries the login's assurance.
            try db.execute(sql: """
                ALTER TABLE person ADD COLUMN identityProof TEXT;
                ALTER TABLE api_token ADD COLUMN expiresAt REAL;
                ALTER TABLE api_token ADD COLUMN assurance TEXT;
                """)
        }
        migrator.registerMigration("v7-agency-claims-and-unmatched-events", migrate: migrateAgencyClaimsAndUnmatchedEvents)
        migrator.registerMigration("v8-journal-of-reads", migrate: journalOfReads)
        migrator.registerMigration("v9-deadlines-and-timers", migrate: deadlinesAndTimers)
        migrator.registerMigration("v10-mandates-and-representatives", migrate: mandatesAndRepresentatives)
        migrator.registerMigration("v11-reminders", migrate: reminders)
        migrator.registerMigration("v12-sessions", migrate: webSessions)
        migrator.registerMigration("v13-offers", migrate: offers)
        migrator.registerMigration("v14-step-durations", migrate: stepDurations)
        return migrator
    }
}
