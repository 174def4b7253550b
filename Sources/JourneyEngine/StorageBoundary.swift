import JourneyStorage

/// Runs a store call and reports its failure as the engine's: a lost race stays a conflict, anything else is a
/// storage failure. The one place the engine and the agency exchange cross into storage errors.
func storage<T>(_ body: () throws(StorageError) -> T) throws(EngineError) -> T {
    do { return try body() } catch { throw EngineError(error.code == .conflict ? .conflict : .storage, error.message, hint: error.hint) }
}
