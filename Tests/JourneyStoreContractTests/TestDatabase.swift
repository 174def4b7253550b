import Foundation
import GRDB
import JourneyModel
import JourneySQLite
import JourneyStore
import Logging
import PostgresNIO
import Synchronization
import Testing

@testable import JourneyPostgres

/// Everything a store promises, in one type: what the contract is checked against.
typealias ContractStore = JourneyStore & OnceOnlyStore & AgencyEventStore & TokenStore & EnrollmentListing & TimerStore & MandateStore & ReminderOutbox & WebSessionStore

/// The stores the contract runs on. Every contract test runs once per kind.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }
}

/// Why a test could not get a database: said plainly, so a failing run tells how to fix it.
struct ContractSetupError: Error, CustomStringConvertible {
    let description: String
}

/// A fresh, real database for one test: an SQLite file in a folder of its own, or a PostgreSQL database
/// (`lotsen_test_<random>`) created on the server at `LOTSEN_TEST_POSTGRES_URL`. ``destroy()`` closes every store
/// opened on it and removes it; ``withDatabase(_:_:)`` does that whatever the test does.
final class TestDatabase: Sendable {
    let kind: StoreKind
    private let folder: URL?
    private let server: PostgresLocation?
    let location: PostgresLocation?
    private let opened = Mutex<[PostgresJourneyStore]>([])

    static let urlVariable = "LOTSEN_TEST_POSTGRES_URL"
    static let logger = Logger(label: "lotsen.contract-tests")

    private init(kind: StoreKind, folder: URL?, server: PostgresLocation?, location: PostgresLocation?) {
        self.kind = kind
        self.folder = folder
        self.server = server
        self.location = location
    }

    static func make(_ kind: StoreKind) async throws -> TestDatabase {
        switch kind {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-contract-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return TestDatabase(kind: kind, folder: folder, server: nil, location: nil)
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment[urlVariable], !url.isEmpty else {
                throw ContractSetupError(description: """
                    \(urlVariable) is not set, so the PostgreSQL half of the store contract cannot run. Run ./scripts/test, which starts \
                    a throwaway cluster, or start one yourself: export \(urlVariable)="$(scripts/test-postgres start)", then \
                    swift test --filter JourneyStoreContractTests (scripts/test-postgres stop when done)
                    """)
            }
            let server = try PostgresLocation(url: url)
            let name = "lotsen_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            // The name is made here of hex digits only; identifiers cannot be bound as parameters.
            try await execute(on: server, "CREATE DATABASE \(name)")
            return TestDatabase(kind: kind, folder: nil, server: server, location: server.with(database: String(name)))
        }
    }

    /// Opens a store on the database. Calling it again gives an independent store (its own pool or file handle), as a
    /// second node or process would have.
    func open() async throws -> any ContractStore {
        switch kind {
        case .sqlite:
            return try SQLiteJourneyStore(path: sqlitePath)
        case .postgres:
            let store = try await PostgresJourneyStore.open(location!, maximumConnections: 4, logger: Self.logger)
            opened.withLock { $0.append(store) }
            return store
        }
    }

    var sqlitePath: String { folder!.appendingPathComponent("test.sqlite").path }

    /// Runs raw SQL on the database behind the stores' backs, as an outsider would.
    func execute(_ sql: String) async throws {
        switch kind {
        case .sqlite:
            let outsider = try DatabaseQueue(path: sqlitePath)
            try await outsider.write { db in try db.execute(sql: sql) }
            try outsider.close()
        case .postgres:
            try await Self.execute(on: location!, sql)
        }
    }

    /// The first column of the first row of a raw query, as a number.
    func number(_ sql: String) async throws -> Double? {
        switch kind {
        case .sqlite:
            let outsider = try DatabaseQueue(path: sqlitePath)
            defer { try? outsider.close() }
            return try await outsider.read { db in try Double.fetchOne(db, sql: sql) }
        case .postgres:
            return try await postgresRows(sql).first?.decode(Double?.self)
        }
    }

    /// Every row of a raw query on PostgreSQL, through a connection of its own (closed however the query ends).
    private func postgresRows(_ sql: String) async throws -> [PostgresRow] {
        let connection = try await PostgresConnection.connect(configuration: location!.connectionConfiguration(), id: 1, logger: Self.logger)
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).collect()
            try? await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The first column of every row of a raw query, as text.
    func texts(_ sql: String) async throws -> [String] {
        switch kind {
        case .sqlite:
            let outsider = try DatabaseQueue(path: sqlitePath)
            defer { try? outsider.close() }
            return try await outsider.read { db in try String.fetchAll(db, sql: sql) }
        case .postgres:
            return try await postgresRows(sql).map { try $0.decode(String.self) }
        }
    }

    /// How many rows `table` has.
    func count(_ table: String) async throws -> Int {
        Int(try await number("SELECT CAST(count(*) AS double precision) FROM \(table)") ?? 0)
    }

    /// A column's name in this kind's schema: SQLite's are camelCase, PostgreSQL's snake_case.
    func column(_ name: String) -> String {
        guard kind == .postgres else { return name }
        return name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }

    /// The migrations applied to the database, as `store` reports them.
    func appliedMigrations(_ store: any ContractStore) async throws -> [String] {
        if let store = store as? SQLiteJourneyStore { return try await store.appliedMigrations() }
        if let store = store as? PostgresJourneyStore { return try await store.appliedMigrations() }
        throw ContractSetupError(description: "unknown store \(type(of: store))")
    }

    /// Closes the stores opened on the database and removes it.
    func destroy() async {
        switch kind {
        case .sqlite:
            if let folder { try? FileManager.default.removeItem(at: folder) }
        case .postgres:
            for store in opened.withLock({ $0 }) { await store.close() }
            if let server, let location {
                try? await Self.execute(on: server, "DROP DATABASE IF EXISTS \(location.database) WITH (FORCE)")
            }
        }
    }

    private static func execute(on location: PostgresLocation, _ sql: String) async throws {
        let connection = try await PostgresConnection.connect(configuration: location.connectionConfiguration(), id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// Runs `body` on a fresh database of `kind` and a store opened on it, and removes the database afterwards, also
/// when the test fails.
func withDatabase(_ kind: StoreKind, _ body: (TestDatabase, any ContractStore) async throws -> Void) async throws {
    let database = try await TestDatabase.make(kind)
    do {
        let store = try await database.open()
        try await body(database, store)
    } catch {
        await database.destroy()
        throw error
    }
    await database.destroy()
}
