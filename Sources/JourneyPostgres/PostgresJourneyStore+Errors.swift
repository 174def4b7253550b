import Foundation
import JourneyStore
import PostgresNIO

/// What PostgreSQL's and postgres-nio's errors mean for a caller, as ``StorageError``s. Messages name the server and
/// the database, never the password, and never repeat the server's own text: it can quote the values of a row
/// (`Key (identity_number)=(…) already exists`), which may be personal data.
enum PostgresErrors {
    /// SQLSTATEs the store retries: the transaction lost a race and may succeed when run again.
    static func isRetriable(_ error: any Error) -> Bool {
        guard let state = sqlState(error) else { return false }
        return state == "40001" || state == "40P01"
    }

    static func sqlState(_ error: any Error) -> String? {
        guard let error = error as? PSQLError, error.code == .server else { return nil }
        return error.serverInfo?[.sqlState]
    }

    static func storageError(_ error: any Error, at location: PostgresLocation) -> StorageError {
        if let error = error as? StorageError { return error }
        if error is CancellationError { return StorageError(.failed, "the request was cancelled") }
        if error is PostgresDecodingError {
            return StorageError(.corrupt, "a row in the \(location.serverDescription) cannot be read", hint: "the database may come from a newer Lotsen")
        }
        if error is LeaseTimeout {
            return StorageError(.busy, "no connection to the \(location.serverDescription) became free in time",
                hint: "PostgreSQL may be down or unreachable, or every connection of this node's pool is in use; try again")
        }
        guard let error = error as? PSQLError else { return unreachable(location) }
        switch error.code {
        case .server: return serverError(state: error.serverInfo?[.sqlState] ?? "", at: location)
        case .queryCancelled: return StorageError(.failed, "the request was cancelled")
        case .sslUnsupported:
            return StorageError(.cannotOpen, "the server of the \(location.serverDescription) does not offer TLS", hint: "add ?sslmode=disable or prefer")
        case .authMechanismRequiresPassword:
            return StorageError(.cannotOpen, "the server of the \(location.serverDescription) asks for a password for user \(location.user)",
                hint: "give it in the URL or in PGPASSWORD")
        case .unsupportedAuthMechanism, .saslError:
            return StorageError(.cannotOpen, "cannot log in to the \(location.serverDescription) as \(location.user)",
                hint: "use scram-sha-256, md5, password or trust authentication for this user in pg_hba.conf")
        case .tooManyParameters, .invalidCommandTag, .unexpectedBackendMessage, .messageDecodingFailure:
            return StorageError(.failed, "the conversation with the \(location.serverDescription) failed (\(error.code))")
        default:
            // Connection refused, closed, reset or timed out, TLS failures, a pool that gave up connecting.
            return unreachable(location)
        }
    }

    static func unreachable(_ location: PostgresLocation) -> StorageError {
        StorageError(.busy, "cannot reach the \(location.serverDescription)",
            hint: "check that PostgreSQL runs and accepts connections there, and try again")
    }

    private static func serverError(state: String, at location: PostgresLocation) -> StorageError {
        switch state {
        case "23505":
            return StorageError(.conflict, "the change conflicts with data already stored", hint: "reload and try again")
        case _ where state.hasPrefix("23"):
            // Foreign keys, not-null and checks: the change refers to something that is not (or no longer) there.
            return StorageError(.conflict, "the change conflicts with data already stored", hint: "reload and try again")
        case "40001", "40P01":
            return StorageError(.conflict, "the change kept colliding with concurrent changes", hint: "try again")
        case "53300":
            return StorageError(.busy, "the server of the \(location.serverDescription) has no free connections",
                hint: "lower the pool size of the nodes, or raise max_connections on the server")
        case "57P01", "57P02", "57P03":
            return StorageError(.busy, "the server of the \(location.serverDescription) is shutting down or starting",
                hint: "try again in a moment")
        case "55P03", "57014":
            return StorageError(.busy, "the \(location.serverDescription) is busy", hint: "try again")
        case "25006":
            // A hot standby, or default_transaction_read_only: a state, not a failure of this request.
            return StorageError(.unavailable, "the \(location.serverDescription) is read-only",
                hint: "point Lotsen at the primary, or turn default_transaction_read_only off")
        case "3D000":
            return StorageError(.cannotOpen, "there is no \(location.serverDescription)",
                hint: "create it (createdb \(location.database)) or correct the database name in the URL")
        case "28P01", "28000":
            return StorageError(.cannotOpen, "cannot log in to the \(location.serverDescription) as \(location.user)",
                hint: "check the user and password (URL or PGPASSWORD) and pg_hba.conf on the server")
        case "42501":
            return StorageError(.cannotOpen, "user \(location.user) may not use the \(location.serverDescription)",
                hint: "grant the user the rights to create and change tables in the database")
        case "53100":
            return StorageError(.failed, "the server of the \(location.serverDescription) is out of disk space", hint: "free some space and try again")
        case "XX001", "XX002":
            return StorageError(.corrupt, "the \(location.serverDescription) is damaged", hint: "restore it from a backup")
        case _ where state.hasPrefix("08"):
            return unreachable(location)
        default:
            return StorageError(.failed, "the \(location.serverDescription) refused the request (SQLSTATE \(state))")
        }
    }
}
