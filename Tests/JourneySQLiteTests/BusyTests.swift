import Foundation
import Synchronization
import GRDB
import JourneyModel
import JourneyStore
import Testing

@testable import JourneySQLite

/// Another process (a second command on the same file) holding SQLite's write lock: played here by a second connection,
/// which SQLite locks against exactly as it would another process.
@Suite("Another process holding the database's write lock")
struct BusyTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    /// A second connection holding the write lock until it is released, once, by whichever comes first: the test, or
    /// the safety release that keeps a test whose expectation failed from waiting for ever.
    private final class LockHolder: Sendable {
        private let connection: DatabaseQueue
        private let held = Mutex(true)

        init(path: String) throws {
            var configuration = Configuration()
            configuration.allowsUnsafeTransactions = true
            connection = try DatabaseQueue(path: path, configuration: configuration)
            try connection.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        }

        var isHeld: Bool { held.withLock { $0 } }

        func release() throws {
            try held.withLock { held in
                guard held else { return }
                try connection.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
                held = false
            }
        }
    }

    @Test("changes wait for the lock, reads go on meanwhile, and every change is written once the lock is released")
    func changesWaitForTheLock() async throws {
        let store = try database.open()
        let other = try LockHolder(path: database.path)
        let safety = Task {
            try await Task.sleep(for: .seconds(30))
            try other.release()
        }
        defer { safety.cancel() }
        // More waiting writers than the machine has threads for Swift's tasks: they must wait without holding one.
        let writers = Task {
            try await withThrowingTaskGroup(of: String.self) { group in
                for version in 1...24 {
                    group.addTask { try await store.pinDefinition(journey: "waiting", version: version, source: "v\(version)") }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        // A read in WAL mode does not wait for the writer, even with every writer above waiting.
        #expect(try await store.definitionSource(journey: "waiting", version: 1) == nil)
        #expect(other.isHeld, "the read went through while the lock was held")
        try other.release()
        let pinned = try await writers.value
        #expect(pinned.count == 24)
        for version in 1...24 {
            #expect(try await store.definitionSource(journey: "waiting", version: version) == "v\(version)")
        }
    }

    @Test("a change that cannot get the lock within the busy timeout fails as busy and writes nothing")
    func aChangeGivesUpAfterTheBusyTimeout() async throws {
        let store = try SQLiteJourneyStore(path: database.path, busyTimeout: .milliseconds(400))
        let other = try LockHolder(path: database.path)
        let clock = ContinuousClock()
        let start = clock.now
        await #expect {
            _ = try await store.pinDefinition(journey: "given-up", version: 1, source: "v1")
        } throws: { error in
            (error as? StorageError)?.code == .busy
        }
        #expect(clock.now - start >= .milliseconds(300), "it waited for most of the timeout first")
        try other.release()
        #expect(try await store.definitionSource(journey: "given-up", version: 1) == nil)
        // The store keeps working once the lock is free.
        #expect(try await store.pinDefinition(journey: "given-up", version: 1, source: "v1") == "v1")
    }

    /// Opens a store on a thread of its own, as a command does before it starts anything else. Opening waits in
    /// SQLite's busy handler, which sleeps its thread: on one of the test run's few shared threads it could keep the
    /// test from ever releasing the lock it waits for, on a loaded two-core machine.
    private static func openOnItsOwnThread(path: String) async throws -> SQLiteJourneyStore {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do { continuation.resume(returning: try SQLiteJourneyStore(path: path)) } catch { continuation.resume(throwing: error) }
            }.start()
        }
    }

    @Test("a store opened while another process holds the lock waits for it, then migrates")
    func openingWaitsForTheLock() async throws {
        _ = try database.open()
        let other = try LockHolder(path: database.path)
        let opened = Task { [path = database.path] in try await Self.openOnItsOwnThread(path: path) }
        try await Task.sleep(for: .milliseconds(200))
        try other.release()
        let store = try await opened.value
        #expect(try await store.appliedMigrations().isEmpty == false)
    }
}
