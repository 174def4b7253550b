import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("Opening a database file")
struct OpeningTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    @Test("opening a path that does not exist yet creates the database file")
    func createsTheFile() async throws {
        #expect(!FileManager.default.fileExists(atPath: database.path))
        let store = try database.open()
        #expect(FileManager.default.fileExists(atPath: database.path))
        #expect(store.path == database.path)
    }

    @Test("the writer connection runs in WAL mode with synchronous NORMAL")
    func writerConnectionIsConfigured() async throws {
        let store = try database.open()
        let (journalMode, synchronous) = try await store.pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journalMode == "wal")
        #expect(synchronous == 1, "1 is NORMAL")
    }

    @Test("reader connections run in WAL mode with synchronous NORMAL")
    func readerConnectionsAreConfigured() async throws {
        let store = try database.open()
        // Several concurrent reads so the pool hands out more than one reader connection.
        let settings = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try store.pool.read { db in
                        ["\(try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?")", "\(try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)"]
                    }
                }
            }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(settings.count == 4)
        for setting in settings {
            #expect(setting == ["wal", "1"])
        }
    }

    @Test("opening a path inside folders that do not exist creates the folders")
    func createsMissingFolders() async throws {
        let nested = database.folder.appendingPathComponent("state/lotsen", isDirectory: true)
        let path = nested.appendingPathComponent("journeys.sqlite").path
        #expect(!FileManager.default.fileExists(atPath: nested.path))

        let store = try SQLiteJourneyStore(path: path)

        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: nested.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(FileManager.default.fileExists(atPath: path))
        await #expect(try store.appliedMigrations().isEmpty == false)
    }

    @Test("opening a file that is not a database fails with a clear storage error that carries no personal data")
    func refusesAFileThatIsNotADatabase() async throws {
        // Garbage that happens to contain an identity number, to show the error never echoes the file's content.
        let number = try TestIdentity.personnummer()
        let garbage = String(repeating: "this is not a database; personnummer \(number.twelveDigits)\n", count: 200)
        try Data(garbage.utf8).write(to: URL(fileURLWithPath: database.path))

        let error = try #require(throws: StorageError.self) { try database.open() }

        #expect(error.code == .cannotOpen || error.code == .corrupt)
        #expect(!error.message.isEmpty)
        #expect(error.hint != nil)
        #expect(!error.description.contains(number.twelveDigits))
        #expect(!error.description.contains(number.formatted))
        #expect(!error.description.contains("this is not a database"))
        // The file is left as it was, for the user to inspect.
        #expect(try Data(contentsOf: URL(fileURLWithPath: database.path)) == Data(garbage.utf8))
    }
}
