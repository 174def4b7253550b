import Foundation
import GRDBSQLite
import JourneyStore

/// The storage ceiling: the same number of transactions as the engine made, each one upsert of a small
/// state row plus one event insert, written with the bare SQLite C API on the same file settings (WAL,
/// the same `synchronous`). No engine, no GRDB: what the disk and SQLite allow at best.
struct SQLiteCeiling {
    let path: String
    let transactions: Int
    let rows: Int
    let synchronous: String

    func run() throws -> ModeResult {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw BenchError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        try exec(db, "PRAGMA journal_mode=WAL")
        try exec(db, "PRAGMA synchronous=\(synchronous)")
        try exec(db, """
            CREATE TABLE state (id INTEGER PRIMARY KEY, status TEXT NOT NULL, revision INTEGER NOT NULL, updatedAt REAL NOT NULL, data BLOB NOT NULL);
            CREATE TABLE event (sequence INTEGER PRIMARY KEY AUTOINCREMENT, stateId INTEGER NOT NULL, at REAL NOT NULL, kind TEXT NOT NULL, detail TEXT);
            """)
        let upsert = try prepare(db, """
            INSERT INTO state (id, status, revision, updatedAt, data) VALUES (?, 'running', ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET status = excluded.status, revision = excluded.revision, updatedAt = excluded.updatedAt, data = excluded.data
            """)
        let insert = try prepare(db, "INSERT INTO event (stateId, at, kind, detail) VALUES (?, ?, 'stepProgressed', 'completed')")
        let begin = try prepare(db, "BEGIN")
        let commit = try prepare(db, "COMMIT")
        defer { [upsert, insert, begin, commit].forEach { sqlite3_finalize($0) } }
        // About the size of one enrollment's changed step rows.
        let payload = [UInt8](repeating: 0x5A, count: 96)
        let perRow = max(1, transactions / max(1, rows))
        var measurement = Measurement(capacity: transactions)
        ResourceUsage.resetPeakRSS()
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<transactions {
            try measurement.time {
                let now = Date().timeIntervalSinceReferenceDate
                try step(db, begin)
                sqlite3_bind_int64(upsert, 1, Int64(index / perRow))
                sqlite3_bind_int64(upsert, 2, Int64(index))
                sqlite3_bind_double(upsert, 3, now)
                _ = payload.withUnsafeBytes { sqlite3_bind_blob(upsert, 4, $0.baseAddress, Int32($0.count), nil) }
                try step(db, upsert)
                sqlite3_bind_int64(insert, 1, Int64(index / perRow))
                sqlite3_bind_double(insert, 2, now)
                try step(db, insert)
                try step(db, commit)
            }
        }
        let wall = (clock.now - start).timeInterval
        try exec(db, "PRAGMA wal_checkpoint(TRUNCATE)")
        let size = ResourceUsage.fileSize(path) + ResourceUsage.fileSize(path + "-wal")
        return ModeResult(mode: "bare SQLite ceiling", instances: rows, transitions: transactions, commits: transactions, wall: wall,
            latencies: measurement.latencies, peakRSS: ResourceUsage.peakRSSMiB(), databaseBytes: size, verify: "n/a")
    }

    private func exec(_ db: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError("SQLite: \(String(cString: sqlite3_errmsg(db)))") }
    }

    private func prepare(_ db: OpaquePointer, _ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError("SQLite: \(String(cString: sqlite3_errmsg(db)))")
        }
        return statement
    }

    @inline(__always)
    private func step(_ db: OpaquePointer, _ statement: OpaquePointer) throws {
        guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError("SQLite: \(String(cString: sqlite3_errmsg(db)))") }
        sqlite3_reset(statement)
    }
}
