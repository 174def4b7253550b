import JourneyStore
import PostgresNIO
import Synchronization

/// Waiting for a pooled connection, with a deadline. postgres-nio's pool keeps retrying a server that went away for a
/// minute before it fails a waiting request (its circuit breaker); a request of the JSON API should hear sooner that
/// the database is out of reach, and a pool that stays exhausted that long is as good as busy.
extension PostgresJourneyStore {
    /// Runs `body` on a connection leased from the pool, failing with ``LeaseTimeout`` when none is free within
    /// ``leaseTimeout`` (watched by ``leaseDeadlines``). A child task holds the lease and hands the connection over, so `body` runs here, in the
    /// caller's task, and need not be `Sendable`. The child keeps the lease until `body` is done, whatever happens:
    /// its wait ignores cancellation, so a cancelled caller never returns a connection to the pool while using it.
    func withLeasedConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let (connections, handOver) = AsyncThrowingStream.makeStream(of: PostgresConnection.self)
        let lease = LeaseRelease()
        let client = self.client
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask {
                do {
                    try await client.withConnection { connection in
                        handOver.yield(connection)
                        await lease.held()
                    }
                    handOver.finish()
                } catch {
                    handOver.finish(throwing: error)
                }
            }
            defer { lease.release() }
            let deadline = leaseDeadlines.register(deadline: .now + leaseTimeout) { handOver.finish(throwing: LeaseTimeout()) }
            defer { leaseDeadlines.remove(deadline) }
            var iterator = connections.makeAsyncIterator()
            guard let connection = try await iterator.next() else { throw LeaseTimeout() }
            leaseDeadlines.remove(deadline)
            return try await body(connection)
        }
    }
}

/// No pooled connection became free in time: the server is out of reach, or every connection is busy.
struct LeaseTimeout: Error {}

/// The moment a leased connection goes back to the pool: when the caller calls ``release()``, which may come before
/// the holder starts waiting in ``held()`` (a caller that gave up), or after.
final class LeaseRelease: Sendable {
    private enum State {
        case leased
        case waiting(CheckedContinuation<Void, Never>)
        case released
    }

    private let state = Mutex(State.leased)

    /// Returns once ``release()`` was called. Not cancellable, on purpose.
    func held() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let releasedAlready = state.withLock { state -> Bool in
                guard case .leased = state else { return true }
                state = .waiting(continuation)
                return false
            }
            if releasedAlready { continuation.resume() }
        }
    }

    func release() {
        let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
            defer { state = .released }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        waiting?.resume()
    }
}
