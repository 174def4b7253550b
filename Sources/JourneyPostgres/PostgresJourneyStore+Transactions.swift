import JourneyStore
import Logging
import PostgresNIO

/// One leased connection and the logger its queries report to: what the store's statements run on.
struct Session {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs a statement and reads its rows (none for most writes).
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// Runs a statement that returns no rows.
    func exec(_ query: PostgresQuery) async throws {
        _ = try await connection.query(query, logger: logger).collect()
    }

    /// Runs a query and hands its rows to `body` one at a time, as they arrive.
    func each(_ query: PostgresQuery, _ body: (PostgresRow) throws -> Void) async throws {
        for try await row in try await connection.query(query, logger: logger) { try body(row) }
    }
}

extension PostgresJourneyStore {
    /// How often a transaction that lost a race (serialization failure, deadlock) is run in all, before the caller
    /// gets a ``StorageError/Code/conflict``.
    static let attempts = 3

    /// Runs `body` in one transaction on a pooled connection: `BEGIN`, then `COMMIT`, or `ROLLBACK` when anything
    /// throws. A serialization failure or deadlock runs it again, up to ``attempts`` times in all; other errors come
    /// out unchanged. Read committed is enough for writers: they lock what they read (the person's row, the journal)
    /// or guard what they write (the enrollment's revision). Readers that need several statements to agree ask for
    /// `readOnly`, a repeatable-read snapshot.
    func transaction<T: Sendable>(readOnly: Bool = false, _ body: (Session) async throws -> T) async throws -> T {
        let begin: PostgresQuery = readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN"
        var attempt = 1
        while true {
            do {
                return try await withLeasedConnection { connection in
                    let session = Session(connection: connection, logger: logger)
                    try await session.exec(begin)
                    do {
                        let result = try await body(session)
                        try await session.exec("COMMIT")
                        return result
                    } catch {
                        // After a failed COMMIT there is nothing to roll back; the ROLLBACK only warns. A connection
                        // that cannot even roll back is in a state nobody should inherit: closed, the pool drops it.
                        do { try await session.exec("ROLLBACK") } catch { try? await connection.close() }
                        throw error
                    }
                }
            } catch where attempt < Self.attempts && PostgresErrors.isRetriable(error) {
                attempt += 1
                logger.debug("transaction retried", metadata: ["attempt": "\(attempt)"])
            }
        }
    }

    /// One write transaction; every error comes out as a ``StorageError``.
    func write<T: Sendable>(_ body: (Session) async throws -> T) async throws(StorageError) -> T {
        do { return try await transaction(body) } catch { throw PostgresErrors.storageError(error, at: location) }
    }

    /// Several reads that see one moment of the database (a repeatable-read, read-only transaction).
    func consistentRead<T: Sendable>(_ body: (Session) async throws -> T) async throws(StorageError) -> T {
        do { return try await transaction(readOnly: true, body) } catch { throw PostgresErrors.storageError(error, at: location) }
    }

    /// A read of one statement, outside any transaction: a statement sees one moment by itself.
    func read<T: Sendable>(_ body: (Session) async throws -> T) async throws(StorageError) -> T {
        do {
            return try await withLeasedConnection { connection in try await body(Session(connection: connection, logger: logger)) }
        } catch {
            throw PostgresErrors.storageError(error, at: location)
        }
    }

    /// A statement put together at run time (optional filters, a subquery used several times): each value is bound
    /// as a parameter (`$n`), never spliced into the text.
    struct Statement {
        var sql = ""
        private var binds = PostgresBindings()

        /// Binds `value` and returns its placeholder.
        mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }

        /// Binds `value`, or NULL, and returns its placeholder.
        mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
            if let value { binds.append(value) } else { binds.appendNull() }
            return "$\(binds.count)"
        }

        var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
    }
}
