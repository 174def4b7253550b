import Foundation
import JourneyEngine
import JourneyModel
import JourneyPostgres
import JourneyStore
import Logging
import PostgresNIO

/// Drives the peer workload through Lotsen's real engine and PostgreSQL store, on a database of its own that is
/// created afresh for each mode (as the SQLite file is) on the server the URL names, and dropped at the end.
struct PostgresRun {
    let library: JourneyLibrary
    /// The server, and the database the run connects to for administration (creating and dropping its own).
    let server: PostgresLocation
    let count: Int
    let seed: UInt32
    let batchSize: Int

    /// The database each mode runs in, recreated for every mode.
    static let benchDatabase = "lotsen_bench"

    func run(_ mode: EngineRun.Mode) async throws -> ModeResult {
        try await BenchPostgres.recreate(Self.benchDatabase, on: server)
        let location = server.with(database: Self.benchDatabase)
        // The store's own log (migrations applied) at warning and above, so the table stays readable.
        var storeLogger = Logger(label: "lotsen.postgres")
        storeLogger.logLevel = .warning
        // Pooled as lotsen serve pools (every connection kept, no timers per lease), since reload mode is its request path.
        let store = try await PostgresJourneyStore.open(location, keepsConnectionsOpen: true, logger: storeLogger)
        let driven: EngineRun.Driven
        do {
            driven = try await EngineRun.drive(mode, engine: JourneyEngine(library: library, store: store), count: count, seed: seed,
                batchSize: batchSize)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        let (verdict, size) = try await BenchPostgres.withConnection(to: location) { connection in
            let verdict = try await Self.verify(connection, people: driven.people, transitions: driven.transitions, workload: driven.workload,
                count: count)
            try await connection.query("CHECKPOINT", logger: BenchPostgres.logger)
            let size = try await BenchPostgres.scalar(connection, "SELECT pg_database_size(current_database())", as: Int64.self)
            return (verdict, size)
        }
        return driven.result(mode, batchSize: batchSize, databaseBytes: size, verify: verdict)
    }

    /// Drops the benchmark's database.
    func cleanUp() async throws {
        try await BenchPostgres.withConnection(to: server) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(Self.benchDatabase) WITH (FORCE)"), logger: BenchPostgres.logger)
        }
    }

    /// Every journey finished, each with exactly the transitions and branches its profile implies, checked on
    /// PostgreSQL's rows: the enrollment's status and steps column, and its history in the event table (one
    /// transition is the intake, which records the answers, or one completed step).
    private static func verify(_ connection: PostgresConnection, people: [PersonID], transitions: [Int], workload: PeerWorkload, count: Int)
        async throws -> String
    {
        let complete = try await BenchPostgres.scalar(connection, "SELECT count(*) FROM enrollment WHERE status = 'complete'", as: Int64.self)
        guard complete == count else { throw BenchError("\(complete) of \(count) journeys complete") }
        let index = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($0.element.rawValue, $0.offset) })
        let rows = try await connection.query(
            """
            SELECT e.person_id, e.steps->'residence-permit'->>0, e.steps->'child-allowance'->>0, e.steps->'school-place'->>0,
                e.steps->'employment-service'->>0, coalesce(h.completed, 0), coalesce(h.intake, 0)
            FROM enrollment e LEFT JOIN (
                SELECT enrollment_key,
                    count(*) FILTER (WHERE kind = 'stepProgressed' AND detail = 'completed') AS completed,
                    count(*) FILTER (WHERE kind = 'factRecorded') AS intake
                FROM event GROUP BY enrollment_key
            ) h ON h.enrollment_key = e.key
            """, logger: BenchPostgres.logger)
        var checked = 0
        var seen = Set<Int>()
        for try await (person, permit, allowance, school, employment, completed, intake)
            in rows.decode((String, String?, String?, String?, String?, Int64, Int64).self)
        {
            guard let number = index[person] else { throw BenchError("an enrollment of \(person), whom the run never enrolled") }
            guard seen.insert(number).inserted else { throw BenchError("person \(number) has more than one enrollment") }
            let profile = workload.profiles[number]
            guard transitions[number] == profile.expectedTransitions else {
                throw BenchError("person \(number): \(transitions[number]) transitions, expected \(profile.expectedTransitions)")
            }
            // The intake is one transition that records the three answers; every other transition completes one step.
            let stored = Int(completed) + (intake > 0 ? 1 : 0)
            guard stored == profile.expectedTransitions, intake == 3 else {
                throw BenchError("person \(number): the history holds \(completed) completed steps and \(intake) answers, "
                    + "expected \(profile.expectedTransitions - 1) and 3")
            }
            guard (permit == "done") != profile.isEuCitizen, (allowance == "done") == profile.hasChildren, (school == "done") == profile.hasChildren,
                (employment == "done") == profile.jobSeeking
            else {
                throw BenchError("person \(number) took branches its profile does not imply: permit \(permit ?? "-"), allowance \(allowance ?? "-"), "
                    + "school \(school ?? "-"), employment \(employment ?? "-")")
            }
            checked += 1
        }
        guard checked == count else { throw BenchError("checked \(checked) of \(count) journeys") }
        return "ok (all \(count) journeys complete; every transition count, read back from the event rows, and branch matches its profile)"
    }
}

/// The few things the benchmark does on PostgreSQL outside the store: one connection of its own to create, drop,
/// read settings and verify.
enum BenchPostgres {
    static let logger = Logger(label: "lotsen-bench.postgres")

    static func configuration(_ location: PostgresLocation) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socket = location.unixSocketPath {
            configuration = .init(unixSocketPath: socket, username: location.user, password: location.password, database: location.database)
        } else {
            // The benchmark runs against a server on this machine: no TLS.
            configuration = .init(host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    @discardableResult
    static func withConnection<T>(to location: PostgresLocation, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(configuration: configuration(location), id: 1, logger: logger)
        do {
            let value = try await body(connection)
            try? await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func scalar<T: PostgresDecodable & Sendable>(_ connection: PostgresConnection, _ sql: String, as type: T.Type) async throws -> T {
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(T.self) { return value }
        throw BenchError("no row from \(sql)")
    }

    /// Drops `database` (closing any session left in it) and creates it empty.
    static func recreate(_ database: String, on server: PostgresLocation) async throws {
        try await withConnection(to: server) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(database) WITH (FORCE)"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database)"), logger: logger)
        }
    }

    /// The server's version and the settings that decide what a commit costs, for the record.
    static func settings(_ server: PostgresLocation) async throws -> [String: String] {
        try await withConnection(to: server) { connection in
            var settings: [String: String] = [:]
            for name in ["server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_level", "shared_buffers", "max_connections"] {
                settings[name] = try await scalar(connection, "SHOW \(name)", as: String.self)
            }
            return settings
        }
    }
}
