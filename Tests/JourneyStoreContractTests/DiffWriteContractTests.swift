import Foundation
import JourneyModel
import JourneyStore
import Testing

/// Only what changed is written. Triggers, set up behind the store's back, note every row the store inserts, updates
/// or deletes.
@Suite("Contract: a transition writes only the rows that changed")
struct DiffWriteContractTests {
    static let tables = ["person", "fact", "enrollment", "open_step", "event"]

    /// Notes every write to the store's tables in `row_write`, as `table:OPERATION`.
    static func watchWrites(_ database: TestDatabase) async throws {
        switch database.kind {
        case .sqlite:
            try await database.execute("CREATE TABLE row_write (what TEXT NOT NULL)")
            for table in tables {
                for operation in ["INSERT", "UPDATE", "DELETE"] {
                    try await database.execute("""
                        CREATE TRIGGER \(table)_\(operation.lowercased())_noted AFTER \(operation) ON \(table)
                        BEGIN INSERT INTO row_write VALUES ('\(table):\(operation)'); END
                        """)
                }
            }
        case .postgres:
            try await database.execute("CREATE TABLE row_write (n bigserial PRIMARY KEY, what text NOT NULL)")
            try await database.execute("""
                CREATE FUNCTION note_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO row_write (what) VALUES (TG_TABLE_NAME || ':' || TG_OP); RETURN NULL; END $$
                """)
            for table in tables {
                try await database.execute(
                    "CREATE TRIGGER \(table)_noted AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION note_write()")
            }
        }
    }

    /// The writes noted since the last call, sorted, and forgets them.
    static func writes(_ database: TestDatabase) async throws -> [String] {
        let writes = try await database.texts("SELECT what FROM row_write")
        try await database.execute("DELETE FROM row_write")
        return writes.sorted()
    }

    @Test("open steps, enrollment rows and facts are written only when they changed", arguments: StoreKind.allCases)
    func onlyChangedRowsAreWritten(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", steps: [
                "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
                "bank": StoredStep(progress: nil, state: .locked, since: Moment.start),
                "sfi": StoredStep(progress: nil, state: .available, since: Moment.start),
            ]))
            try await Self.watchWrites(database)
            func change(_ body: @escaping @Sendable (inout PersonSnapshot) -> Void) async throws -> [String] {
                _ = try await store.transact(person: "p-1") { snapshot in
                    body(&snapshot)
                    return []
                }
                return try await Self.writes(database)
            }

            // One open step moves on: its row moves, the other open step's stays.
            #expect(try await change {
                $0.enrollments[0].steps["registration"] = StoredStep(progress: .started, state: .inProgress, since: Moment.day(1))
                $0.enrollments[0].revision += 1
            } == ["enrollment:UPDATE", "open_step:DELETE", "open_step:INSERT"])
            // Only the enrollment's own columns change.
            #expect(try await change {
                $0.enrollments[0].ball = .agency
                $0.enrollments[0].revision += 1
            } == ["enrollment:UPDATE"])
            // Nothing changes: nothing is written.
            #expect(try await change { _ in } == [])
            // Progress within the same state and moment: open_step stays.
            #expect(try await change {
                $0.enrollments[0].steps["registration"]?.progress = .waitingOnAgency(caseReference: "MIG-2026-000123")
                $0.enrollments[0].revision += 1
            } == ["enrollment:UPDATE"])
            // A step that settles leaves; a locked step added never arrives.
            #expect(try await change {
                $0.enrollments[0].steps["registration"] = StoredStep(progress: .completed, state: .done, since: Moment.day(2))
                $0.enrollments[0].steps["id-card"] = StoredStep(progress: nil, state: .locked, since: Moment.day(2))
                $0.enrollments[0].revision += 1
            } == ["enrollment:UPDATE", "open_step:DELETE"])
            // A new fact is one row; the same fact again writes nothing; one changed fact of two is one row.
            let answered = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(3))
            #expect(try await change {
                $0.facts["longStay"] = answered
                $0.facts["hasChildren"] = answered
            }.allSatisfy { $0.hasPrefix("fact:") })
            #expect(try await change { $0.facts["longStay"] = answered } == [])
            #expect(try await change { $0.facts["longStay"] = KnownFact(value: .bool(false), source: .person, recordedAt: Moment.day(4)) }.count == 1)
            #expect(try await change { $0.facts["hasChildren"] = nil } == ["fact:DELETE"])
            // An event alone is one row.
            _ = try await store.transact(person: "p-1") { _ in [JourneyEvent(enrollment: "e-1", at: Moment.day(5), actor: .system, kind: .identityLinked)] }
            #expect(try await Self.writes(database) == ["event:INSERT"])
        }
    }
}
