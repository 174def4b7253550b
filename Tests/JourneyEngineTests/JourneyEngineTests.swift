import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyEngine

@Suite("Engine: enrolling, answering and moving steps, durably on a real SQLite file")
struct JourneyEngineTests {
    let database = TemporaryDatabase()
    let clock = TestClock()
    let journey: Journey
    let engine: JourneyEngine
    let tolvan: Personnummer

    init() throws {
        journey = try TestJourneys.load(TestJourneys.move)
        engine = try JourneyEngine.testing([journey], sources: ["move": TestJourneys.move], database: database, clock: clock)
        tolvan = try Personnummer(parsing: OfficialTestNumbers.personnummer)
    }

    @Test("starting the same journey twice returns the first enrollment")
    func enrollingIsIdempotent() throws {
        let first = try engine.enroll(.identity(tolvan), in: "move")
        let second = try engine.enroll(.identity(tolvan), in: "move")
        #expect(first.created)
        #expect(!second.created)
        #expect(first.enrollment.id == second.enrollment.id)
        // The number the person identified with is recorded once as the journey's personnummer fact.
        #expect(try engine.history(of: first.enrollment.id).map(\.kind) == [.enrolled, .factRecorded])
        #expect(try engine.overview(.identity(tolvan)).facts["personnummer"]?.value == .personnummer(tolvan))
    }

