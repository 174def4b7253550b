import Foundation
import JourneyModel

@testable import JourneySQLite
import JourneyStore

/// A fresh, real SQLite file for one test: `<temporary directory>/lotsen-tests-<UUID>/test.sqlite`.
/// The folder and everything in it (the database, its `-wal` and `-shm` files) is removed when the
/// value goes away, which is when the suite instance that owns it is discarded after its test.
final class TemporaryDatabase: Sendable {
    /// The folder that belongs to this test alone.
    let folder: URL
    /// The database file inside it; it does not exist until a store opens it.
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.sqlite").path
    }

    /// Opens a store on the file, as one Lotsen process would. Calling it twice gives two independent
    /// stores (two connection pools) on the same file, as two processes would have.
    func open() throws(StorageError) -> SQLiteJourneyStore {
        try SQLiteJourneyStore(path: path)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}
