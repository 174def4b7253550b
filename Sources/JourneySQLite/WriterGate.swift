import Synchronization

/// Lets one writer at a time into the SQLite writer connection without blocking a thread: a task that finds the gate
/// taken suspends, and the task leaving hands the gate straight to the first one waiting (first come, first served).
///
/// SQLite has one writer per file anyway; with the gate, the writer connection is never contended inside the process,
/// so a write can run on the caller's own thread, with no hand-off to another thread and back.
final class WriterGate: Sendable {
    private struct State: ~Copyable {
        var taken = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var first = 0
    }

    private let state = Mutex(State())

    /// Returns once the caller holds the gate; the caller must ``leave()`` it.
    func enter() async {
        let entered = state.withLock { state in
            if state.taken { return false }
            state.taken = true
            return true
        }
        if entered { return }
        await withCheckedContinuation { continuation in
            let now = state.withLock { state in
                if state.taken {
                    state.waiting.append(continuation)
                    return false
                }
                state.taken = true
                return true
            }
            if now { continuation.resume() }
        }
    }

    /// Gives the gate to the next task waiting, or opens it.
    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.first < state.waiting.count else {
                state.taken = false
                state.waiting.removeAll(keepingCapacity: true)
                state.first = 0
                return nil
            }
            let next = state.waiting[state.first]
            state.first += 1
            // Under steady contention the gate is never open: drop the slots already served now and then.
            if state.first >= 64, state.first * 2 >= state.waiting.count {
                state.waiting.removeFirst(state.first)
                state.first = 0
            }
            return next
        }
        next?.resume()
    }
}
