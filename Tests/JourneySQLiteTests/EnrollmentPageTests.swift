import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("Caseworker pages: keyset pagination over the indexes")
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

    @Test("pages follow each other without repeating or skipping, and the last has no cursor")
    func pagesAreContiguous() async throws {
        let store = try database.open()
        try await EnrollmentQueryTests.populate(store)
        var seen: [EnrollmentID] = []
        var cursor: EnrollmentCursor?
        repeat {
            let page = try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", limit: 3), after: cursor)
            seen += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen == ["e-1", "e-3", "e-5", "e-2"])
        let steps = try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", step: "registration", limit: 1), after: nil)
        #expect(steps.items.map(\.id) == ["e-1"])
        #expect(steps.items.first?.step?.state == .waitingOnAgency)
        let next = try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", step: "registration", limit: 5), after: steps.next)
        // e-3's step is done and e-5's rejected: only open steps are listed, e-5's since day 4.
        #expect(next.items.map(\.id) == ["e-2", "e-5"])
        #expect(next.next == nil)
    }

    @Test("lists refuse what the indexes cannot serve")
    func refusesUnindexedLists() async throws {
        let store = try database.open()
        await #expect(throws: StorageError.self) { try await store.enrollmentPage(EnrollmentQuery(), after: nil) }
        await #expect(throws: StorageError.self) {
            try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .done), after: nil)
        }
    }
}
