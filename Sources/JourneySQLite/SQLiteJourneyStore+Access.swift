import Foundation
import Synchronization
import GRDB
import JourneyStore

/// How the store reaches its connections. A transition is a few tens of microseconds of SQLite work, and handing it to
/// another thread and back (as GRDB's async methods do) cost as much again in thread wake-ups, so reads and writes run
/// on the caller's own thread, without blocking it on anything but SQLite's own work:
///
/// - writers inside the process wait their turn at the ``WriterGate`` by suspending, so the writer connection is never
///   contended and never blocks;
/// - a lock held by another process (a second command on the same file) is not waited for by SQLite's busy handler,
///   which would sleep the thread: the attempt fails at once and is retried after an asynchronous pause, until the
///   store's busy timeout;
/// - with `synchronous=FULL` every commit waits for the disk, so those writes do go to GRDB's writer thread.
extension SQLiteJourneyStore {
    /// Runs `body` in a read transaction. In WAL mode a read never waits for the writer.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws(StorageError) -> T {
        do {
            return try await retryingWhileBusy { try Self.readHere(pool, body) }
        } catch {
            throw Self.storageError(error)
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws(StorageError) -> T {
        do {
            return try await writing { db in try db.immediateTransaction(body) }
        } catch {
            throw Self.storageError(error)
        }
    }

    /// Runs `body` on the writer connection, outside any transaction, once this task holds the writer gate. Errors come
    /// out unchanged.
    func writing<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try Task.checkCancellation()
        await gate.enter()
        defer { gate.leave() }
        try Task.checkCancellation()
        return try await retryingWhileBusy {
            if durability == .full {
                return try await pool.writeWithoutTransaction(body)
            }
            return try Self.writeHere(pool, body)
        }
    }

    /// GRDB's synchronous read: it runs on the calling thread. (Named apart from GRDB's async overload, which an async
    /// context would otherwise pick.)
    private static func readHere<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// GRDB's synchronous write: its writer queue is never busy behind the gate, so the block runs on the calling thread.
    private static func writeHere<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction(body)
    }

    /// Runs `attempt` again while another process holds the lock it needs, pausing 1 ms, then twice as long each time
    /// up to 50 ms, for at most ``busyTimeout`` in all; then the busy error comes out.
    private func retryingWhileBusy<T>(_ attempt: () async throws -> T) async throws -> T {
        let deadline = ContinuousClock.now + busyTimeout
        var pause = Duration.milliseconds(1)
        while true {
            do {
                return try await attempt()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now + pause < deadline {
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(50))
            }
        }
    }

    /// SQLite's busy handler: while the store opens (and migrates, synchronously) it waits for another process's lock
    /// by sleeping, up to the busy timeout; afterwards it gives up at once, and ``retryingWhileBusy(_:)`` waits without
    /// holding a thread.
    static func busyHandler(opening: OpeningFlag, timeout: Duration) -> Database.BusyCallback {
        let tries = Int(timeout / .milliseconds(10))
        return { numberOfTries in
            guard opening.isOpening, numberOfTries < tries else { return false }
            usleep(10_000)
            return true
        }
    }
}

extension SQLiteJourneyStore {
    /// Whether the store is still opening, when SQLite's busy handler may sleep the (only) thread.
    final class OpeningFlag: Sendable {
        private let opening = Atomic(true)
        var isOpening: Bool { opening.load(ordering: .acquiring) }
        func opened() { opening.store(false, ordering: .releasing) }
    }
}
