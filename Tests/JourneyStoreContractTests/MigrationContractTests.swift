import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: named migrations")
struct MigrationContractTests {
    /// Every migration each store has shipped, oldest first. A new migration is added here when it is added to a schema.
    static func shipped(_ kind: StoreKind) -> [String] {
        switch kind {
        case .sqlite:
            ["v1-people-enrollments-steps-facts-events", "v2-once-only-consents-submissions-journal", "v3-api-tokens-agency-events",
             "v4-steps-in-enrollment-row", "v5-submission-claims", "v6-identity-proof-and-sessions", "v7-agency-claims-and-unmatched-events",
             "v8-journal-of-reads", "v9-deadlines-and-timers", "v10-mandates-and-representatives",
             "v11-reminders", "v12-sessions", "v13-offers", "v14-step-durations"]
        case .postgres:
            ["v1-people-enrollments-events-facts-definitions", "v2-once-only-consents-submissions-journal", "v3-api-tokens-agency-events",
             "v6-identity-proof-and-sessions", "v7-agency-claims-and-unmatched-events", "v8-journal-of-reads", "v9-deadlines-and-timers", "v10-mandates-and-representatives",
             "v11-reminders", "v12-sessions", "v13-offers", "v14-step-durations"]
        }
    }

    /// Where each store records what it applied.
    static func migrationTable(_ kind: StoreKind) -> String {
        switch kind {
        case .sqlite: "grdb_migrations"
        case .postgres: "schema_migration"
        }
    }

    @Test("a new database has exactly the named migrations; opening it again runs none and keeps the data", arguments: StoreKind.allCases)
    func migrationsAreAppliedOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            #expect(try await database.appliedMigrations(store) == Self.shipped(kind))
            try await store.newPerson("p-1")

            let again = try await database.open()
            let third = try await database.open()
            #expect(try await database.appliedMigrations(again) == Self.shipped(kind))
            #expect(try await database.appliedMigrations(third) == Self.shipped(kind))
            #expect(try await database.count(Self.migrationTable(kind)) == Self.shipped(kind).count)
            #expect(try await again.person(id: "p-1") != nil)
        }
    }

    @Test("a database a newer Lotsen migrated is refused with a clear message", arguments: StoreKind.allCases)
    func newerDatabaseIsRefused(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, _ in
            switch kind {
            case .sqlite: try await database.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            case .postgres: try await database.execute("INSERT INTO schema_migration (name, applied_at) VALUES ('v99-from-the-future', 0)")
            }
            let error = try await #require(throws: StorageError.self) { _ = try await database.open() }
            #expect(error.code == .cannotOpen)
            #expect(error.message.hasSuffix("was written by a newer Lotsen"))
            #expect(error.hint != nil)
        }
    }
}
