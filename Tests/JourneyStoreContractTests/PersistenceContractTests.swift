import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: what is written reads back exactly, from any store on the database")
struct PersistenceContractTests {
    @Test("everything written reads back identically through a store opened afterwards", arguments: StoreKind.allCases)
    func everythingSurvivesReopening(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let number = try TestIdentity.personnummer()
            try await store.newEnrolledPerson("p-1", identity: number, enrollment: .fixture("e-1", person: "p-1", version: 2, steps: [
                "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
                "bank": StoredStep(progress: nil, state: .locked, since: Moment.start),
            ]))
            let written = try await store.transact(person: "p-1") { snapshot in
                snapshot.facts = try TransactContractTests.factsOfEveryKind()
                snapshot.enrollments[0].steps["registration"] = StoredStep(
                    progress: .waitingOnAgency(caseReference: "SKV-2026-42"), state: .waitingOnAgency, since: Moment.day(3))
                snapshot.enrollments[0].ball = .agency
                snapshot.enrollments[0].revision = 2
                snapshot.enrollments[0].updatedAt = Moment.day(3)
                snapshot.enrollments.append(
                    .fixture("e-2", person: "p-1", journey: "having-a-baby", status: .complete, ball: .nobody, createdAt: Moment.day(2),
                        updatedAt: Moment.day(4), completedAt: Moment.day(4),
                        steps: ["child-allowance": StoredStep(progress: .completed, state: .done, since: Moment.day(4))]))
                return [
                    JourneyEvent(enrollment: "e-1", at: Moment.day(3), actor: .person, kind: .stepProgressed, step: "registration", detail: "waitingOnAgency"),
                    JourneyEvent(enrollment: "e-2", at: Moment.day(2), actor: .person, kind: .enrolled),
                ]
            }
            let history = try await store.events(enrollment: "e-1")

            let reopened = try await database.open()
            #expect(try await reopened.snapshot(person: "p-1") == written)
            #expect(try await reopened.events(enrollment: "e-1") == history)
            #expect(try await reopened.enrollment(id: "e-2") == written.enrollments[1])
            #expect(try await reopened.person(identity: number) == written.person)
        }
    }

    /// The engine stamps transitions with `Date()`, which has sub-microsecond digits; the journal's hash covers a
    /// moment's exact bits. A store must give back the very `Double` it was given.
    @Test("moments with sub-microsecond digits read back bit for bit, everywhere a moment is kept", arguments: StoreKind.allCases)
    func momentsRoundTripBitExactly(kind: StoreKind) async throws {
        let moments = (0..<10).map { Date(timeIntervalSinceReferenceDate: 788_918_400.1 + Double($0) * 3_600.123_456_789_1) }
        try await withDatabase(kind) { database, store in
            let returned = try await store.transact(creating: StoredPerson(id: "p-1", identity: nil, createdAt: moments[0])) { snapshot in
                snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: moments[1], validUntil: moments[2])
                snapshot.enrollments.append(.fixture("e-1", person: "p-1", createdAt: moments[1], updatedAt: moments[2], completedAt: moments[3],
                    steps: ["registration": StoredStep(progress: nil, state: .available, since: moments[4])]))
                return [JourneyEvent(enrollment: "e-1", at: moments[5], actor: .person, kind: .enrolled)]
            }
            #expect(try await store.snapshot(person: "p-1") == returned)
            #expect(try await store.events(enrollment: "e-1").first?.at.storedSeconds.bitPattern == moments[5].storedSeconds.bitPattern)
            let page = try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", step: "registration"), after: nil)
            #expect(page.items.first?.step?.since == moments[4])

            let entry = AccessEntry(at: moments[6], person: "p-1", actor: .person, journey: nil, step: nil, service: "skatteverket.population-record",
                action: .fetch, fields: [], outcome: .completed)
            try await store.appendJournal([entry])
            #expect(try await store.journal(person: "p-1").first?.at == moments[6])
            #expect(try await store.verifyJournal(expectedHead: nil).isIntact)

            try await store.insertToken(StoredToken(id: "tk-1", role: .caseworker, createdAt: moments[7]), secretHash: "h")
            #expect(try await store.revokeToken(id: "tk-1", at: moments[8])?.revokedAt == moments[8])
            #expect(try await store.tokens().first?.createdAt == moments[7])

            // Stored as the documented form: seconds since 2001 as a double, not a timestamp.
            let column = database.column("createdAt")
            #expect(try await database.number("SELECT \(column) FROM person")?.bitPattern == moments[0].storedSeconds.bitPattern)
        }
    }

    @Test("definitions are pinned: the first text is kept and returned, per journey and version, byte for byte", arguments: StoreKind.allCases)
    func definitionPinning(kind: StoreKind) async throws {
        let original = "id: new-in-sweden\nversion: 1\ntitle: { sv: Ny i Sverige, en: New in Sweden }\n"
        let edited = original.replacingOccurrences(of: "Ny i Sverige", with: "Ny i Sverige (ändrad)")
        let verbatim = "title: { sv: Föräldrapenning och barnbidrag, en: Parental benefit }\r\n\n  \n"
        try await withDatabase(kind) { database, store in
            #expect(try await store.definitionSource(journey: "new-in-sweden", version: 1) == nil)
            #expect(try await store.pinDefinition(journey: "new-in-sweden", version: 1, source: original) == original)
            #expect(try await store.pinDefinition(journey: "new-in-sweden", version: 1, source: edited) == original)
            #expect(try await store.pinDefinition(journey: "new-in-sweden", version: 2, source: edited) == edited)
            #expect(try await store.pinDefinition(journey: "having-a-baby", version: 7, source: verbatim) == verbatim)

            let other = try await database.open()
            #expect(try await other.pinDefinition(journey: "new-in-sweden", version: 1, source: edited) == original)
            #expect(try await other.definitionSource(journey: "new-in-sweden", version: 2) == edited)
            #expect(try await other.definitionSource(journey: "having-a-baby", version: 7) == verbatim)
            #expect(try await other.definitionSource(journey: "having-a-baby", version: 1) == nil)
        }
    }
}
