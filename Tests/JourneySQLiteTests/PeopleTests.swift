import Foundation
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("People")
struct PeopleTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    @Test("a person created without an identity number can be found by their reference")
    func createWithoutIdentity() async throws {
        let store = try database.open()
        let created = try await store.createPerson(id: "p-newcomer", identity: nil, at: Moment.start)

        #expect(created == StoredPerson(id: "p-newcomer", identity: nil, createdAt: Moment.start))
        await #expect(try store.person(id: "p-newcomer") == created)
    }

    @Test("a person created with an identity number can be found by their reference and by the number")
    func createWithIdentity() async throws {
        let store = try database.open()
        let number = try TestIdentity.personnummer()
        let created = try await store.createPerson(id: "p-1", identity: number, at: Moment.day(2))

        #expect(created.identity == number)
        await #expect(try store.person(id: "p-1") == created)
        await #expect(try store.person(identity: number) == created)
    }

    @Test("a samordningsnummer is stored and found like a personnummer")
    func createWithSamordningsnummer() async throws {
        let store = try database.open()
        let number = try TestIdentity.samordningsnummer()
        let created = try await store.createPerson(id: "p-coordination", identity: number, at: Moment.start)

        await #expect(try store.person(identity: number) == created)
        await #expect(try store.person(identity: number)?.identity?.twelveDigits == OfficialTestNumbers.samordningsnummer)
    }

    @Test("looking up an unknown reference or number finds nobody")
    func unknownPersonIsNil() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: try TestIdentity.personnummer(), at: Moment.start)

        await #expect(try store.person(id: "p-unknown") == nil)
        await #expect(try store.person(identity: try TestIdentity.leapDay()) == nil)
        await #expect(try store.snapshot(person: "p-unknown") == nil)
    }

    @Test("several people without an identity number may coexist")
    func manyPeopleWithoutIdentity() async throws {
        let store = try database.open()
        for index in 0..<3 {
            _ = try await store.createPerson(id: PersonID("p-\(index)"), identity: nil, at: Moment.day(index))
        }
        #expect(try store.count("person") == 3)
        await #expect(try store.person(id: "p-2")?.createdAt == Moment.day(2))
    }

    @Test("a second person with the same identity number is refused as a conflict, and the first one is kept")
    func duplicateIdentityIsAConflict() async throws {
        let store = try database.open()
        let number = try TestIdentity.personnummer()
        let first = try await store.createPerson(id: "p-1", identity: number, at: Moment.start)

        let error = try await #require(throws: StorageError.self) {
            try await store.createPerson(id: "p-2", identity: number, at: Moment.day(1))
        }

        #expect(error.code == .conflict)
        #expect(!error.description.contains(number.twelveDigits))
        await #expect(try store.person(identity: number) == first)
        await #expect(try store.person(id: "p-2") == nil)
    }

    @Test("a second person with the same reference is refused as a conflict")
    func duplicateReferenceIsAConflict() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)

        let error = try await #require(throws: StorageError.self) {
            try await store.createPerson(id: "p-1", identity: try await TestIdentity.leapDay(), at: Moment.day(1))
        }

        #expect(error.code == .conflict)
        await #expect(try store.person(id: "p-1")?.identity == nil)
    }

    @Test("linking an identity number inside a transition makes the person findable by it")
    func linkIdentityInTransact() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-newcomer", identity: nil, at: Moment.start)
        let number = try TestIdentity.samordningsnummer()

        let after = try await store.transact(person: "p-newcomer") { snapshot in
            snapshot.person.identity = number
            return []
        }

        #expect(after.person.identity == number)
        await #expect(try store.person(identity: number)?.id == "p-newcomer")
        await #expect(try store.snapshot(person: "p-newcomer") == after)
    }

    @Test("linking an identity number that already belongs to someone else is a conflict and changes nothing")
    func linkingATakenIdentityIsAConflict() async throws {
        let store = try database.open()
        let number = try TestIdentity.personnummer()
        _ = try await store.createPerson(id: "p-owner", identity: number, at: Moment.start)
        let before = try await store.createEnrolledPerson("p-newcomer", enrollment: .fixture("e-1", person: "p-newcomer"))

        let error = try await #require(throws: StorageError.self) {
            try await store.transact(person: "p-newcomer") { snapshot in
                snapshot.person.identity = number
                return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .agency, kind: .identityLinked)]
            }
        }

        #expect(error.code == .conflict)
        await #expect(try store.snapshot(person: "p-newcomer") == before)
        await #expect(try store.events(enrollment: "e-1").map(\.kind) == [.enrolled])
        await #expect(try store.person(identity: number)?.id == "p-owner")
    }
}
