import Foundation
import JourneyModel
import Testing

@testable import JourneyStore

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
    func firstPinStores() throws {
        let store = try database.open()

        #expect(try store.definitionSource(journey: "new-in-sweden", version: 1) == nil)
        #expect(try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original) == Self.original)
        #expect(try store.definitionSource(journey: "new-in-sweden", version: 1) == Self.original)
    }

    @Test("pinning again with different text keeps and returns the original text")
    func laterPinKeepsOriginal() throws {
        let store = try database.open()
        _ = try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original)

        #expect(try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.editedWithoutBump) == Self.original)
        #expect(try store.definitionSource(journey: "new-in-sweden", version: 1) == Self.original)
        #expect(try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original) == Self.original)
    }

    @Test("versions and journeys are pinned independently")
    func versionsAreIndependent() throws {
        let store = try database.open()
        let second = Self.original.replacingOccurrences(of: "version: 1", with: "version: 2")
        let other = "id: having-a-baby\nversion: 1\n"

        #expect(try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original) == Self.original)
        #expect(try store.pinDefinition(journey: "new-in-sweden", version: 2, source: second) == second)
        #expect(try store.pinDefinition(journey: "having-a-baby", version: 1, source: other) == other)

        #expect(try store.definitionSource(journey: "new-in-sweden", version: 1) == Self.original)
        #expect(try store.definitionSource(journey: "new-in-sweden", version: 2) == second)
        #expect(try store.definitionSource(journey: "having-a-baby", version: 1) == other)
        #expect(try store.definitionSource(journey: "having-a-baby", version: 2) == nil)
    }

    @Test("a pinned source survives reopening and is shared with another store on the same file")
    func pinIsDurableAndShared() throws {
        do {
            let store = try database.open()
            _ = try store.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.original)
        }
        let first = try database.open()
        let second = try database.open()

        #expect(try second.pinDefinition(journey: "new-in-sweden", version: 1, source: Self.editedWithoutBump) == Self.original)
        #expect(try first.definitionSource(journey: "new-in-sweden", version: 1) == Self.original)
    }

    @Test("the source is stored byte for byte, including non-ASCII text and trailing newlines")
    func sourceIsVerbatim() throws {
        let store = try database.open()
        let source = "title: { sv: Föräldrapenning och barnbidrag, en: Parental benefit }\r\n\n  \n"

        _ = try store.pinDefinition(journey: "having-a-baby", version: 7, source: source)

        #expect(try store.definitionSource(journey: "having-a-baby", version: 7) == source)
    }
}
