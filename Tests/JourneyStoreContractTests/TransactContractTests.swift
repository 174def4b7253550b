import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: transitions through transact")
struct TransactContractTests {
    /// One fact of every value type, with every kind of provenance, some expiring.
    static func factsOfEveryKind() throws -> [FactID: KnownFact] {
        let organisationsnummer = try Organisationsnummer(parsing: OfficialTestNumbers.organisationsnummerSkatteverket)
        return [
            "longStay": KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(0, hour: 1)),
            "address": KnownFact(value: .text("Testgatan 1, 123 45 Teststad"), source: .step("registration"), recordedAt: Moment.day(3)),
            "income": KnownFact(value: .number(31_500), source: .agency("forsakringskassan.income"), recordedAt: Moment.day(4),
                validUntil: Moment.day(34)),
            "workRate": KnownFact(value: .number(0.75), source: .person, recordedAt: Moment.day(4)),
            "balance": KnownFact(value: .number(-1_234.5), source: .agency("skatteverket.account"), recordedAt: Moment.day(4)),
            "birthDate": KnownFact(value: .date(CalendarDate(year: 2000, month: 2, day: 29)!), source: .agency("skatteverket.folkbokforing"),
                recordedAt: Moment.day(5)),
            "citizenship": KnownFact(value: .country(CountryCode("UA")!), source: .person, recordedAt: Moment.day(0, hour: 2)),
            "employment": KnownFact(value: .choice("employee"), source: .person, recordedAt: Moment.day(1)),
            "personnummer": KnownFact(value: .personnummer(try TestIdentity.personnummer()), source: .agency("skatteverket.folkbokforing"),
                recordedAt: Moment.day(6)),
            "samordningsnummer": KnownFact(value: .personnummer(try TestIdentity.samordningsnummer()), source: .step("coordination-number"),
                recordedAt: Moment.day(6), validUntil: Moment.day(365)),
            "employer": KnownFact(value: .organisationsnummer(organisationsnummer), source: .agency("bolagsverket.lookup"),
                recordedAt: Moment.day(7), validUntil: Moment.day(37)),
            "note": KnownFact(value: .text("two lines\nand \"quotes\" and \\ and ünïcödé"), source: .person, recordedAt: Moment.day(8)),
            "empty": KnownFact(value: .text(""), source: .person, recordedAt: Moment.day(8)),
        ]
    }

    @Test("facts of every value type round-trip with their provenance and expiry; replaced and removed facts are written", arguments: StoreKind.allCases)
    func factsRoundTrip(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await store.newPerson("p-1")
            let facts = try Self.factsOfEveryKind()
            let returned = try await store.transact(person: "p-1") { snapshot in
                snapshot.facts = facts
                return []
            }
            #expect(returned.facts == facts)
            #expect(try await store.snapshot(person: "p-1") == returned)

            let confirmed = KnownFact(value: .country(CountryCode("SE")!), source: .agency("migrationsverket.citizenship"), recordedAt: Moment.day(9),
                validUntil: Moment.day(40))
            let after = try await store.transact(person: "p-1") { snapshot in
                snapshot.facts["citizenship"] = confirmed
                snapshot.facts["employment"] = nil
                return []
            }
            #expect(after.facts["citizenship"] == confirmed)
            #expect(try await store.snapshot(person: "p-1") == after)
            #expect(try await database.count("fact") == facts.count - 1)
        }
    }

    @Test("facts belong to one person only", arguments: StoreKind.allCases)
    func factsAreKeptPerPerson(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await store.newPerson("p-1")
            try await store.newPerson("p-2")
            let one = KnownFact(value: .choice("employee"), source: .person, recordedAt: Moment.day(1))
            let two = KnownFact(value: .choice("student"), source: .person, recordedAt: Moment.day(2))

            _ = try await store.transact(person: "p-1") { snapshot in
                snapshot.facts["employment"] = one
                return []
            }
            _ = try await store.transact(person: "p-2") { snapshot in
                snapshot.facts["employment"] = two
                return []
            }
            _ = try await store.transact(person: "p-2") { snapshot in
                snapshot.facts["employment"] = nil
                return []
            }

            #expect(try await store.snapshot(person: "p-1")?.facts == ["employment": one])
            #expect(try await store.snapshot(person: "p-2")?.facts == [:])
        }
    }

    /// Adapters hand over agency answers as they come; a text value with surrounding whitespace, or an empty one, must
    /// read back as it was, and must never make the person unreadable.
    @Test("text facts read back unchanged, surrounding whitespace and the empty text included", arguments: StoreKind.allCases)
    func textFactsRoundTripVerbatim(kind: StoreKind) async throws {
        let texts = ["Testgatan 1\n123 45 Teststad", "Testgatan 1\n", "  indented", "", "   ", "\n", "tab\tand trailing \r\n"]
        try await withDatabase(kind) { _, store in
            for (index, text) in texts.enumerated() {
                let person = PersonID("p-\(index)")
                try await store.newPerson(person)
                let fact = KnownFact(value: .text(text), source: .agency("skatteverket.address"), recordedAt: Moment.day(1))
                _ = try await store.transact(person: person) { snapshot in
                    snapshot.facts["address"] = fact
                    return []
                }
                #expect(try await store.snapshot(person: person)?.facts["address"] == fact, "text \(text.debugDescription)")
                // And the person can still go through transitions.
                _ = try await store.transact(person: person) { _ in [] }
            }
        }
    }

    @Test("an enrollment is inserted, then updated: revision, status, ball, completion and steps; open steps follow", arguments: StoreKind.allCases)
    func enrollmentInsertedThenUpdated(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let enrolled = StoredEnrollment.fixture(
                "e-1", person: "p-1", version: 3,
                steps: [
                    "residence-permit": StoredStep(progress: nil, state: .notApplicable, since: Moment.start),
                    "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
                    "bank": StoredStep(progress: nil, state: .locked, since: Moment.start),
                ])
            let first = try await store.newEnrolledPerson("p-1", enrollment: enrolled)
            #expect(first.enrollments == [enrolled])
            #expect(try await store.enrollment(id: "e-1") == enrolled)
            #expect(try await database.count("open_step") == 1)

            let second = try await store.transact(person: "p-1") { snapshot in
                var enrollment = snapshot.enrollments[0]
                enrollment.revision += 1
                enrollment.status = .complete
                enrollment.ball = .nobody
                enrollment.updatedAt = Moment.day(20)
                enrollment.completedAt = Moment.day(20)
                enrollment.steps["registration"] = StoredStep(progress: .completed, state: .done, since: Moment.day(20))
                enrollment.steps["bank"] = StoredStep(progress: .skipped, state: .skipped, since: Moment.day(20))
                snapshot.enrollments[0] = enrollment
                return [JourneyEvent(enrollment: "e-1", at: Moment.day(20), actor: .agency, kind: .stepProgressed, step: "registration", detail: "completed")]
            }

            let stored = try #require(try await store.enrollment(id: "e-1"))
            #expect(stored == second.enrollments[0])
            #expect(stored.revision == 2)
            #expect(stored.completedAt == Moment.day(20))
            #expect(stored.journeyVersion == 3)
            #expect(stored.progress == ["registration": .completed, "bank": .skipped])
            // Nobody has to act on any step any more.
            #expect(try await database.count("open_step") == 0)

            // Reopened: completedAt goes back to nil, and a step removed from the snapshot is deleted.
            let reopened = try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].status = .active
                snapshot.enrollments[0].completedAt = nil
                snapshot.enrollments[0].steps["bank"] = nil
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await store.enrollment(id: "e-1") == reopened.enrollments[0])
            #expect(reopened.enrollments[0].completedAt == nil)
            #expect(reopened.enrollments[0].steps["bank"] == nil)
        }
    }

    @Test("step progress with free text round-trips for every kind of progress", arguments: StoreKind.allCases)
    func stepProgressRoundTrips(kind: StoreKind) async throws {
        let progresses: [StepProgress] = [
            .started, .waitingOnAgency(caseReference: "MIG-2026-000123"), .waitingOnAgency(caseReference: nil),
            .needsAction(message: "Skicka in en kopia av passet.\nTack! \"Citat\" \\ slut"), .needsAction(message: nil), .completed, .skipped,
            .rejected(reason: "Ansökan är ofullständig"), .rejected(reason: nil),
        ]
        var steps: [StepID: StoredStep] = [:]
        for (index, progress) in progresses.enumerated() {
            steps[StepID("step-\(index)")] = StoredStep(progress: progress, state: .inProgress, since: Moment.day(index))
        }
        try await withDatabase(kind) { _, store in
            try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", steps: steps))
            #expect(try await store.enrollment(id: "e-1")?.steps == steps)
        }
    }

    @Test("one person's enrollments in several journeys are kept apart; a second in the same journey is a conflict", arguments: StoreKind.allCases)
    func severalEnrollmentsPerPerson(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let first = StoredEnrollment.fixture("e-move", person: "p-1", journey: "new-in-sweden", createdAt: Moment.day(0),
                steps: ["registration": StoredStep(progress: nil, state: .available, since: Moment.day(0))])
            let second = StoredEnrollment.fixture("e-baby", person: "p-1", journey: "having-a-baby", createdAt: Moment.day(1),
                steps: ["registration": StoredStep(progress: .started, state: .inProgress, since: Moment.day(1))])
            try await store.newEnrolledPerson("p-1", enrollment: first)
            let after = try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments.append(second)
                return [JourneyEvent(enrollment: "e-baby", at: Moment.day(1), actor: .person, kind: .enrolled)]
            }
            #expect(after.enrollments == [first, second])
            #expect(try await store.snapshot(person: "p-1")?.enrollments == [first, second])

            let error = try await #require(throws: StorageError.self) {
                try await store.transact(person: "p-1") { snapshot in
                    snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(1))
                    snapshot.enrollments.append(.fixture("e-2", person: "p-1", journey: "new-in-sweden", createdAt: Moment.day(2)))
                    return [JourneyEvent(enrollment: "e-2", at: Moment.day(2), actor: .person, kind: .enrolled)]
                }
            }
            #expect(error.code == .conflict)
            #expect(try await store.snapshot(person: "p-1") == after)
            #expect(try await store.enrollment(id: "e-2") == nil)
            #expect(try await database.count("event") == 2)
            #expect(try await database.count("fact") == 0)
        }
    }

    @Test("events are appended in order, numbered per enrollment from 1, with all their fields", arguments: StoreKind.allCases)
    func eventsAreAppendedInOrder(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
            try await store.newEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
            let batch: [JourneyEvent] = [
                JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .person, kind: .factRecorded, fact: "citizenship", detail: "person"),
                JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .person, kind: .stepProgressed, step: "registration", detail: "started"),
                JourneyEvent(enrollment: "e-1", at: Moment.day(2), actor: .caseworker, kind: .stepProgressed, step: "registration",
                    detail: "waitingOnAgency"),
            ]
            _ = try await store.transact(person: "p-1") { _ in batch }
            _ = try await store.transact(person: "p-2") { _ in [JourneyEvent(enrollment: "e-2", at: Moment.day(3), actor: .agency, kind: .identityLinked)] }
            let later = JourneyEvent(enrollment: "e-1", at: Moment.day(9), actor: .system, kind: .identityLinked)
            _ = try await store.transact(person: "p-1") { _ in [later] }

            let events = try await store.events(enrollment: "e-1")
            #expect(events.map(\.unsequenced) == [JourneyEvent(enrollment: "e-1", at: Moment.start, actor: .person, kind: .enrolled)] + batch + [later])
            #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(try await store.events(enrollment: "e-2").map(\.sequence) == [1, 2])
            #expect(try await store.events(enrollment: "e-unknown") == [])
        }
    }

    @Test("a body that throws writes nothing at all, and its error comes out unchanged", arguments: StoreKind.allCases)
    func throwingBodyWritesNothing(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let before = try await store.newEnrolledPerson(
                "p-1", enrollment: .fixture("e-1", person: "p-1", steps: ["registration": StoredStep(progress: nil, state: .available, since: Moment.start)]))

            let error = try await #require(throws: RefusedTransition.self) {
                try await store.transact(person: "p-1") { (snapshot: inout PersonSnapshot) throws(RefusedTransition) -> [JourneyEvent] in
                    snapshot.person.identity = try? TestIdentity.personnummer()
                    snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(1))
                    snapshot.enrollments[0].revision += 1
                    snapshot.enrollments[0].steps["registration"] = StoredStep(progress: .rejected(reason: nil), state: .rejected, since: Moment.day(1))
                    snapshot.enrollments.append(.fixture("e-2", person: "p-1", journey: "having-a-baby", createdAt: Moment.day(1)))
                    throw RefusedTransition(reason: "step registration is not available")
                }
            }
            #expect(error == RefusedTransition(reason: "step registration is not available"))

            let storageError = try await #require(throws: StorageError.self) {
                try await store.transact(person: "p-1") { (_: inout PersonSnapshot) throws(StorageError) -> [JourneyEvent] in
                    throw StorageError(.failed, "refused by the test", hint: "a hint")
                }
            }
            #expect(storageError.message == "refused by the test" && storageError.hint == "a hint")

            #expect(try await store.snapshot(person: "p-1") == before)
            #expect(try await store.person(identity: try TestIdentity.personnummer()) == nil)
            #expect(try await database.count("event") == 1)
            #expect(try await database.count("fact") == 0)
            #expect(try await database.count("enrollment") == 1)
            #expect(try await database.count("open_step") == 1)
        }
    }

    @Test("a refused first transition leaves no half-created person behind", arguments: StoreKind.allCases)
    func refusedCreationWritesNothing(kind: StoreKind) async throws {
        try await withDatabase(kind) { (database: TestDatabase, store: any ContractStore) async throws in
            await #expect(throws: RefusedTransition.self) {
                try await store.transact(creating: StoredPerson(id: "p-1", identity: nil, createdAt: Moment.start)) {
                    (snapshot: inout PersonSnapshot) throws(RefusedTransition) -> [JourneyEvent] in
                    snapshot.enrollments.append(.fixture("e-1", person: "p-1"))
                    throw RefusedTransition(reason: "no")
                }
            }
            #expect(try await store.person(id: "p-1") == nil)
            #expect(try await database.count("person") == 0)
        }
    }

    @Test("an unknown person is not found without calling the body; an event for an unknown enrollment writes nothing", arguments: StoreKind.allCases)
    func unknownPersonAndEnrollment(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let called = Flag()
            let error = try await #require(throws: StorageError.self) {
                try await store.transact(person: "p-nobody") { _ in
                    called.set()
                    return []
                }
            }
            #expect(error.code == .notFound)
            #expect(!called.isSet)

            try await store.newPerson("p-1")
            let conflict = try await #require(throws: StorageError.self) {
                try await store.transact(person: "p-1") { snapshot in
                    snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(1))
                    return [JourneyEvent(enrollment: "e-missing", at: Moment.day(1), actor: .person, kind: .factRecorded, fact: "longStay")]
                }
            }
            #expect(conflict.code == .conflict)
            #expect(try await database.count("event") == 0)
            #expect(try await database.count("fact") == 0)
        }
    }

    @Test("an enrollment cannot be removed", arguments: StoreKind.allCases)
    func enrollmentsCannotBeRemoved(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
            await #expect(throws: StorageError.self) {
                try await store.transact(person: "p-1") { snapshot in
                    snapshot.enrollments.removeAll()
                    return []
                }
            }
            #expect(try await database.count("enrollment") == 1)
        }
    }
}
