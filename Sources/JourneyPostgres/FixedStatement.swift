import PostgresNIO

/// A statement whose text never changes, only its values: the store runs it as a named prepared statement, so
/// PostgreSQL parses and plans it once per connection instead of on every call.
///
/// A status read's two statements cost the server about a third as much prepared as sent unnamed (`pgbench -M
/// prepared` against `-M extended` with the same two statements); planning the snapshot's `UNION ALL` is most of it.
/// The statements on the paths every request takes (the token, the snapshot, a transition's writes) are fixed;
/// rare ones stay plain queries. Named statements live on their connection, which a pool in transaction mode
/// (PgBouncer before 1.21) does not keep: docs/storage.md says so.
protocol FixedStatement {
    /// The text, with parameters `$1`, `$2`, ….
    static var sql: String { get }
    /// Each parameter's type, in order: the types of the values bound, as PostgresBindings encodes them.
    static var parameterTypes: [PostgresDataType] { get }
}

/// The prepared form of a ``FixedStatement``, for postgres-nio, which keeps it per connection by name.
struct Prepared<Text: FixedStatement>: PostgresPreparedStatement {
    typealias Row = PostgresRow

    static var name: String { "lotsen.\(Text.self)" }
    static var sql: String { Text.sql }
    static var bindingDataTypes: [PostgresDataType] { Text.parameterTypes }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

extension Session {
    /// Runs a fixed statement with `bindings` (one value per parameter, in order) and reads its rows.
    @discardableResult
    func rows<Text: FixedStatement>(_ text: Text.Type, _ bindings: PostgresBindings) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in try await connection.execute(Prepared<Text>(bindings: bindings), logger: logger) { rows.append(row) }
        return rows
    }

    /// Runs a fixed statement with one text parameter.
    @discardableResult
    func rows<Text: FixedStatement>(_ text: Text.Type, _ value: String) async throws -> [PostgresRow] {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(value)
        return try await rows(text, bindings)
    }
}
