import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("Store edge cases: removed steps, state-only queries, databases from a newer Lotsen")
struct StoreEdgeTests {
    let database: TemporaryDatabase

    init() throws { database = try TemporaryDatabase() }

    @Test("a step removed from the snapshot is deleted, and an enrollment cannot be removed")
    func removalsAreWrittenOrRefused() async throws {
        let store = try database.open()
        let steps: [StepID: StoredStep] = [
            "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
            "id-card": StoredStep(progress: nil, state: .locked, since: Moment.start),
        ]
        try await store.createEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", steps: steps))
        let after = try await store.transact(person: "p-1") { snapshot in
            snapshot.enrollments[0].steps["id-card"] = nil
            return []
        }
        await #expect(try store.snapshot(person: "p-1") == after)
        await #expect(try store.snapshot(person: "p-1")?.enrollments[0].steps.keys.map(\.rawValue) == ["registration"])
        await #expect(throws: StorageError.self) {
            try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments.removeAll()
                return []
            }
        }
        #expect(try store.count("enrollment") == 1)
    }

    @Test("a step state without a step finds enrollments with any step in that state")
    func stateOnlyQuery() async throws {
        let store = try database.open()
        try await store.createEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", steps: [
            "registration": StoredStep(progress: nil, state: .locked, since: Moment.start)
        ]))
        try await store.createEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2", steps: [
            "registration": StoredStep(progress: .completed, state: .done, since: Moment.start)
        ]))
        await #expect(try store.enrollments(matching: EnrollmentQuery(stepState: .done)).map(\.id) == ["e-2"])
        await #expect(try store.enrollments(matching: EnrollmentQuery(stepState: .waitingOnAgency)).isEmpty)
    }

    @Test("a database written by a newer Lotsen is refused with a clear message")
    func newerDatabaseIsRefused() async throws {
        _ = try database.open()
        let queue = try DatabaseQueue(path: database.path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        #expect {
            try database.open()
        } throws: { error in
            let error = error as! StorageError
            return error.code == .cannotOpen && error.message.hasSuffix("was written by a newer Lotsen")
        }
    }
}
