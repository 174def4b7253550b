import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

/// SQLite's own storage form for moments. That moments read back bit for bit on every store is the contract's
/// (`PersistenceContractTests`); here, what SQLite keeps in each column.
@Suite("Moments in an SQLite file: REAL seconds since 2001 in every column")
struct MomentColumnTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    @Test("every moment is stored as a REAL of seconds since 2001-01-01 UTC, the schema's documented form")
    func momentsAreStoredAsReferenceDateSeconds() async throws {
        let store = try database.open()
        let moment = Date(timeIntervalSinceReferenceDate: 788_918_400.123_456)
        _ = try await store.transact(creating: StoredPerson(id: "p-1", identity: nil, createdAt: moment)) { snapshot in
            snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: moment, validUntil: moment)
            snapshot.enrollments.append(
                .fixture("e-1", person: "p-1", createdAt: moment, completedAt: moment,
                    steps: ["registration": StoredStep(progress: nil, state: .available, since: moment)]))
            return [JourneyEvent(enrollment: "e-1", at: moment, actor: .person, kind: .enrolled)]
        }

        let columns = [
            ("person", "createdAt"), ("fact", "recordedAt"), ("fact", "validUntil"), ("enrollment", "createdAt"), ("enrollment", "updatedAt"),
            // A step's since is also kept in the steps column as text that reads back bit for bit (see StepsColumnTests).
            ("enrollment", "completedAt"), ("open_step", "since"), ("event", "at"),
        ]
        for (table, column) in columns {
            let (type, value) = try await store.pool.read { db in
                let row = try #require(try Row.fetchOne(db, sql: "SELECT typeof(\(column)) AS type, \(column) AS value FROM \(table)"))
                return (row["type"] as String, row["value"] as Double?)
            }
            #expect(type == "real", "\(table).\(column)")
            #expect(value == moment.timeIntervalSinceReferenceDate, "\(table).\(column)")
        }
    }
}
