import Synchronization

/// The deadlines of calls waiting for a pooled connection, watched by one periodic check instead of a timer per call.
///
/// A timer per lease (a task sleeping for the lease timeout, cancelled as soon as a connection came) cost about a
/// sixth of a node's CPU on PostgreSQL status reads: every sleep and every cancel goes through the global executor's
/// timer queue and wakes Dispatch's manager thread. Registering here is a lock and a dictionary insert; the check runs
/// every ``tick``, so a lease times out at most one tick late, which is nothing against a timeout of seconds.
final class LeaseDeadlines: Sendable {
    /// How often ``watch()`` looks for expired waits.
    static let tick = Duration.milliseconds(100)

    private struct Waiter {
        let deadline: ContinuousClock.Instant
        let expire: @Sendable () -> Void
    }

    private struct State {
        var next: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
    }

    private let state = Mutex(State())

    /// Watches `deadline`: `expire` runs once, from the watching task, unless ``remove(_:)`` came first.
    func register(deadline: ContinuousClock.Instant, expire: @escaping @Sendable () -> Void) -> UInt64 {
        state.withLock { state in
            state.next &+= 1
            state.waiters[state.next] = Waiter(deadline: deadline, expire: expire)
            return state.next
        }
    }

    /// Stops watching; a wait that ended in time calls this.
    func remove(_ id: UInt64) {
        _ = state.withLock { state in state.waiters.removeValue(forKey: id) }
    }

    /// Runs the `expire` of every wait whose deadline is past `now`, outside the lock.
    func expire(before now: ContinuousClock.Instant) {
        let expired = state.withLock { state -> [Waiter] in
            guard !state.waiters.isEmpty else { return [] }
            let ids = state.waiters.compactMap { id, waiter in waiter.deadline <= now ? id : nil }
            return ids.compactMap { state.waiters.removeValue(forKey: $0) }
        }
        for waiter in expired { waiter.expire() }
    }

    /// Checks every ``tick`` until the calling task is cancelled.
    func watch() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: Self.tick) } catch { return }
            expire(before: .now)
        }
    }
}
