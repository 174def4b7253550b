import Foundation
import JourneyStore

/// Where a PostgreSQL store lives, read from a `postgres://user[:password]@host[:port]/database` URL (or
/// `postgresql://`, as libpq spells it). The password never appears in ``description``: it is what operators log.
///
/// - `host` is a name, an address, or a unix socket directory: given as `?host=/run/postgresql`, or percent-encoded
///   in the host part (`postgres://lotsen@%2Frun%2Fpostgresql/lotsen`).
/// - The password comes from the URL, else from `PGPASSWORD`; the user from the URL, else `PGUSER`, else `postgres`.
/// - `?sslmode=` follows libpq: `disable`, `prefer` (the default: TLS when the server offers it, unverified),
///   `require` (TLS, unverified), `verify-ca` and `verify-full`. A unix socket never uses TLS.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// How the connection is encrypted, as libpq's `sslmode`.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable
        case prefer
        case require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String
    public let tls: TLSMode

    /// Whether ``host`` is a unix socket directory rather than a network host.
    public var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The socket file PostgreSQL listens on in ``host``, when it is a directory.
    public var unixSocketPath: String? { isUnixSocket ? "\(host)/.s.PGSQL.\(port)" : nil }

    /// Whether `text` names a PostgreSQL database rather than an SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// `postgres://user@host:port/database`, without the password.
    public var description: String {
        isUnixSocket ? "postgres://\(user)@/\(database)?host=\(host)&port=\(port)" : "postgres://\(user)@\(hostForURL):\(port)/\(database)"
    }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the description, so the password stays out of them too.
    public var customMirror: Mirror { Mirror(self, children: ["location": description]) }

    /// Where the database is, for messages: host (or socket directory) and database, nothing about who connects.
    public var serverDescription: String {
        isUnixSocket ? "database \(database) on the unix socket in \(host)" : "database \(database) on \(hostForURL):\(port)"
    }

    private var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Reads a `postgres://` or `postgresql://` URL. Fails with ``StorageError/Code/cannotOpen`` on anything else; the
    /// message never repeats the URL, which may hold a password.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StorageError) {
        let hint = "write it as postgres://user[:password]@host[:port]/database, or with ?host=/socket/directory"
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw StorageError(.cannotOpen, "the database location is not a postgres:// URL", hint: hint)
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let unknown = Set(query.keys).subtracting(["host", "port", "sslmode", "user", "password", "dbname"])
        if let name = unknown.sorted().first {
            throw StorageError(.cannotOpen, "the database URL has an unknown parameter \(name)", hint: "use host, port, sslmode, user or dbname")
        }
        // `URLComponents.host` keeps percent escapes in some cases; decode them once, whatever the platform did.
        let urlHost = (components.percentEncodedHost ?? "").removingPercentEncoding ?? ""
        var host = query["host"] ?? urlHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host.isEmpty { host = environment["PGHOST"] ?? "localhost" }
        var port = 5432
        if let text = query["port"] ?? components.port.map(String.init) ?? environment["PGPORT"] {
            guard let number = Int(text), (1...65_535).contains(number) else {
                throw StorageError(.cannotOpen, "the database URL has an invalid port", hint: hint)
            }
            port = number
        }
        let user = query["user"] ?? components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? "postgres"
        let password = query["password"] ?? components.percentEncodedPassword.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        var database = query["dbname"] ?? String(components.percentEncodedPath.drop { $0 == "/" }).removingPercentEncoding ?? ""
        if database.isEmpty { database = environment["PGDATABASE"] ?? user }
        guard !database.contains("/") else { throw StorageError(.cannotOpen, "the database URL names more than one database", hint: hint) }
        var tls = TLSMode.prefer
        if let mode = query["sslmode"] ?? environment["PGSSLMODE"] {
            switch mode {
            case "allow", "prefer": tls = .prefer
            default:
                guard let known = TLSMode(rawValue: mode) else {
                    throw StorageError(.cannotOpen, "the database URL has an unknown sslmode", hint: "use disable, prefer, require, verify-ca or verify-full")
                }
                tls = known
            }
        }
        self.init(host: host, port: port, user: user, password: password.flatMap { $0.isEmpty ? nil : $0 }, database: database, tls: tls)
    }

    /// The same server and credentials, another database: for tools and tests that create databases.
    public func with(database: String) -> PostgresLocation {
        PostgresLocation(host: host, port: port, user: user, password: password, database: database, tls: tls)
    }
}
