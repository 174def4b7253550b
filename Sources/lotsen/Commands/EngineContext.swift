import Foundation
import JourneyEngine
import JourneyModel
import JourneySQLite
import JourneyStore

/// The concrete parts one command runs with: the library from disk, the SQLite store and the engine over both.
struct EngineContext {
    let library: JourneyLibrary
    let store: SQLiteJourneyStore
    let engine: JourneyEngine

    init(library: LibraryOptions, database: DatabaseOptions) throws {
        self.library = try library.load()
        store = try database.open()
        engine = JourneyEngine(library: self.library, store: store)
    }
}
