import Foundation
import GRDB
import JourneyModel
import Synchronization
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("Transitions through transact")
struct TransactTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    /// One fact of every value type, with every kind of provenance, some expiring.
    static func factsOfEveryKind() throws -> [FactID: KnownFact] {
        let organisationsnummer = try Organisationsnummer(parsing: OfficialTestNumbers.organisationsnummerSkatteverket)
        return [
            "longStay": KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(0, hour: 1)),
            "hasChildren": KnownFact(value: .bool(false), source: .person, recordedAt: Moment.day(0, hour: 1)),
            "address": KnownFact(value: .text("Testgatan 1, 123 45 Teststad"), source: .step("registration"), recordedAt: Moment.day(3)),
            "income": KnownFact(value: .number(31_500), source: .agency("forsakringskassan.income"), recordedAt: Moment.day(4),
                validUntil: Moment.day(34)),
            "workRate": KnownFact(value: .number(0.75), source: .person, recordedAt: Moment.day(4)),
            "balance": KnownFact(value: .number(-1_234.5), source: .agency("skatteverket.account"), recordedAt: Moment.day(4)),
            "arrivalDate": KnownFact(value: .date(CalendarDate(year: 2026, month: 2, day: 28)!), source: .person, recordedAt: Moment.day(1)),
            "birthDate": KnownFact(value: .date(CalendarDate(year: 2000, month: 2, day: 29)!), source: .agency("skatteverket.folkbokforing"),
                recordedAt: Moment.day(5)),
            "citizenship": KnownFact(value: .country(CountryCode("UA")!), source: .person, recordedAt: Moment.day(0, hour: 2)),
            "previousCountry": KnownFact(value: .country(CountryCode("DE")!), source: .step("residence-permit"), recordedAt: Moment.day(2)),
            "employment": KnownFact(value: .choice("employee"), source: .person, recordedAt: Moment.day(1)),
            "personnummer": KnownFact(value: .personnummer(try TestIdentity.personnummer()), source: .agency("skatteverket.folkbokforing"),
                recordedAt: Moment.day(6)),
            "samordningsnummer": KnownFact(value: .personnummer(try TestIdentity.samordningsnummer()), source: .step("coordination-number"),
                recordedAt: Moment.day(6), validUntil: Moment.day(365)),
            "employer": KnownFact(value: .organisationsnummer(organisationsnummer), source: .agency("bolagsverket.lookup"),
                recordedAt: Moment.day(7), validUntil: Moment.day(37)),
        ]
    }

    // MARK: Facts

    @Test("facts of every value type round-trip with their provenance and expiry")
    func factsRoundTrip() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)
        let facts = try Self.factsOfEveryKind()

        let returned = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts = facts
            return []
        }
        let read = try await #require(try store.snapshot(person: "p-1"))

        #expect(returned.facts == facts)
        #expect(read.facts.count == facts.count)
        for (id, fact) in facts {
            #expect(read.facts[id] == fact, "fact \(id)")
        }
        #expect(read == returned)
        #expect(try store.count("fact") == facts.count)
    }

    @Test("a fact's value, source and expiry can be replaced")
    func factsAreReplaced() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)
        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts["citizenship"] = KnownFact(value: .country(CountryCode("UA")!), source: .person, recordedAt: Moment.day(1))
            return []
        }
        let confirmed = KnownFact(value: .country(CountryCode("SE")!), source: .agency("migrationsverket.citizenship"), recordedAt: Moment.day(9),
            validUntil: Moment.day(40))

        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts["citizenship"] = confirmed
            return []
        }

        await #expect(try store.snapshot(person: "p-1")?.facts == ["citizenship": confirmed])
        #expect(try store.count("fact") == 1)
    }

    @Test("removing a fact from the snapshot deletes it")
    func removingAFactDeletesIt() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)
        let kept = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(1))
        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts["longStay"] = kept
            snapshot.facts["employment"] = KnownFact(value: .choice("student"), source: .person, recordedAt: Moment.day(1))
            return []
        }

        let after = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts["employment"] = nil
            return []
        }

        #expect(after.facts == ["longStay": kept])
        await #expect(try store.snapshot(person: "p-1")?.facts == ["longStay": kept])
        #expect(try store.count("fact", where: "factId = 'employment'") == 0)
    }

    @Test("facts belong to one person only")
    func factsAreKeptPerPerson() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)
        _ = try await store.createPerson(id: "p-2", identity: nil, at: Moment.start)
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

        await #expect(try store.snapshot(person: "p-1")?.facts == ["employment": one])
        await #expect(try store.snapshot(person: "p-2")?.facts == [:])
    }

    // MARK: Enrollments and steps

    @Test("an enrollment is inserted, then updated: revision, status, ball, completion and steps")
    func enrollmentInsertedThenUpdated() async throws {
        let store = try database.open()
        let enrolled = StoredEnrollment.fixture(
            "e-1", person: "p-1", version: 3,
            steps: [
                "residence-permit": StoredStep(progress: nil, state: .notApplicable, since: Moment.start),
                "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
                "bank": StoredStep(progress: nil, state: .locked, since: Moment.start),
            ])
        let first = try await store.createEnrolledPerson("p-1", enrollment: enrolled)
        #expect(first.enrollments == [enrolled])
        await #expect(try store.enrollment(id: "e-1") == enrolled)

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

        let stored = try await #require(try store.enrollment(id: "e-1"))
        #expect(stored == second.enrollments[0])
        #expect(stored.revision == 2)
        #expect(stored.status == .complete)
        #expect(stored.ball == .nobody)
        #expect(stored.updatedAt == Moment.day(20))
        #expect(stored.completedAt == Moment.day(20))
        #expect(stored.createdAt == Moment.start)
        #expect(stored.journeyVersion == 3)
        #expect(stored.steps["residence-permit"] == StoredStep(progress: nil, state: .notApplicable, since: Moment.start))
        #expect(stored.progress == ["registration": .completed, "bank": .skipped])
        #expect(try store.count("enrollment") == 1)
        // Of the three steps only the available one was open, and it is done now: nobody has to act on any.
        #expect(try store.count("open_step") == 0)
    }

    @Test("step progress with free text round-trips for every kind of progress", arguments: [
        StepProgress.started, .waitingOnAgency(caseReference: "MIG-2026-000123"), .waitingOnAgency(caseReference: nil),
        .needsAction(message: "Skicka in en kopia av passet"), .needsAction(message: nil), .completed, .skipped,
        .rejected(reason: "Ansökan är ofullständig"), .rejected(reason: nil),
    ])
    func stepProgressRoundTrips(progress: StepProgress) async throws {
        let store = try database.open()
        let step = StoredStep(progress: progress, state: .inProgress, since: Moment.day(2))
        try await store.createEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", steps: ["registration": step]))

        await #expect(try store.enrollment(id: "e-1")?.steps["registration"] == step)
    }

    @Test("a completed journey may be reopened: completedAt goes back to nil")
    func completionCanBeCleared() async throws {
        let store = try database.open()
        try await store.createEnrolledPerson(
            "p-1", enrollment: .fixture("e-1", person: "p-1", status: .complete, ball: .nobody, completedAt: Moment.day(1)))

        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot.enrollments[0].status = .active
            snapshot.enrollments[0].ball = .person
            snapshot.enrollments[0].completedAt = nil
            snapshot.enrollments[0].revision += 1
            return []
        }

        let stored = try await #require(try store.enrollment(id: "e-1"))
        #expect(stored.completedAt == nil)
        #expect(stored.status == .active)
    }

    @Test("open steps are listed in open_step, and a row is written only when an open step's state or since changed")
    func openStepRowsAreWrittenOnlyWhenChanged() async throws {
        let store = try database.open()
        // Record every write to open_step and to enrollment rows, from inside SQLite.
        try await store.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE row_write (what TEXT NOT NULL);
                CREATE TRIGGER open_step_inserted AFTER INSERT ON open_step BEGIN INSERT INTO row_write VALUES ('+' || new.stepId || ':' || new.state); END;
                CREATE TRIGGER open_step_deleted AFTER DELETE ON open_step BEGIN INSERT INTO row_write VALUES ('-' || old.stepId || ':' || old.state); END;
                CREATE TRIGGER open_step_updated AFTER UPDATE ON open_step BEGIN INSERT INTO row_write VALUES ('update ' || new.stepId); END;
                CREATE TRIGGER enrollment_updated AFTER UPDATE ON enrollment BEGIN INSERT INTO row_write VALUES ('enrollment'); END;
                """)
        }
        func writes() throws -> [String] {
            try store.pool.write { db in
                let writes = try String.fetchAll(db, sql: "SELECT what FROM row_write ORDER BY rowid")
                try db.execute(sql: "DELETE FROM row_write")
                return writes
            }
        }
        func change(_ body: @Sendable (inout StoredEnrollment) -> Void) async throws {
            _ = try await store.transact(person: "p-1") { snapshot in
                body(&snapshot.enrollments[0])
                return []
            }
        }

        try await store.createEnrolledPerson(
            "p-1",
            enrollment: .fixture(
                "e-1", person: "p-1",
                steps: [
                    "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
                    "bank": StoredStep(progress: nil, state: .locked, since: Moment.start),
                    "sfi": StoredStep(progress: nil, state: .available, since: Moment.start),
                ]))
        #expect(try writes().sorted() == ["+registration:available", "+sfi:available"])

        // One open step moves on: its row moves, the other open step's stays.
        try await change {
            $0.steps["registration"] = StoredStep(progress: .started, state: .inProgress, since: Moment.day(1))
            $0.revision += 1
        }
        #expect(try writes() == ["enrollment", "-registration:available", "+registration:inProgress"])

        // Only the enrollment's own columns change: no open step is written.
        try await change {
            $0.revision += 1
            $0.ball = .agency
        }
        #expect(try writes() == ["enrollment"])

        // Nothing changes at all: nothing is written.
        _ = try await store.transact(person: "p-1") { _ in [] }
        #expect(try writes() == [])

        // Progress changes within the same state and since: the row in open_step stays.
        try await change {
            $0.steps["registration"]?.progress = .waitingOnAgency(caseReference: "MIG-2026-000123")
            $0.revision += 1
        }
        #expect(try writes() == ["enrollment"])

        // A step that settles leaves; a locked step added to the enrollment never arrives.
        try await change {
            $0.steps["registration"] = StoredStep(progress: .completed, state: .done, since: Moment.day(2))
            $0.steps["id-card"] = StoredStep(progress: nil, state: .locked, since: Moment.day(2))
            $0.revision += 1
        }
        #expect(try writes() == ["enrollment", "-registration:inProgress"])
        await #expect(try store.pool.read { db in try String.fetchAll(db, sql: "SELECT stepId FROM open_step") } == ["sfi"])
        await #expect(try store.enrollment(id: "e-1")?.steps.count == 4)
    }

    @Test("one person's enrollments in several journeys are kept apart")
    func severalEnrollmentsPerPerson() async throws {
        let store = try database.open()
        let first = StoredEnrollment.fixture("e-move", person: "p-1", journey: "new-in-sweden", createdAt: Moment.day(0),
            steps: ["registration": StoredStep(progress: nil, state: .available, since: Moment.day(0))])
        let second = StoredEnrollment.fixture("e-baby", person: "p-1", journey: "having-a-baby", createdAt: Moment.day(1),
            steps: ["registration": StoredStep(progress: .started, state: .inProgress, since: Moment.day(1))])
        try await store.createEnrolledPerson("p-1", enrollment: first)

        let after = try await store.transact(person: "p-1") { snapshot in
            snapshot.enrollments.append(second)
            return [JourneyEvent(enrollment: "e-baby", at: Moment.day(1), actor: .person, kind: .enrolled)]
        }

        #expect(after.enrollments == [first, second])
        await #expect(try store.snapshot(person: "p-1")?.enrollments == [first, second])
        await #expect(try store.enrollment(id: "e-move")?.steps["registration"]?.state == .available)
        await #expect(try store.enrollment(id: "e-baby")?.steps["registration"]?.state == .inProgress)
    }

    @Test("a second enrollment of the same person in the same journey is a conflict and writes nothing")
    func duplicateEnrollmentIsAConflict() async throws {
        let store = try database.open()
        let original = try await store.createEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", journey: "new-in-sweden"))

        let error = try await #require(throws: StorageError.self) {
            try await store.transact(person: "p-1") { snapshot in
                snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(1))
                snapshot.enrollments.append(.fixture("e-2", person: "p-1", journey: "new-in-sweden", createdAt: Moment.day(1)))
                return [JourneyEvent(enrollment: "e-2", at: Moment.day(1), actor: .person, kind: .enrolled)]
            }
        }

        #expect(error.code == .conflict)
        await #expect(try store.snapshot(person: "p-1") == original)
        await #expect(try store.enrollment(id: "e-2") == nil)
        #expect(try store.count("event") == 1)
        #expect(try store.count("fact") == 0)
    }

    // MARK: Events

    @Test("events are appended in order, numbered by an increasing sequence, with all their fields")
    func eventsAreAppendedInOrder() async throws {
        let store = try database.open()
        try await store.createEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
        let batch: [JourneyEvent] = [
            JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .person, kind: .factRecorded, fact: "citizenship", detail: "person"),
            JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .person, kind: .stepProgressed, step: "registration", detail: "started"),
            JourneyEvent(enrollment: "e-1", at: Moment.day(2), actor: .caseworker, kind: .stepProgressed, step: "registration",
                detail: "waitingOnAgency"),
        ]
        _ = try await store.transact(person: "p-1") { _ in batch }
        let later = JourneyEvent(enrollment: "e-1", at: Moment.day(9), actor: .agency, kind: .identityLinked)
        _ = try await store.transact(person: "p-1") { _ in [later] }
        let system = JourneyEvent(enrollment: "e-1", at: Moment.day(10), actor: .system, kind: .stepProgressed, step: "bank")
        _ = try await store.transact(person: "p-1") { _ in [system] }

        let events = try await store.events(enrollment: "e-1")

        #expect(events.map(\.unsequenced) == [
            JourneyEvent(enrollment: "e-1", at: Moment.start, actor: .person, kind: .enrolled),
        ] + batch + [later, system])
        #expect(events.allSatisfy { $0.sequence > 0 })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
    }

    @Test("an enrollment's history holds only its own events, interleaved writes notwithstanding")
    func eventsArePerEnrollment() async throws {
        let store = try database.open()
        try await store.createEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
        try await store.createEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
        for day in 1...3 {
            for (person, enrollment) in [("p-1", "e-1"), ("p-2", "e-2")] {
                _ = try await store.transact(person: PersonID(person)) { _ in
                    [JourneyEvent(enrollment: EnrollmentID(enrollment), at: Moment.day(day), actor: .person, kind: .stepProgressed, step: "sfi")]
                }
            }
        }

        let first = try await store.events(enrollment: "e-1")
        let second = try await store.events(enrollment: "e-2")

        #expect(first.count == 4)
        #expect(second.count == 4)
        #expect(first.allSatisfy { $0.enrollment == "e-1" })
        #expect(first.map(\.at) == [Moment.start, Moment.day(1), Moment.day(2), Moment.day(3)])
        // Each enrollment numbers its own history from 1.
        #expect(first.map(\.sequence) == [1, 2, 3, 4])
        #expect(second.map(\.sequence) == [1, 2, 3, 4])
        await #expect(try store.events(enrollment: "e-unknown") == [])
    }

    // MARK: Failures

    @Test("a body that throws writes nothing at all, and its error comes out unchanged")
    func throwingBodyWritesNothing() async throws {
        let store = try database.open()
        let before = try await store.createEnrolledPerson(
            "p-1", enrollment: .fixture("e-1", person: "p-1", steps: ["registration": StoredStep(progress: nil, state: .available, since: Moment.start)]))

        let error = try await #require(throws: RefusedTransition.self) {
            try await store.transact(person: "p-1") { (snapshot: inout PersonSnapshot) throws(RefusedTransition) -> [JourneyEvent] in
                snapshot.person.identity = try? TestIdentity.personnummer()
                snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(1))
                snapshot.enrollments[0].revision += 1
                snapshot.enrollments[0].status = .blocked
                snapshot.enrollments[0].steps["registration"] = StoredStep(progress: .rejected(reason: nil), state: .rejected, since: Moment.day(1))
                snapshot.enrollments.append(.fixture("e-2", person: "p-1", journey: "having-a-baby", createdAt: Moment.day(1)))
                throw RefusedTransition(reason: "step registration is not available")
            }
        }

        #expect(error == RefusedTransition(reason: "step registration is not available"))
        await #expect(try store.snapshot(person: "p-1") == before)
        await #expect(try store.person(identity: try TestIdentity.personnummer()) == nil)
        await #expect(try store.enrollment(id: "e-2") == nil)
        await #expect(try store.events(enrollment: "e-1").count == 1)
        #expect(try store.count("event") == 1)
        #expect(try store.count("fact") == 0)
        #expect(try store.count("enrollment") == 1)
    }

    @Test("a body that throws a storage error of its own gets that exact error back")
    func throwingBodyStorageErrorIsUnchanged() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)

        let error = try await #require(throws: StorageError.self) {
            try await store.transact(person: "p-1") { (_: inout PersonSnapshot) throws(StorageError) -> [JourneyEvent] in
                throw StorageError(.failed, "refused by the test", hint: "a hint")
            }
        }

        #expect(error.code == .failed)
        #expect(error.message == "refused by the test")
        #expect(error.hint == "a hint")
    }

    @Test("a transition for an unknown person is refused as not found, without calling the body")
    func unknownPersonIsNotFound() async throws {
        let store = try database.open()
        let called = Flag()

        let error = try await #require(throws: StorageError.self) {
            try await store.transact(person: "p-nobody") { _ in
                called.raise()
                return []
            }
        }

        #expect(error.code == .notFound)
        #expect(!called.isRaised)
        #expect(try store.count("person") == 0)
    }

    @Test("an event for an enrollment that does not exist is refused and writes nothing")
    func eventForUnknownEnrollmentIsRefused() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)

        let error = try await #require(throws: StorageError.self) {
            try await store.transact(person: "p-1") { snapshot in
                snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(1))
                return [JourneyEvent(enrollment: "e-missing", at: Moment.day(1), actor: .person, kind: .factRecorded, fact: "longStay")]
            }
        }

        #expect(error.code == .conflict)
        #expect(try store.count("event") == 0)
        #expect(try store.count("fact") == 0)
    }
}

/// Whether a closure that may run on another thread was called.
final class Flag: Sendable {
    private let raised = Mutex(false)

    func raise() { raised.withLock { $0 = true } }

    var isRaised: Bool { raised.withLock { $0 } }
}