    @Test("an unknown journey is refused with a suggestion")
    func unknownJourneyIsRefused() {
        #expect(throws: EngineError(.unknownJourney, "no journey 'mvoe'", hint: "did you mean 'move'?")) {
            try engine.enroll(.identity(tolvan), in: "mvoe")
        }
    }

    @Test("answers are recorded with the person as their source and recompute the plan")
    func answersAreRecordedWithProvenance() throws {
        let view = try engine.enroll(.identity(tolvan), in: "move")
        clock.advance(days: 1)
        let overview = try engine.answer(person: view.enrollment.person, answers: [("citizenship", "Tyskland"), ("fullName", "Test Testsson")])
        #expect(overview.facts["citizenship"]?.value == .country(CountryCode("DE")!))
        #expect(overview.facts["citizenship"]?.source == .person)
        #expect(overview.facts["citizenship"]?.recordedAt == clock.now)
        let enrollment = try #require(overview.enrollments.first)
        #expect(enrollment.plan.status(of: "registration")?.state == .available)
        #expect(enrollment.enrollment.revision == 2)
        #expect(enrollment.enrollment.steps["residence-permit"]?.state == .notApplicable)
        #expect(try engine.history(of: enrollment.enrollment.id).map(\.kind) == [.enrolled, .factRecorded, .factRecorded, .factRecorded])
    }

    @Test("one invalid answer records none of them")
    func invalidAnswersRecordNothing() throws {
        let view = try engine.enroll(.identity(tolvan), in: "move")
        #expect(throws: EngineError(.invalidValue, "nothing was recorded: 'longStay': expected yes or no", hint: "fix these answers and send them again")) {
            try engine.answer(person: view.enrollment.person, answers: [("citizenship", "DE"), ("longStay", "perhaps")])
        }
        #expect(try engine.overview(.id(view.enrollment.person)).facts["citizenship"] == nil)
        #expect(try engine.history(of: view.enrollment.id).count == 2)
    }

    @Test("a fact the journey does not declare is refused with a suggestion")
    func undeclaredFactIsRefused() throws {
        let view = try engine.enroll(.identity(tolvan), in: "move")
        #expect(throws: EngineError(.unknownFact, "'citizenshp' is not a fact of 'move'", hint: "did you mean 'citizenship'?")) {
            try engine.answer(person: view.enrollment.person, answers: [("citizenshp", "DE")])
        }
    }

    @Test("a refused transition writes nothing")
    func refusedTransitionWritesNothing() throws {
        let view = try engine.enroll(.identity(tolvan), in: "move")
        let person = view.enrollment.person
        _ = try engine.answer(person: person, answers: [("citizenship", "DE")])
        let before = try engine.overview(.id(person)).enrollments[0].enrollment
        #expect(throws: EngineError.self) { try engine.apply(.complete, step: "bank", person: person) }
        let after = try engine.overview(.id(person)).enrollments[0].enrollment
        #expect(before == after)
        #expect(try engine.history(of: view.enrollment.id).count == 3)
    }

    @Test("each transition appends an event, bumps the revision and updates the step rows")
    func transitionsAreDurable() throws {
        let person = try engine.enroll(.identity(tolvan), in: "move").enrollment.person
        _ = try engine.answer(person: person, answers: [("citizenship", "DE"), ("fullName", "Test Testsson"), ("longStay", "yes")])
        clock.advance(days: 2)
        let started = try engine.apply(.start, step: "registration", person: person)
        #expect(started.plan.status(of: "registration")?.state == .inProgress)
        clock.advance(days: 3)
        let done = try engine.apply(.complete, step: "registration", person: person)
        #expect(done.enrollment.steps["registration"] == StoredStep(progress: .completed, state: .done, since: clock.now))
        #expect(done.enrollment.steps["receive-personnummer"]?.state == .available)
        #expect(done.enrollment.updatedAt == clock.now)
        let events = try engine.history(of: done.enrollment.id)
        #expect(events.suffix(2).map(\.detail) == ["started", "completed"])
        #expect(events.map(\.sequence) == events.map(\.sequence).sorted())

        // A second engine on the same file (a new process) sees exactly the same state: resume after closing.
        let reopened = try JourneyEngine.testing([journey], sources: ["move": TestJourneys.move], database: database, clock: clock)
        let resumed = try reopened.overview(.identity(tolvan)).enrollments[0]
        #expect(resumed.enrollment == done.enrollment)
        #expect(resumed.plan == done.plan)
    }

    @Test("a newcomer without a number gets a reference, and a number linked later keeps every step")
    func newcomerLinksNumberLater() throws {
        let view = try engine.enroll(.new, in: "move")
        let reference = view.enrollment.person
        #expect(reference.rawValue.hasPrefix("lp-"))
        _ = try engine.answer(person: reference, answers: [("citizenship", "FR"), ("fullName", "Test Testsson")])
        _ = try engine.apply(.complete, step: "registration", person: reference)
        let linked = try engine.link(person: reference, identity: tolvan)
        #expect(linked.identity == tolvan)
        let byNumber = try engine.overview(.identity(tolvan))
        #expect(byNumber.person.id == reference)
        #expect(byNumber.enrollments[0].plan.status(of: "registration")?.state == .done)
        #expect(try engine.history(of: view.enrollment.id).map(\.kind).contains(.identityLinked))
        #expect(byNumber.facts["personnummer"]?.value == .personnummer(tolvan))
    }

    @Test("a personnummer reported by the step that gives it links the newcomer automatically")
    func producedPersonnummerLinksPerson() throws {
        let reference = try engine.enroll(.new, in: "move").enrollment.person
        _ = try engine.answer(person: reference, answers: [("citizenship", "FR"), ("fullName", "Test Testsson"), ("longStay", "ja")])
        _ = try engine.apply(.complete, step: "registration", person: reference)
        let view = try engine.apply(.complete, step: "receive-personnummer", person: reference,
            produced: [("personnummer", OfficialTestNumbers.personnummer)])
        #expect(view.plan.status(of: "number")?.state == .done)
        let overview = try engine.overview(.identity(tolvan))
        #expect(overview.person.id == reference)
        #expect(overview.facts["personnummer"]?.source == .step("receive-personnummer"))
    }

    @Test("a number already linked to someone else is refused")
    func linkingSomeoneElsesNumberIsRefused() throws {
        _ = try engine.enroll(.identity(tolvan), in: "move")
        let newcomer = try engine.enroll(.new, in: "move").enrollment.person
        #expect(throws: EngineError.self) { try engine.link(person: newcomer, identity: tolvan) }
    }

    @Test("a fact a step does not produce cannot be reported with it")
    func onlyProducedFactsCanBeReported() throws {
        let person = try engine.enroll(.identity(tolvan), in: "move").enrollment.person
        _ = try engine.answer(person: person, answers: [("citizenship", "FR"), ("fullName", "Test Testsson")])
        #expect(throws: EngineError(.unknownFact, "step 'registration' does not produce 'longStay'", hint: "it produces no facts")) {
            try engine.apply(.complete, step: "registration", person: person, produced: [("longStay", "yes")])
        }
    }

    @Test("an enrollment keeps the definition version it started on")
    func enrollmentsArePinnedToTheirVersion() throws {
        let first = try engine.enroll(.identity(tolvan), in: "move")
        let version2Source = TestJourneys.move.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "  - id: bank\n    title: { sv: Bank, en: Bank }\n    after: [id-card]\n", with: "")
        let version2 = try TestJourneys.load(version2Source)
        #expect(version2.step("bank") == nil)
        let upgraded = try JourneyEngine.testing([version2], sources: ["move": version2Source], database: database, clock: clock)
        let old = try upgraded.overview(.identity(tolvan)).enrollments[0]
        #expect(old.enrollment.journeyVersion == 1)
        #expect(old.journey.step("bank") != nil)
        let newcomer = try upgraded.enroll(.new, in: "move")
        #expect(newcomer.enrollment.journeyVersion == 2)
        #expect(newcomer.journey.step("bank") == nil)
        #expect(first.enrollment.id == old.enrollment.id)
    }

    @Test("a definition changed without a version bump is refused for new enrollments")
    func changedDefinitionNeedsNewVersion() throws {
        _ = try engine.enroll(.identity(tolvan), in: "move")
        let edited = TestJourneys.move.replacingOccurrences(of: "en: Bank }", with: "en: Bank account }")
        let editedEngine = try JourneyEngine.testing([try TestJourneys.load(edited)], sources: ["move": edited], database: database, clock: clock)
        #expect(throws: EngineError(.definitionChanged, "journey 'move' version 1 was changed after people started it",
            hint: "bump 'version' in journeys/move.yaml; people already on version 1 keep it")) {
            try editedEngine.enroll(.new, in: "move")
        }
    }

    @Test("a step name found in several journeys needs the journey named")
    func ambiguousStepNeedsJourney() throws {
        let otherSource = TestJourneys.move.replacingOccurrences(of: "id: move", with: "id: move-again")
        let other = try TestJourneys.load(otherSource)
        let engine = try JourneyEngine.testing([journey, other], sources: ["move": TestJourneys.move, "move-again": otherSource],
            database: database, clock: clock)
        let person = try engine.enroll(.identity(tolvan), in: "move").enrollment.person
        _ = try engine.enroll(.id(person), in: "move-again")
        #expect(throws: EngineError(.ambiguousEnrollment, "step 'registration' is in several of this person's journeys",
            hint: "name one with --journey: move, move-again")) {
            try engine.apply(.start, step: "registration", person: person)
        }
        _ = try engine.answer(person: person, journey: "move-again", answers: [("citizenship", "SE"), ("fullName", "Test Testsson")])
        #expect(try engine.apply(.start, step: "registration", person: person, journey: "move-again").journey.id == "move-again")
    }
}

