import JourneyStore

/// Runs a store call and reports its failure as the engine's. The one place the engine and the agency exchange
/// cross into storage errors.
func storage<T>(_ body: () async throws(StorageError) -> T) async throws(EngineError) -> T {
    do { return try await body() } catch { throw EngineError(storage: error) }
}

extension EngineError {
    /// The one mapping from a store's error to the engine's: a lost race stays a conflict and a busy store stays
    /// busy (callers may retry both); anything else is a storage failure.
    init(storage error: StorageError) {
        let code: Code =
            switch error.code {
            case .conflict: .conflict
            case .busy: .busy
            case .unavailable: .unavailable
            default: .storage
            }
        self.init(code, error.message, hint: error.hint)
    }
}
