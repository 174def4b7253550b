import Foundation
import GRDB
import GRDBSQLite
import JourneyModel
import JourneyStore

/// The embedded store: one SQLite file in WAL mode with `synchronous=NORMAL`, through a GRDB pool
/// (one writer, concurrent readers). Every public method is one transaction; how it reaches the connections is in
/// `SQLiteJourneyStore+Access.swift`.
public final class SQLiteJourneyStore: JourneyStore {
    let pool: DatabasePool
    /// The file, for messages and tools.
    public let path: String
    let durability: Durability
    /// How long a change waits for another process's lock on the file before it fails as busy.
    let busyTimeout: Duration
    let gate = WriterGate()
    private let opening = OpeningFlag()
    /// The file the store opened (device and inode), to notice it deleted or replaced under a running process.
    let openedFile: FileIdentity
    /// Whether SQLite opened the file read-only (it does so, silently, when the file is not writable).
    let openedReadOnly: Bool

    /// How hard each commit insists on reaching the disk.
    public enum Durability: String, Sendable {
        /// WAL with `synchronous=NORMAL`: survives a crash of the process; a power cut may lose the last commits.
        case normal = "NORMAL"
        /// `synchronous=FULL`: every commit is on the disk before it returns.
        case full = "FULL"
    }

    /// Opens the database at `path`, creating it (and its folder) when missing unless `create` is false, and runs every
    /// migration not yet applied. Another process (a second command, a server) may hold the file's write lock for a
    /// moment: a change waits for it up to `busyTimeout`, then fails as busy. A file that is missing while `create` is
    /// false is ``StorageError/Code/cannotOpen``: an empty database made in its place would hide that data is gone.
    public init(path: String, durability: Durability = .normal, busyTimeout: Duration = .seconds(10), create: Bool = true) throws(StorageError) {
        self.path = path
        self.durability = durability
        self.busyTimeout = busyTimeout
        var configuration = Configuration()
        configuration.busyMode = .callback(Self.busyHandler(opening: opening, timeout: busyTimeout))
        // Reads run on the callers' threads: enough connections that the cooperative pool's threads and the guide's
        // own thread never wait for one.
        configuration.maximumReaderCount = max(5, ProcessInfo.processInfo.activeProcessorCount + 3)
        let pragma = "PRAGMA synchronous = \(durability.rawValue)"
        configuration.prepareDatabase { db in
            try db.execute(sql: pragma)
        }
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StorageError(.cannotOpen, "there is no database at \(path)",
                hint: "if there was one, restore it from a backup; to begin with a new, empty database, run 'lotsen database create --database \(path)'")
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            if create { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
            pool = try DatabasePool(path: path, configuration: configuration)
            if try pool.read({ db in try Schema.migrator.hasBeenSuperseded(db) }) {
                throw StorageError(.cannotOpen, "the database at \(path) was written by a newer Lotsen",
                    hint: "upgrade Lotsen, or choose another file with --database")
            }
            try Schema.migrator.migrate(pool)
            // Still opening: nothing else uses the writer yet, so no need for the gate.
            openedReadOnly = pool.writeWithoutTransaction { db in sqlite3_db_readonly(db.sqliteConnection, "main") == 1 }
            guard let file = FileIdentity(path: path) else {
                throw StorageError(.cannotOpen, "the database at \(path) went away while it was being opened", hint: "check the path, and what else uses it")
            }
            openedFile = file
            opening.opened()
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.cannotOpen, "cannot open the database at \(path): \(SQLiteJourneyStore.describe(error))",
                hint: "check the path and its permissions, or choose another file with --database")
        }
    }

    /// The names of the migrations applied to this database, oldest first.
    public func appliedMigrations() async throws(StorageError) -> [String] {
        try await read { db in try Schema.migrator.appliedMigrations(db) }
    }

    // MARK: People

    public func person(id: PersonID) async throws(StorageError) -> StoredPerson? {
        try await read { db in try Self.fetchPerson(db, id: id) }
    }

    public func person(identity: Personnummer) async throws(StorageError) -> StoredPerson? {
        try await read { db in try Self.fetchPerson(db, identity: identity) }
    }

    // MARK: Snapshots and transitions

    public func snapshot(person: PersonID) async throws(StorageError) -> PersonSnapshot? {
        try await read { db in try Self.loadSnapshot(db, person: person) }
    }

    public func transact<Failure: Error>(person: PersonID, _ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent]) async throws
        -> PersonSnapshot
    {
        try await transact(body) { db in
            guard let before = try Self.loadSnapshot(db, person: person) else {
                throw StorageError(.notFound, "no person with reference \(person)")
            }
            return before
        }
    }

    public func transact<Failure: Error>(creating person: StoredPerson, _ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent])
        async throws -> PersonSnapshot
    {
        try await transact(body) { db in
            try db.execute(sql: "INSERT INTO person (id, identityNumber, identityProof, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [person.id.rawValue, person.identity?.twelveDigits, person.proof?.storedText, person.createdAt.storedSeconds])
            return PersonSnapshot(person: person, facts: [:], enrollments: [])
        }
    }

    /// One write transaction: `start` gives the snapshot as it stands, `body` changes it, the difference is saved.
    /// The body's own error comes out unchanged; database errors become ``StorageError``s.
    private func transact<Failure: Error>(_ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent],
        start: @Sendable (Database) throws -> PersonSnapshot) async throws -> PersonSnapshot
    {
        do {
            return try await writing { db in try db.immediateTransaction { db in
                let before = try start(db)
                var after = before
                let events = try body(&after)
                try Self.save(db, from: before, to: after, events: events)
                return after
            } }
        } catch let error as DatabaseError {
            throw Self.storageError(error)
        } catch is CancellationError {
            throw StorageError(.failed, "the request was cancelled before the change was written")
        }
    }

    public func commit(_ changes: [SnapshotChange]) async throws(StorageError) {
        try await write { db in
            for change in changes { try Self.save(db, from: change.before, to: change.after, events: change.events) }
        }
    }

    // MARK: History and queries

    public func events(enrollment: EnrollmentID) async throws(StorageError) -> [JourneyEvent] {
        try await read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM event WHERE enrollmentKey = (SELECT key FROM enrollment WHERE id = ?) ORDER BY sequence"),
                arguments: [enrollment.rawValue])
                .map { row in
                    guard let actor = JourneyEvent.Actor(rawValue: row["actor"]), let kind = JourneyEvent.Kind(rawValue: row["kind"]) else {
                        throw StorageError(.corrupt, "an event of enrollment \(enrollment) cannot be read")
                    }
                    let step: String? = row["stepId"]
                    let fact: String? = row["factId"]
                    return JourneyEvent(sequence: row["sequence"], enrollment: enrollment, at: Date(storedSeconds: row["at"]), actor: actor,
                        kind: kind, step: step.map(StepID.init), fact: fact.map(FactID.init), detail: row["detail"],
                        representation: try Representation.stored(representative: row["representativeId"], mandate: row["mandateId"]))
                }
        }
    }

    public func enrollment(id: EnrollmentID) async throws(StorageError) -> StoredEnrollment? {
        try await read { db in try Self.fetchEnrollment(db, id: id) }
    }

    // MARK: Definitions

    public func pinDefinition(journey: JourneyID, version: Int, source: String) async throws(StorageError) -> String {
        try await write { db in
            try db.execute(sql: "INSERT INTO definition (journeyId, version, source) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [journey.rawValue, version, source])
            return try String.fetchOne(db, sql: "SELECT source FROM definition WHERE journeyId = ? AND version = ?",
                arguments: [journey.rawValue, version]) ?? source
        }
    }

    public func definitionSource(journey: JourneyID, version: Int) async throws(StorageError) -> String? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT source FROM definition WHERE journeyId = ? AND version = ?", arguments: [journey.rawValue, version])
        }
    }

    // MARK: Plumbing

    static func storageError(_ error: any Error) -> StorageError {
        if let error = error as? StorageError { return error }
        if error is CancellationError { return StorageError(.failed, "the request was cancelled") }
        guard let error = error as? DatabaseError else { return StorageError(.failed, "database operation failed") }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StorageError(.busy, "the database is busy", hint: "another Lotsen process is writing; try again")
        case .SQLITE_CONSTRAINT:
            return StorageError(.conflict, "the change conflicts with data already stored", hint: "reload and try again")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StorageError(.corrupt, "the database file is damaged or not a Lotsen database", hint: "restore it from a backup or choose another file")
        case .SQLITE_READONLY:
            return StorageError(.unavailable, "the database is read-only",
                hint: "make the database file and its folder writable for the user that runs Lotsen")
        case .SQLITE_PERM, .SQLITE_CANTOPEN:
            return StorageError(.cannotOpen, "the database cannot be written", hint: "check the file's permissions")
        case .SQLITE_FULL:
            return StorageError(.failed, "the disk is full", hint: "free some space and try again")
        default:
            return StorageError(.failed, "database error \(error.resultCode.rawValue)")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
        return error.localizedDescription
    }
}
