import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: people and their identity numbers")
struct PeopleContractTests {
    @Test("a person is found by reference and by personnummer or samordningsnummer; unknown ones are nil", arguments: StoreKind.allCases)
    func findPeople(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let number = try TestIdentity.personnummer()
            let coordination = try TestIdentity.samordningsnummer()
            let created = try await store.newPerson("p-1", identity: number, at: Moment.day(2))
            let newcomer = try await store.newPerson("p-newcomer")
            let other = try await store.newPerson("p-coordination", identity: coordination)

            #expect(created == StoredPerson(id: "p-1", identity: number, createdAt: Moment.day(2)))
            #expect(try await store.person(id: "p-1") == created)
            #expect(try await store.person(identity: number) == created)
            #expect(try await store.person(id: "p-newcomer") == newcomer)
            #expect(try await store.person(identity: coordination) == other)
            #expect(try await store.person(id: "p-unknown") == nil)
            #expect(try await store.person(identity: try TestIdentity.leapDay()) == nil)
            #expect(try await store.snapshot(person: "p-unknown") == nil)
        }
    }

    @Test("a second person with the same number or reference is a conflict that names no number", arguments: StoreKind.allCases)
    func duplicatesAreConflicts(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let number = try TestIdentity.personnummer()
            let first = try await store.newPerson("p-1", identity: number)

            let sameNumber = try await #require(throws: StorageError.self) { try await store.newPerson("p-2", identity: number, at: Moment.day(1)) }
            #expect(sameNumber.code == .conflict)
            #expect(!sameNumber.description.contains(number.twelveDigits))
            let sameReference = try await #require(throws: StorageError.self) { try await store.newPerson("p-1", identity: try TestIdentity.leapDay()) }
            #expect(sameReference.code == .conflict)

            #expect(try await store.person(identity: number) == first)
            #expect(try await store.person(id: "p-2") == nil)
            #expect(try await database.count("person") == 1)
        }
    }

    @Test("several people without an identity number may coexist", arguments: StoreKind.allCases)
    func manyPeopleWithoutIdentity(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            for index in 0..<3 {
                try await store.newPerson(PersonID("p-\(index)"), at: Moment.day(index))
            }
            #expect(try await database.count("person") == 3)
            #expect(try await store.person(id: "p-2")?.createdAt == Moment.day(2))
        }
    }

    @Test("linking a number inside a transition makes the person findable; a number someone else has is a conflict", arguments: StoreKind.allCases)
    func linkIdentity(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let owner = try TestIdentity.personnummer()
            try await store.newPerson("p-owner", identity: owner)
            let before = try await store.newEnrolledPerson("p-newcomer", enrollment: .fixture("e-1", person: "p-newcomer"))

            let error = try await #require(throws: StorageError.self) {
                try await store.transact(person: "p-newcomer") { snapshot in
                    snapshot.person.identity = owner
                    return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .agency, kind: .identityLinked)]
                }
            }
            #expect(error.code == .conflict)
            #expect(!error.description.contains(owner.twelveDigits))
            #expect(try await store.snapshot(person: "p-newcomer") == before)
            #expect(try await store.events(enrollment: "e-1").map(\.kind) == [.enrolled])

            let number = try TestIdentity.samordningsnummer()
            let after = try await store.transact(person: "p-newcomer") { snapshot in
                snapshot.person.identity = number
                return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .agency, kind: .identityLinked)]
            }
            #expect(after.person.identity == number)
            #expect(try await store.person(identity: number)?.id == "p-newcomer")
            #expect(try await store.snapshot(person: "p-newcomer") == after)
        }
    }
}
