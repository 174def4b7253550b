import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

/// SQLite's own schema and its migrations from older SQLite schemas with real data. That a new database has the
/// named migrations, applied once, and refuses a newer one is the contract's (`MigrationContractTests`).
@Suite("SQLite schema and migrations from older files")
struct MigrationTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    /// Every migration that has shipped, oldest first. A new migration is added here when it is added to the schema.
    static let shippedMigrations = ["v1-people-enrollments-steps-facts-events", "v2-once-only-consents-submissions-journal", "v3-api-tokens-agency-events",
        "v4-steps-in-enrollment-row",
        "v5-submission-claims",
        "v6-identity-proof-and-sessions",
        "v7-agency-claims-and-unmatched-events",
        "v8-journal-of-reads",
        "v9-deadlines-and-timers",
        "v10-mandates-and-representatives",
        "v11-reminders",
        "v12-sessions",
        "v13-offers",
        "v14-step-durations",
    ]

    @Test("the schema has the expected tables")
    func expectedTablesExist() async throws {
        let store = try database.open()
        let tables = try await store.pool.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        }
        #expect(tables.isSuperset(of: ["person", "enrollment", "open_step", "fact", "event", "definition"]))
    }

    @Test("the schema has the indexes caseworker queries and history reads rely on")
    func expectedIndexesExist() async throws {
        let store = try database.open()
        let indexes = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                .reduce(into: [String: String]()) { $0[$1["name"]] = $1["tbl_name"] }
        }
        // Few indexes on purpose: every index on a column a transition changes costs WAL pages on every commit.
        // The once-only tables are written once per agency call, not per transition.
        #expect(indexes == [
            "enrollment_by_journey_status": "enrollment", "consent_by_person": "consent",
            "submission_by_person": "submission", "submission_pending_per_step": "submission", "access_journal_by_person": "access_journal",
            "agency_event_pending": "agency_event", "agency_event_expiry": "agency_event",
            "unmatched_agency_event_expiry": "unmatched_agency_event", "timer_pending": "timer", "timer_by_journey": "timer",
            "mandate_by_grantor": "mandate", "mandate_by_representative": "mandate",
            "reminder_by_person": "reminder", "reminder_delivery_pending": "reminder",
            "web_session_by_last_seen": "web_session", "api_token_staff_identity": "api_token", "spent_id_token_expiry": "spent_id_token",
            "life_event_unmatched_expiry": "life_event", "offer_by_person": "offer", "offer_open": "offer",
        ])

        func columns(_ index: String) throws -> [String] {
            try store.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [index]) }
        }
        #expect(try columns("enrollment_by_journey_status") == ["journeyId", "status", "ball", "updatedDay"])
        #expect(try columns("timer_pending") == ["dueAt"])
        #expect(try columns("timer_by_journey") == ["journeyId", "kind", "dueAt"])
        // Open steps are listed for caseworkers from a table keyed the way the lists read it.
        #expect(try primaryKey("open_step") == ["journeyId", "stepId", "state", "since", "enrollmentKey"])
        // History is read by enrollment in order: the event table is keyed that way, with no separate index.
        #expect(try primaryKey("event") == ["enrollmentKey", "sequence"])

        func primaryKey(_ table: String) throws -> [String] {
            try store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info((SELECT name FROM pragma_index_list(?) WHERE origin = 'pk')) ORDER BY seqno",
                    arguments: [table])
            }
        }
    }

    @Test("one person may hold only one enrollment per journey, by a unique constraint")
    func enrollmentIsUniquePerPersonAndJourney() async throws {
        let store = try database.open()
        let uniqueIndexColumns = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name FROM pragma_index_list('enrollment') WHERE \"unique\" = 1")
                .map { row in
                    try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [row["name"] as String])
                }
        }
        #expect(uniqueIndexColumns.contains(["personId", "journeyId"]))
    }

    @Test("v6 keeps numbers linked before it, unproven: their people plan as before and log in before anything is fetched or sent")
    func numbersLinkedBeforeV6AreUnproven() async throws {
        let queue = try DatabaseQueue(path: database.path)
        try Schema.migrator.migrate(queue, upTo: "v5-submission-claims")
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO person (id, identityNumber, createdAt) VALUES ('p-1', ?, 0)", arguments: [OfficialTestNumbers.personnummer])
            try db.execute(sql: """
                INSERT INTO api_token (id, secretHash, role, personId, createdAt) VALUES ('tk-1', 'hash', 'citizen', 'p-1', 0)
                """)
        }
        try queue.close()

        let store = try database.open()
        let person = try #require(try await store.person(identity: try Personnummer(parsing: OfficialTestNumbers.personnummer)))
        #expect(person.id == "p-1" && person.proof == nil && !person.isProven)
        let token = try #require(try await store.token(secretHash: "hash"))
        #expect(token.expiresAt == nil && token.assurance == nil && !token.isSession)
    }

    @Test("v11 arms a due-soon timer a week before each pending deadline, so steps due before it are reminded too")
    func v11ArmsDueSoonTimers() async throws {
        let queue = try DatabaseQueue(path: database.path)
        try Schema.migrator.migrate(queue, upTo: "v9-deadlines-and-timers")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO person (id, createdAt) VALUES ('p-1', 0);
                INSERT INTO enrollment (id, personId, journeyId, journeyVersion, status, ball, revision, createdAt, updatedAt, updatedDay, steps)
                    VALUES ('e-1', 'p-1', 'new-in-sweden', 1, 'active', 'person', 1, 0, 0, 0, '{}');
                INSERT INTO timer (enrollmentKey, stepId, kind, journeyId, dueAt, firedAt) VALUES
                    (1, 'registration', 'due', 'new-in-sweden', 2000000, NULL), (1, 'bank', 'due', 'new-in-sweden', 1000, 1000);
                """)
        }
        try queue.close()

        let store = try database.open()
        let soon = try await store.pool.read { db in try Row.fetchAll(db, sql: "SELECT stepId, dueAt, firedAt FROM timer WHERE kind = 'soon'") }
        #expect(soon.map { [$0["stepId"] as String: $0["dueAt"] as Double] } == [["registration": 2_000_000 - 604_800]])
        #expect(try await store.fireDueTimers(at: Date(timeIntervalSinceReferenceDate: 1_500_000), limit: 10).map(\.kind) == [.soon])
        #expect(try await store.reminders(of: "p-1").map(\.kind) == [.soon])
    }

    @Test("v8 copies the journal into a table whose service may be empty: every entry keeps its columns, the chain verifies, new entries chain on")
    func journalKeepsItsChainThroughV8() async throws {
        let queue = try DatabaseQueue(path: database.path)
        try Schema.migrator.migrate(queue, upTo: "v6-identity-proof-and-sessions")
        let before = JournalChain.chain([
            AccessEntry(at: Date(timeIntervalSinceReferenceDate: 1.5), person: "p-1", actor: .person, journey: "new-in-sweden", step: nil,
                service: "skatteverket.population-record", action: .fetch, fields: ["address", "fullName"], outcome: .completed),
            AccessEntry(at: Date(timeIntervalSinceReferenceDate: 2.5), person: "p-1", actor: .system, journey: "new-in-sweden", step: "intake",
                service: "skatteverket.folkbokforing", action: .send, fields: [], outcome: .failed, detail: "timeout"),
        ], after: nil)
        try await queue.write { db in
            for entry in before {
                try db.execute(sql: """
                    INSERT INTO access_journal (sequence, at, personId, actor, journeyId, stepId, agencyId, serviceId, action, fields, outcome, detail,
                        previousHash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [entry.sequence, entry.at.timeIntervalSinceReferenceDate, entry.person.rawValue, entry.actor.rawValue,
                        entry.journey?.rawValue, entry.step?.rawValue, entry.agency?.rawValue, entry.service?.rawValue, entry.action.rawValue,
                        JournalChain.fieldList(entry.fields), entry.outcome.rawValue, entry.detail, entry.previousHash, entry.hash])
            }
        }
        try queue.close()

        let store = try database.open()
        #expect(try await store.journal(person: "p-1") == before)
        let read = AccessEntry.request(at: Date(timeIntervalSinceReferenceDate: 3.5), person: "p-1",
            requester: AccessRequester(token: "tk-1", role: .caseworker, purpose: "GET /v1/people/{personId}"), action: .read, outcome: .completed)
        try await store.appendJournal([read])
        let verification = try await store.verifyJournal(expectedHead: nil)
        #expect(verification.isIntact && verification.entries == 3)
        #expect(try await store.journal(person: "p-1").last?.requester?.token == "tk-1")
    }

    @Test("v4 moves each enrollment's step rows into its steps column and its open steps into open_step, losing nothing")
    func stepsMoveIntoTheEnrollmentRow() async throws {
        // A database as the previous release left it: migrated up to v3, with steps as rows.
        let queue = try DatabaseQueue(path: database.path)
        try Schema.migrator.migrate(queue, upTo: "v3-api-tokens-agency-events")
        let since = 788_918_400.123_456_7
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO person (id, createdAt) VALUES ('p-1', 0), ('p-2', 0);
                INSERT INTO enrollment (id, personId, journeyId, journeyVersion, status, ball, revision, createdAt, updatedAt, updatedDay)
                    VALUES ('e-1', 'p-1', 'new-in-sweden', 2, 'active', 'agency', 3, 0, 0, 0),
                           ('e-2', 'p-2', 'new-in-sweden', 2, 'active', 'person', 0, 0, 0, 0);
                """)
            try db.execute(sql: """
                INSERT INTO step (enrollmentId, stepId, journeyId, progress, detail, state, since) VALUES
                    ('e-1', 'residence-permit', 'new-in-sweden', 'waitingOnAgency', 'MIG-2026-000123', 'waitingOnAgency', ?),
                    ('e-1', 'population-registration', 'new-in-sweden', NULL, NULL, 'locked', 0),
                    ('e-1', 'intake', 'new-in-sweden', 'completed', NULL, 'done', 1.5)
                """, arguments: [since])
            try db.execute(sql: """
                INSERT INTO event (enrollmentId, sequence, at, actor, kind, stepId, factId, detail) VALUES
                    ('e-1', 1, 0, 'person', 'enrolled', NULL, NULL, 'version 2'),
                    ('e-1', 2, 1.5, 'person', 'stepProgressed', 'intake', NULL, 'completed'),
                    ('e-2', 1, 0, 'person', 'enrolled', NULL, NULL, 'version 2')
                """)
        }
        try queue.close()

        let store = try database.open()
        await #expect(try store.appliedMigrations() == Self.shippedMigrations)
        await #expect(try store.enrollment(id: "e-1")?.steps == [
            "residence-permit": StoredStep(progress: .waitingOnAgency(caseReference: "MIG-2026-000123"), state: .waitingOnAgency,
                since: Date(timeIntervalSinceReferenceDate: since)),
            "population-registration": StoredStep(progress: nil, state: .locked, since: Date(timeIntervalSinceReferenceDate: 0)),
            "intake": StoredStep(progress: .completed, state: .done, since: Date(timeIntervalSinceReferenceDate: 1.5)),
        ])
        await #expect(try store.enrollment(id: "e-2")?.steps == [:])
        // Each enrollment keeps its history, in order, and goes on numbering it.
        await #expect(try store.events(enrollment: "e-1").map(\.kind) == [.enrolled, .stepProgressed])
        await #expect(try store.events(enrollment: "e-2").map(\.sequence) == [1])
        _ = try await store.transact(person: "p-2") { _ in [JourneyEvent(enrollment: "e-2", at: Moment.day(1), actor: .person, kind: .identityLinked)] }
        await #expect(try store.events(enrollment: "e-2").map(\.sequence) == [1, 2])
        let waiting = EnrollmentQuery(journey: "new-in-sweden", step: "residence-permit", stepState: .waitingOnAgency)
        await #expect(try store.enrollmentPage(waiting, after: nil).items.map(\.id) == ["e-1"])
        let tables = try await store.pool.read { db in try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("step"))
    }

    private func explain(_ store: SQLiteJourneyStore, _ sql: String, _ arguments: StatementArguments) throws -> String {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
        }
        .joined(separator: "\n")
    }
}
