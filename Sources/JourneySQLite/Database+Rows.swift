import GRDB
import GRDBSQLite

extension Database {
    /// Runs a query from the statement cache and hands each row to `body` as raw columns, read through the SQLite
    /// C API. Loading a person's snapshot is the first half of every stateless transition; GRDB's `Row` (columns
    /// looked up by name, values boxed and copied) was most of that load.
    func eachRow(_ sql: String, bind: (inout Binder) -> Void, _ body: (Columns) throws -> Void) throws {
        let statement = try bound(sql, bind)
        try step(statement, sql: sql, body)
    }

    private func step(_ statement: OpaquePointer, sql: String, _ body: (Columns) throws -> Void) throws {
        defer { sqlite3_reset(statement) }
        let columns = Columns(statement: statement)
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: try body(columns)
            case SQLITE_DONE: return
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
            }
        }
    }

    /// The columns of the current row, by position in the statement's result.
    struct Columns {
        fileprivate let statement: OpaquePointer

        func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }

        func text(_ index: Int32) -> String? {
            guard let start = sqlite3_column_text(statement, index) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
        }

        /// A text column that may not be NULL; a NULL (a damaged row) reads as the empty text and fails validation.
        func string(_ index: Int32) -> String { text(index) ?? "" }

        /// The text's bytes, valid only during `body`: no `String` is made of them.
        func utf8<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            let start = sqlite3_column_text(statement, index)
            return try body(UnsafeBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(statement, index))))
        }

        func real(_ index: Int32) -> Double { sqlite3_column_double(statement, index) }

        func optionalReal(_ index: Int32) -> Double? { isNull(index) ? nil : real(index) }

        func integer(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }
    }
}
