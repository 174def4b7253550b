import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// The concrete parts one command runs with: the library from disk, the store and the engine over both.
struct EngineContext {
    let library: JourneyLibrary
    let store: any LotsenStore
    let engine: JourneyEngine

    init(library: LibraryOptions, database: DatabaseOptions) async throws {
        self.library = try library.load()
        store = try await database.open()
        engine = JourneyEngine(library: self.library, store: store)
    }
}
