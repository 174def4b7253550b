/// The work did not finish within its time limit.
struct DeadlineExceeded: Error {}

/// Runs `work`, cancelling it and throwing ``DeadlineExceeded`` when it takes longer than `limit`. URLSession's own
/// timeout is an idle timeout: an agency that trickles bytes would hold a call for ever without this.
func withDeadline<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask(operation: work)
        group.addTask {
            try await Task.sleep(for: limit)
            throw DeadlineExceeded()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw DeadlineExceeded() }
        return first
    }
}
