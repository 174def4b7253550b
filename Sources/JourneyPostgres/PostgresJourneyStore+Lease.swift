import JourneyStore
import PostgresNIO

/// Waiting for a pooled connection, with a deadline. postgres-nio's pool keeps retrying a server that went away for a
/// minute before it fails a waiting request (its circuit breaker); a request of the JSON API should hear sooner that
/// the database is out of reach, and a pool that stays exhausted that long is as good as busy.
extension PostgresJourneyStore {
    /// Runs `body` on a connection leased from the pool, failing with ``LeaseTimeout`` when none is free within
    /// ``leaseTimeout``. The lease is held by a child task that hands the connection over and keeps it until `body`
    /// is done, so `body` itself runs here, in the caller's task, and need not be `Sendable`.
    func withLeasedConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let (connections, handOver) = AsyncThrowingStream.makeStream(of: PostgresConnection.self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        let client = self.client
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask {
                do {
                    try await client.withConnection { connection in
                        handOver.yield(connection)
                        // Held until the caller is done with it (or gave up waiting for it).
                        for await _ in released {}
                    }
                    handOver.finish()
                } catch {
                    handOver.finish(throwing: error)
                }
            }
            defer { release.finish() }
            let timeout = leaseTimeout
            let timer = Task {
                try await Task.sleep(for: timeout)
                handOver.finish(throwing: LeaseTimeout())
            }
            defer { timer.cancel() }
            var iterator = connections.makeAsyncIterator()
            guard let connection = try await iterator.next() else { throw LeaseTimeout() }
            timer.cancel()
            return try await body(connection)
        }
    }
}

/// No pooled connection became free in time: the server is out of reach, or every connection is busy.
struct LeaseTimeout: Error {}
