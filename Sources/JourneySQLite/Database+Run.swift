import GRDB
import GRDBSQLite

extension Database {
    /// Runs a write statement from GRDB's statement cache, binding through the SQLite C API. A transition
    /// writes several rows, and GRDB's generic argument handling (arrays of existentials converted to
    /// `DatabaseValue`s) was a large share of each commit; this path binds each value directly.
    func run(_ sql: String, bind: (inout Binder) -> Void) throws {
        let statement = try bound(sql, bind)
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction whose `BEGIN` and `COMMIT` come from the statement cache.
    /// GRDB's own `write` parses both statements again on every transaction; a transition is small enough that
    /// this showed. Any error rolls the transaction back and is rethrown unchanged.
    func immediateTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try run("BEGIN IMMEDIATE TRANSACTION") { _ in }
        do {
            let result = try body(self)
            try run("COMMIT TRANSACTION") { _ in }
            return result
        } catch {
            try? rollback()
            throw error
        }
    }

    /// The first column of the first row of a query, as an integer; `nil` when there is no row or it is NULL.
    func integer(_ sql: String, bind: (inout Binder) -> Void) throws -> Int64? {
        let statement = try bound(sql, bind)
        defer { sqlite3_reset(statement) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return sqlite3_column_type(statement, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, 0)
        case SQLITE_DONE: return nil
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
    }

    /// The cached statement with every parameter bound. Bindings are not cleared after a run (that cost more than
    /// the statement's own work), so a statement must bind all of its parameters every time; one that does not
    /// is a programming error, refused here rather than run with a value left from before.
    func bound(_ sql: String, _ bind: (inout Binder) -> Void) throws -> OpaquePointer {
        let statement = try cachedStatement(sql: sql).sqliteStatement
        var binder = Binder(statement: statement)
        bind(&binder)
        guard binder.bound == sqlite3_bind_parameter_count(statement) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(binder.bound) of \(sqlite3_bind_parameter_count(statement)) parameters bound", sql: sql)
        }
        return statement
    }

    /// Binds a statement's parameters in order.
    struct Binder {
        fileprivate let statement: OpaquePointer
        private var index: Int32 = 1
        /// SQLite copies the text, since Swift's C string lives only for the call.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        fileprivate init(statement: OpaquePointer) { self.statement = statement }

        /// How many parameters have been bound.
        fileprivate var bound: Int32 { index - 1 }

        mutating func text(_ value: String?) {
            if var value {
                // The string's own bytes, not a C string copied out of it.
                value.withUTF8 { utf8 in bindText(utf8) }
            } else {
                sqlite3_bind_null(statement, index)
            }
            index += 1
        }

        /// UTF-8 text already in bytes, such as a column encoded without going through `String`.
        mutating func text(utf8 bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { buffer in bindText(buffer) }
            index += 1
        }

        /// Binds UTF-8 bytes as text at the current index; empty bytes are the empty text, not NULL.
        private func bindText(_ utf8: UnsafeBufferPointer<UInt8>) {
            guard let start = utf8.baseAddress, !utf8.isEmpty else {
                sqlite3_bind_text(statement, index, "", 0, Binder.transient)
                return
            }
            start.withMemoryRebound(to: CChar.self, capacity: utf8.count) { text in
                _ = sqlite3_bind_text(statement, index, text, Int32(utf8.count), Binder.transient)
            }
        }

        mutating func real(_ value: Double?) {
            if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
            index += 1
        }

        mutating func integer(_ value: Int64?) {
            if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
            index += 1
        }

        mutating func integer(_ value: Int) { integer(Int64(value)) }
    }
}
