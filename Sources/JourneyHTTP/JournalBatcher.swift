import JourneyStore

/// Appends the journal entries of concurrent requests in one transaction (group commit). The journal is one hash
/// chain, so appends take turns whatever the store; batching makes a turn serve every request that arrived during the
/// one before, instead of one commit (and, on PostgreSQL, one table lock and five round trips) per read. A request
/// waits until its entries are committed; when a batch fails, every request in it gets the error.
actor JournalBatcher {
    /// The most entries one transaction appends.
    static let batchLimit = 256

    private let store: any OnceOnlyStore
    private var waiting: [(entries: [AccessEntry], done: CheckedContinuation<Void, any Error>)] = []
    private var flushing = false

    init(store: any OnceOnlyStore) { self.store = store }

    /// Appends `entries` (chained in order, possibly with other requests' entries around them) and returns once they are committed.
    func append(_ entries: [AccessEntry]) async throws(StorageError) {
        guard !entries.isEmpty else { return }
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiting.append((entries, continuation))
                if !flushing {
                    flushing = true
                    Task { await flush() }
                }
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.failed, "the access journal could not be written")
        }
    }

    private func flush() async {
        while !waiting.isEmpty {
            var count = 0
            let batch = Array(waiting.prefix { request in
                defer { count += request.entries.count }
                return count == 0 || count + request.entries.count <= Self.batchLimit
            })
            waiting.removeFirst(batch.count)
            do {
                try await store.appendJournal(batch.flatMap(\.entries))
                for request in batch { request.done.resume() }
            } catch {
                for request in batch { request.done.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
