import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneyStorage

@Suite("Migrations")
struct MigrationTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    /// Every migration that has shipped, oldest first. A new migration is added here when it is added to the schema.
    static let shippedMigrations = ["v1-people-enrollments-steps-facts-events", "v2-once-only-consents-submissions-journal", "v3-api-tokens-agency-events"]

    @Test("a new database has exactly the named migrations applied")
    func newDatabaseHasTheNamedMigrations() throws {
        let store = try database.open()
        #expect(try store.appliedMigrations() == Self.shippedMigrations)
    }

    @Test("opening the same file again does not run the migrations again and keeps the data")
    func reopeningDoesNotRerunMigrations() throws {
        do {
            let store = try database.open()
            _ = try store.createPerson(id: "p-1", identity: nil, at: Moment.start)
        }
        let store = try database.open()
        let again = try database.open()

        #expect(try store.appliedMigrations() == Self.shippedMigrations)
        #expect(try again.appliedMigrations() == Self.shippedMigrations)
        #expect(try store.count("grdb_migrations") == Self.shippedMigrations.count)
        #expect(try store.person(id: "p-1") != nil)
    }

    @Test("the schema has the expected tables")
    func expectedTablesExist() throws {
        let store = try database.open()
        let tables = try store.pool.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        }
        #expect(tables.isSuperset(of: ["person", "enrollment", "step", "fact", "event", "definition"]))
    }

    @Test("the schema has the indexes caseworker queries and history reads rely on")
    func expectedIndexesExist() throws {
        let store = try database.open()
        let indexes = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                .reduce(into: [String: String]()) { $0[$1["name"]] = $1["tbl_name"] }
        }
        // Few indexes on purpose: every index on a column a transition changes costs WAL pages on every commit.
        // The once-only tables are written once per agency call, not per transition.
        #expect(indexes == [
            "enrollment_by_journey_status": "enrollment", "step_by_journey_step_state": "step", "consent_by_person": "consent",
            "submission_by_person": "submission", "submission_pending_per_step": "submission", "access_journal_by_person": "access_journal",
            "agency_event_pending": "agency_event",
        ])

        func columns(_ index: String) throws -> [String] {
            try store.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [index]) }
        }
        #expect(try columns("enrollment_by_journey_status") == ["journeyId", "status", "ball", "updatedDay"])
        #expect(try columns("step_by_journey_step_state") == ["journeyId", "stepId", "state", "since"])
        // History is read by enrollment in order: the event table is keyed that way, with no separate index.
        let eventKey = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info((SELECT name FROM pragma_index_list('event') WHERE origin = 'pk')) ORDER BY seqno")
        }
        #expect(eventKey == ["enrollmentId", "sequence"])
    }

    @Test("one person may hold only one enrollment per journey, by a unique constraint")
    func enrollmentIsUniquePerPersonAndJourney() throws {
        let store = try database.open()
        let uniqueIndexColumns = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name FROM pragma_index_list('enrollment') WHERE \"unique\" = 1")
                .map { row in
                    try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [row["name"] as String])
                }
        }
        #expect(uniqueIndexColumns.contains(["personId", "journeyId"]))
    }

    @Test("a step-and-state query for a journey is answered from the step index, never by scanning a table")
    func stepStateQueryUsesTheStepIndex() throws {
        let store = try database.open()
        // The statement `enrollments(matching:)` builds for journey + step + stepState + unchangedSince; it repeats the
        // partial index's condition so SQLite may use the index.
        let sql = """
            SELECT e.* FROM enrollment e JOIN step s ON s.enrollmentId = e.id AND s.stepId = ? AND s.journeyId = ? AND s.state = ? \
            AND \(StepState.indexCondition) AND s.since < ? WHERE e.journeyId = ? ORDER BY e.updatedAt, e.id LIMIT ?
            """
        let arguments: StatementArguments = [
            "registration", "new-in-sweden", StepState.waitingOnAgency.rawValue, Moment.day(14).timeIntervalSinceReferenceDate, "new-in-sweden", 100,
        ]
        let details = try explain(store, sql, arguments)

        #expect(details.contains("step_by_journey_step_state"), "\(details)")
        #expect(details.contains("journeyId=? AND stepId=? AND state=? AND since<?"), "\(details)")
        #expect(!details.contains("SCAN e"), "\(details)")
        #expect(!details.contains("SCAN s"), "\(details)")
        #expect(!details.contains("SCAN step"), "\(details)")
        #expect(!details.contains("SCAN enrollment"), "\(details)")

        // And the same filter through the store returns rows, so the statement above is the one it runs.
        try store.createEnrolledPerson(
            "p-1",
            enrollment: .fixture(
                "e-1", person: "p-1", steps: ["registration": StoredStep(progress: .waitingOnAgency(caseReference: nil), state: .waitingOnAgency, since: Moment.day(1))]))
        let found = try store.enrollments(
            matching: EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency, unchangedSince: Moment.day(14)))
        #expect(found.map(\.id) == ["e-1"])
    }

    private func explain(_ store: SQLiteJourneyStore, _ sql: String, _ arguments: StatementArguments) throws -> String {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
        }
        .joined(separator: "\n")
    }
}
