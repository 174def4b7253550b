/// The work did not finish within its time limit.
struct DeadlineExceeded: Error {}

/// Runs `work`, cancelling it and throwing ``DeadlineExceeded`` when it takes longer than `limit`.
///
/// AsyncHTTPClient's own deadline only covers the wait for the response head (it is dropped once `execute`
/// returns) and its read timeout is an idle timeout; an attempt must also read its body within the agency's limit.
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