@Suite("Engine on snapshots kept in memory: write-through without reading back")
struct CachedSnapshotTests {
    let database = TemporaryDatabase()
    let engine: JourneyEngine

    init() throws {
        engine = try JourneyEngine.testing([try TestJourneys.load(TestJourneys.move)], sources: ["move": TestJourneys.move], database: database)
    }

    @Test("changes made on an in-memory snapshot are exactly what a fresh read returns")
    func writeThroughMatchesStoredState() throws {
        let person = try engine.enroll(.new, in: "move").enrollment.person
        var snapshot = try engine.snapshot(of: person)
        try engine.answer(in: &snapshot, answers: [("citizenship", "NO"), ("fullName", "Test Testsson"), ("longStay", "yes")])
        try engine.apply(.complete, step: "registration", in: &snapshot)
        try engine.apply(.complete, step: "receive-personnummer", in: &snapshot, produced: [("personnummer", OfficialTestNumbers.personnummer)])
        #expect(try engine.snapshot(of: person) == snapshot)
        #expect(try engine.view(of: snapshot.enrollments[0], in: snapshot).plan.status(of: "id-card")?.state == .available)
    }

    @Test("a stale in-memory snapshot is refused as a conflict and writes nothing")
    func staleSnapshotConflicts() throws {
        let person = try engine.enroll(.new, in: "move").enrollment.person
        var first = try engine.snapshot(of: person)
        var stale = first
        try engine.answer(in: &first, answers: [("citizenship", "NO")])
        #expect(throws: EngineError(.conflict, "enrollment \(first.enrollments[0].id) was changed by someone else", hint: "reload it and try again")) {
            try engine.answer(in: &stale, answers: [("citizenship", "IN")])
        }
        #expect(try engine.snapshot(of: person) == first)
        #expect(stale.facts["citizenship"] == nil)
    }
}
