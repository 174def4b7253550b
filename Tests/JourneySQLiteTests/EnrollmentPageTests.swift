import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

/// What SQLite plans for the caseworker pages. That the pages list the right enrollments is the contract's
/// (`EnrollmentPageContractTests`); here, that SQLite answers them from the indexes.
@Suite("Caseworker pages are answered from SQLite's indexes")
struct EnrollmentPageTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    /// What SQLite plans for a page query, one line per step of the plan.
    func plan(_ store: SQLiteJourneyStore, _ query: EnrollmentQuery, cursor: EnrollmentCursor? = nil) throws -> String {
        let (sql, arguments) = SQLiteJourneyStore.pageStatement(query, after: cursor, limit: 51)
        return try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments)).map { $0["detail"] as String }
        }.joined(separator: "\n")
    }

    @Test("a list by step walks open_step's key, whatever else it filters on, on every page")
    func stepListUsesTheOpenStepKey() async throws {
        let store = try database.open()
        let cursor = EnrollmentCursor(moment: Moment.day(1), enrollment: "e-1")
        for query in [
            EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency, unchangedSince: Moment.day(3)),
            EnrollmentQuery(journey: "new-in-sweden", step: "registration", status: .active, ball: .agency),
            EnrollmentQuery(journey: "new-in-sweden", step: "registration"),
        ] {
            let plan = try plan(store, query, cursor: cursor)
            #expect(plan.contains("SEARCH s USING PRIMARY KEY (journeyId=? AND stepId=?"), "\(plan)")
            #expect(!plan.contains("SCAN s"), "\(plan)")
            #expect(!plan.contains("SCAN e"), "\(plan)")
        }
    }

    @Test("a list without a step walks the enrollment index")
    func enrollmentListUsesTheEnrollmentIndex() async throws {
        let store = try database.open()
        for query in [
            EnrollmentQuery(journey: "new-in-sweden"),
            EnrollmentQuery(journey: "new-in-sweden", status: .active, ball: .person, unchangedSince: Moment.day(3)),
        ] {
            let plan = try plan(store, query, cursor: EnrollmentCursor(moment: Moment.day(1), enrollment: "e-1"))
            #expect(plan.contains("INDEX enrollment_by_journey_status"), "\(plan)")
            #expect(!plan.contains("SCAN e"), "\(plan)")
        }
    }
}
