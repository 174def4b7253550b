import JourneyModel
import JourneySandbox
import Testing

@Suite("The sandbox's life events: for its test people only, with what its registers say")
struct SandboxLifeEventsTests {
    static let born = CalendarDate(year: 2026, month: 11, day: 30)!

    @Test("a birth to a test person carries the date given and the parents' marriage from the person's civil status")
    func birthCarriesTheRegister() throws {
        let married = try SandboxLifeEvents.birthRegistered(parent: try Personnummer(parsing: SandboxSeed.registeredPerson), born: Self.born)
        #expect(married.event.name == "skatteverket.birth-registered")
        #expect(married.fields == ["birthDate": .date(Self.born), "parentsMarried": .bool(true)])
        let unmarried = try SandboxLifeEvents.birthRegistered(parent: try Personnummer(parsing: SandboxSeed.coordinationNumberPerson), born: Self.born)
        #expect(unmarried.fields["parentsMarried"] == .bool(false))
    }

    @Test("someone the sandbox's register does not hold is refused")
    func unknownPersonIsRefused() throws {
        #expect(throws: SandboxError.self) {
            _ = try SandboxLifeEvents.birthRegistered(parent: try Personnummer(parsing: SandboxSeed.unknownPerson), born: Self.born)
        }
    }
}
