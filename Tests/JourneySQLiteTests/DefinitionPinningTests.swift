import Foundation
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("Pinning definition versions")
struct DefinitionPinningTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    static let original = """
        id: new-in-sweden
        version: 1
        title: { sv: Ny i Sverige, en: New in Sweden }
        """
    static let editedWithoutBump = """
        id: new-in-sweden
        version: 1
        title: { sv: Ny i Sverige (ändrad), en: New in Sweden (edited) }
        """

    @Test("the first pin stores the source and returns it")
    func firstPinStores() async throws {
        let store = try database.open()

        await #expect(try store.definitionSource(journey: "new-in-sweden", version: 1) == nil)
        await #expect(try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original) == Self.original)
        await #expect(try store.definitionSource(journey: "new-in-sweden", version: 1) == Self.original)
    }

    @Test("pinning again with different text keeps and returns the original text")
    func laterPinKeepsOriginal() async throws {
        let store = try database.open()
        _ = try await store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original)

        await #expect(try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.editedWithoutBump) == Self.original)
        await #expect(try store.definitionSource(journey: "new-in-sweden", version: 1) == Self.original)
        await #expect(try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original) == Self.original)
    }

    @Test("versions and journeys are pinned independently")
    func versionsAreIndependent() async throws {
        let store = try database.open()
        let second = Self.original.replacingOccurrences(of: "version: 1", with: "version: 2")
        let other = "id: having-a-baby\nversion: 1\n"

        await #expect(try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original) == Self.original)
        await #expect(try store.pinDefinition(journey: "new-in-sweden", version: 2, source: second) == second)
        await #expect(try store.pinDefinition(journey: "having-a-baby", version: 1, source: other) == other)

        await #expect(try store.definitionSource(journey: "new-in-sweden", version: 1) == Self.original)
        await #expect(try store.definitionSource(journey: "new-in-sweden", version: 2) == second)
        await #expect(try store.definitionSource(journey: "having-a-baby", version: 1) == other)
        await #expect(try store.definitionSource(journey: "having-a-baby", version: 2) == nil)
    }

    @Test("a pinned source survives reopening and is shared with another store on the same file")
    func pinIsDurableAndShared() async throws {
        do {
            let store = try database.open()
            _ = try await store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original)
        }
        let first = try database.open()
        let second = try database.open()

        await #expect(try second.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.editedWithoutBump) == Self.original)
        await #expect(try first.definitionSource(journey: "new-in-sweden", version: 1) == Self.original)
    }

    @Test("the source is stored byte for byte, including non-ASCII text and trailing newlines")
    func sourceIsVerbatim() async throws {
        let store = try database.open()
        let source = "title: { sv: Föräldrapenning och barnbidrag, en: Parental benefit }\r\n\n  \n"

        _ = try await store.pinDefinition(journey: "having-a-baby", version: 7, source: source)

        await #expect(try store.definitionSource(journey: "having-a-baby", version: 7) == source)
    }
}
