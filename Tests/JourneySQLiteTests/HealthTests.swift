import Foundation
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

/// The health check on a real file: deleted, replaced or missing under the store, as an operator (or an accident)
/// would do it. A read-only file is checked with the real binary run as an unprivileged user, in LotsenCLITests
/// (`HealthCommandTests`): root writes whatever a file's mode says.
@Suite("The SQLite store's health check")
struct SQLiteHealthTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    @Test("a store just opened on a writable file is healthy")
    func healthyWhenOpened() async throws {
        let store = try database.open()
        #expect(await store.health() == .ok)
    }

    @Test("a database file deleted under the open store is reported as deleted, with what to do")
    func deletedFile() async throws {
        let store = try database.open()
        _ = try await store.pinDefinition(journey: JourneyID("new-in-sweden"), version: 1, source: "steps: []")
        try FileManager.default.removeItem(atPath: database.path)
        let health = await store.health()
        #expect(health.problem == .deleted)
        #expect(health.message.contains("deleted"))
        #expect(health.hint?.contains("restore") == true)
        #expect(!health.description.contains(database.path), "health is shown without a token: no paths")
    }

    @Test("another database file moved over the path is reported as replaced")
    func replacedFile() async throws {
        let store = try database.open()
        let other = database.folder.appendingPathComponent("other.sqlite").path
        let second = try SQLiteJourneyStore(path: other)
        await second.close()
        #expect(rename(other, database.path) == 0)
        #expect(await store.health().problem == .replaced)
    }

    @Test("a store told not to create one refuses a missing file, names it, and creates nothing")
    func missingFileIsNotCreated() async throws {
        #expect(throws: StorageError.self) { try SQLiteJourneyStore(path: database.path, create: false) }
        do {
            _ = try SQLiteJourneyStore(path: database.path, create: false)
        } catch {
            #expect(error.code == .cannotOpen)
            #expect(error.message == "there is no database at \(database.path)")
            #expect(error.hint?.contains("lotsen database create") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }

    @Test("a store told not to create one opens an existing file")
    func existingFileOpensWithoutCreate() async throws {
        try await database.open().close()
        let store = try SQLiteJourneyStore(path: database.path, create: false)
        #expect(await store.health() == .ok)
    }
}
