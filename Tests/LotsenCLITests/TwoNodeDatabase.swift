import Foundation
import JourneyModel
import Logging
import PostgresNIO
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - Settings

/// How big a run is: small by default (the test), larger from `bench/two-nodes.sh`.
struct TwoNodeSettings {
    var people = 16
    var extraReads = 0
    var restart = false
    var binary = CLIRunner.binary

    static func fromEnvironment() -> TwoNodeSettings {
        let environment = ProcessInfo.processInfo.environment
        var settings = TwoNodeSettings()
        if let value = environment["LOTSEN_TWO_NODES_PEOPLE"].flatMap(Int.init), value > 0 { settings.people = value }
        if let value = environment["LOTSEN_TWO_NODES_READS"].flatMap(Int.init), value >= 0 { settings.extraReads = value }
        settings.restart = environment["LOTSEN_TWO_NODES_RESTART"] == "1"
        if let path = environment["LOTSEN_TWO_NODES_BINARY"], !path.isEmpty { settings.binary = URL(fileURLWithPath: path) }
        return settings
    }
}

// MARK: - The database

/// Why the test could not get a database: said plainly, so a failing run tells how to fix it.
struct TwoNodeSetupError: Error, CustomStringConvertible {
    let description: String
}

/// A fresh PostgreSQL database (`lotsen_test_<random>`) on the server at `LOTSEN_TEST_POSTGRES_URL`, dropped by
/// ``drop()``; and raw SQL on it, behind the nodes' backs.
final class TwoNodeDatabase: Sendable {
    static let urlVariable = "LOTSEN_TEST_POSTGRES_URL"
    static let logger = Logger(label: "lotsen.two-node-tests")

    let host: String
    let port: Int
    let user: String
    let password: String?
    let name: String

    private init(host: String, port: Int, user: String, password: String?, name: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.name = name
    }

    /// The URL the nodes and commands are given.
    var url: String {
        let credentials = password.map { "\(user):\($0)" } ?? user
        return "postgres://\(credentials)@\(host):\(port)/\(name)"
    }

    static func make() async throws -> TwoNodeDatabase {
        guard let text = ProcessInfo.processInfo.environment[urlVariable], !text.isEmpty else {
            throw TwoNodeSetupError(description: """
                \(urlVariable) is not set, so two lotsen serve nodes on one PostgreSQL cannot be tested. Run ./scripts/test, which starts \
                a throwaway cluster, or start one yourself: export \(urlVariable)="$(scripts/test-postgres start)", then \
                swift test --filter TwoNodeTests (scripts/test-postgres stop when done)
                """)
        }
        guard let components = URLComponents(string: text), let host = components.host, ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw TwoNodeSetupError(description: "\(urlVariable) is not a postgres:// URL")
        }
        guard host == "127.0.0.1" || host == "localhost" || host == "::1" else {
            throw TwoNodeSetupError(description: "\(urlVariable) must name a server on loopback (this test sends traffic to 127.0.0.1 only)")
        }
        let name = "lotsen_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let server = TwoNodeDatabase(host: host, port: components.port ?? 5432, user: components.user ?? "postgres", password: components.password,
            name: String(components.path.dropFirst()).isEmpty ? "postgres" : String(components.path.dropFirst()))
        // The name is made here of hex digits only; identifiers cannot be bound as parameters.
        _ = try await server.rows("CREATE DATABASE \(name)")
        return TwoNodeDatabase(host: server.host, port: server.port, user: server.user, password: server.password, name: name)
    }

    /// Every row of a query, each column as text (cast columns that are not).
    func rows(_ sql: String) async throws -> [[String?]] {
        let configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: name, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
        do {
            var result: [[String?]] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger) {
                result.append(try row.map { try $0.decode(String?.self) })
            }
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Drops the database (the nodes that used it are gone by then; WITH (FORCE) ends any session left).
    func drop() async {
        let server = TwoNodeDatabase(host: host, port: port, user: user, password: password, name: "postgres")
        _ = try? await server.rows("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
