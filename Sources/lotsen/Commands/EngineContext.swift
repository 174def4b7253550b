import Foundation
import JourneyEngine
import JourneyModel
import JourneyStorage

/// The concrete parts one command runs with: the library from disk, the SQLite store and the engine over both.
struct EngineContext {
    let library: JourneyLibrary
    let engine: JourneyEngine

    init(library: LibraryOptions, database: DatabaseOptions) throws {
        self.library = try library.load()
        engine = JourneyEngine(library: self.library, store: try database.open())
    }
}
