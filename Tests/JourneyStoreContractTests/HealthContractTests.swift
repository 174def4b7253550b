import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyPostgres

/// `health()`: a store that answers and takes changes says so; a read-only PostgreSQL database (what a hot standby
/// is to its clients) is reported, refused at open, and its writes fail as `unavailable`, not as a plain failure.
/// (The SQLite file deleted, replaced or read-only is in JourneySQLiteTests and LotsenCLITests.)
@Suite("Store health")
struct HealthContractTests {
    @Test("a store just opened is healthy", arguments: StoreKind.allCases)
    func healthyWhenOpened(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            #expect(await store.health() == .ok)
        }
    }

    @Test("a PostgreSQL database that turned read-only under a running store: health says readOnly, a write is unavailable")
    func readOnlyPostgres() async throws {
        try await withDatabase(.postgres) { database, store in
            let location = try #require(database.location)
            try await database.execute("ALTER DATABASE \(location.database) SET default_transaction_read_only = on")
            // Sessions take the setting when they connect: end the store's, as a failover to a standby would.
            try await database.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
            var health = await store.health()
            let deadline = ContinuousClock.now + .seconds(15)
            while health.problem != .readOnly, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                health = await store.health()
            }
            #expect(health.problem == .readOnly)
            #expect(health.message.contains("read-only"))
            #expect(health.hint != nil)
            let error = try await #require(throws: StorageError.self) {
                _ = try await store.pinDefinition(journey: JourneyID("new-in-sweden"), version: 1, source: "steps: []")
            }
            #expect(error.code == .unavailable)
            #expect(error.message.contains("read-only"))
        }
    }

    @Test("opening a store on a read-only PostgreSQL database is refused as unavailable, naming the database")
    func readOnlyPostgresRefusedAtOpen() async throws {
        try await withDatabase(.postgres) { database, _ in
            let location = try #require(database.location)
            try await database.execute("ALTER DATABASE \(location.database) SET default_transaction_read_only = on")
            let error = try await #require(throws: StorageError.self) { _ = try await PostgresJourneyStore.open(location) }
            #expect(error.code == .unavailable)
            #expect(error.message.contains(location.database))
        }
    }
}
