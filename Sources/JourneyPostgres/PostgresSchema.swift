import Foundation
import JourneyStore
import Logging
import PostgresNIO

/// The PostgreSQL schema as named migrations, applied in order at open and recorded in `schema_migration`. A
/// migration that has shipped is never edited: change the schema by adding one at the end. Migrations are plain SQL
/// and never use the app's types, so what they do cannot change when the app does. `docs/storage.md` explains the
/// tables and indexes.
enum PostgresSchema {
    struct Migration: Sendable {
        let name: String
        let statements: [String]
    }

    /// Every migration, oldest first.
    static let migrations: [Migration] = [
        peopleAndJourneys, onceOnly, apiTokensAndAgencyEvents, identityProofAndSessions, agencyClaimsAndUnmatchedEvents, journalOfReads,
        deadlinesAndTimers, mandatesAndRepresentatives, reminders, webSessions, offers, stepDurations,
    ]

    /// Taken for the migrating transaction, so nodes starting together migrate one after the other: the second finds
    /// the work done. (`Lotsen` in ASCII, and 1.)
    static let migrationLock: Int64 = 0x4C6F_7473_656E_01

    /// Applies every migration not yet applied, in one transaction. Refuses a database that has a migration this
    /// version does not know: a newer Lotsen wrote it, and this one would misread it.
    static func migrate(_ connection: PostgresConnection, logger: Logger, at location: PostgresLocation) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at double precision NOT NULL)", logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM schema_migration", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            let known = Set(migrations.map(\.name))
            if !applied.isSubset(of: known) {
                throw StorageError(.cannotOpen, "the \(location.serverDescription) was written by a newer Lotsen",
                    hint: "upgrade Lotsen on this node, or point it at another database")
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let now = Date().storedSeconds
                try await connection.query("INSERT INTO schema_migration (name, applied_at) VALUES (\(migration.name), \(now))", logger: logger)
                logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// People, their facts and enrollments, the enrollments' history and open steps, pinned definitions.
    static let peopleAndJourneys = Migration(
        name: "v1-people-enrollments-events-facts-definitions",
        statements: [
            // Moments are double precision seconds since 2001-01-01 UTC (Date.storedSeconds), bit for bit as Swift
            // holds them: the journal's hash covers those bits, and timestamptz keeps only microseconds.
            """
            CREATE TABLE person (
                id text PRIMARY KEY,
                identity_number text UNIQUE,
                created_at double precision NOT NULL
            )
            """,
            // Steps live in one json column of the enrollment row (StepsColumn), kept verbatim: json rather than
            // jsonb, so the text reads back byte for byte and needs no index (open_step is the index of open steps).
            // fillfactor leaves room on each page, so the update of a transition, which changes no indexed column
            // on most days, stays a heap-only (HOT) update that writes no index.
            """
            CREATE TABLE enrollment (
                key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text NOT NULL UNIQUE,
                person_id text NOT NULL REFERENCES person (id),
                journey_id text NOT NULL,
                journey_version integer NOT NULL,
                status text NOT NULL,
                ball text NOT NULL,
                revision bigint NOT NULL,
                created_at double precision NOT NULL,
                updated_at double precision NOT NULL,
                updated_day bigint NOT NULL,
                completed_at double precision,
                steps json NOT NULL,
                UNIQUE (person_id, journey_id)
            ) WITH (fillfactor = 80)
            """,
            // Caseworker lists: journey, status, who has the ball, and the day of the last change. The day rather
            // than the moment, so a transition moves the entry at most once a day (and stays HOT the rest of it).
            "CREATE INDEX enrollment_by_journey_status ON enrollment (journey_id, status, ball, updated_day)",
            // Steps someone has to act on, keyed the way caseworker lists read them; rows come and go as steps open
            // and settle, in the transaction that changes the enrollment.
            """
            CREATE TABLE open_step (
                journey_id text NOT NULL,
                step_id text NOT NULL,
                state text NOT NULL,
                since double precision NOT NULL,
                enrollment_key bigint NOT NULL REFERENCES enrollment (key),
                PRIMARY KEY (journey_id, step_id, state, since, enrollment_key)
            )
            """,
            """
            CREATE TABLE fact (
                person_id text NOT NULL REFERENCES person (id),
                fact_id text NOT NULL,
                type text NOT NULL,
                value text NOT NULL,
                source text NOT NULL,
                source_reference text,
                recorded_at double precision NOT NULL,
                valid_until double precision,
                PRIMARY KEY (person_id, fact_id)
            )
            """,
            // Keyed by enrollment, so history reads one range of the key, in order.
            """
            CREATE TABLE event (
                enrollment_key bigint NOT NULL REFERENCES enrollment (key),
                sequence bigint NOT NULL,
                at double precision NOT NULL,
                actor text NOT NULL,
                kind text NOT NULL,
                step_id text,
                fact_id text,
                detail text,
                PRIMARY KEY (enrollment_key, sequence)
            )
            """,
            """
            CREATE TABLE definition (
                journey_id text NOT NULL,
                version integer NOT NULL,
                source text NOT NULL,
                PRIMARY KEY (journey_id, version)
            )
            """,
        ])
}
