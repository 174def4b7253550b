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
    func enrollingIsIdempotent() async throws {
        let first = try await engine.enroll(.identity(tolvan), in: "move")
        let second = try await engine.enroll(.identity(tolvan), in: "move")
        #expect(first.created)
        #expect(!second.created)
        #expect(first.enrollment.id == second.enrollment.id)
        // The number the person identified with is recorded once as the journey's personnummer fact.
        await #expect(try engine.history(of: first.enrollment.id).map(\.kind) == [.enrolled, .factRecorded])
        await #expect(try engine.overview(.identity(tolvan)).facts["personnummer"]?.value == .personnummer(tolvan))
    }

    @Test("an unknown journey is refused with a suggestion")
    func unknownJourneyIsRefused() async {
        await #expect(throws: EngineError(.unknownJourney, "no journey 'mvoe'", hint: "did you mean 'move'?")) {
            try await engine.enroll(.identity(tolvan), in: "mvoe")
        }
    }

    @Test("answers are recorded with the person as their source and recompute the plan")
    func answersAreRecordedWithProvenance() async throws {
        let view = try await engine.enroll(.identity(tolvan), in: "move")
        clock.advance(days: 1)
        let overview = try await engine.answer(person: view.enrollment.person, answers: [("citizenship", "Tyskland"), ("fullName", "Test Testsson")])
        #expect(overview.facts["citizenship"]?.value == .country(CountryCode("DE")!))
        #expect(overview.facts["citizenship"]?.source == .person)
        #expect(overview.facts["citizenship"]?.recordedAt == clock.now)
        let enrollment = try #require(overview.enrollments.first)
        #expect(enrollment.plan.status(of: "registration")?.state == .available)
        #expect(enrollment.enrollment.revision == 2)
        #expect(enrollment.enrollment.steps["residence-permit"]?.state == .notApplicable)
        await #expect(try engine.history(of: enrollment.enrollment.id).map(\.kind) == [.enrolled, .factRecorded, .factRecorded, .factRecorded])
    }

    @Test("one invalid answer records none of them")
    func invalidAnswersRecordNothing() async throws {
        let view = try await engine.enroll(.identity(tolvan), in: "move")
        await #expect(throws: EngineError(.invalidValue, "nothing was recorded: 'longStay': expected yes or no", hint: "fix these answers and send them again",
            field: "longStay")) {
            try await engine.answer(person: view.enrollment.person, answers: [("citizenship", "DE"), ("longStay", "perhaps")])
        }
        await #expect(try engine.overview(.id(view.enrollment.person)).facts["citizenship"] == nil)
        await #expect(try engine.history(of: view.enrollment.id).count == 2)
    }

    @Test("a fact the journey does not declare is refused with a suggestion")
    func undeclaredFactIsRefused() async throws {
        let view = try await engine.enroll(.identity(tolvan), in: "move")
        await #expect(throws: EngineError(.unknownFact, "'citizenshp' is not a fact of 'move'", hint: "did you mean 'citizenship'?", field: "citizenshp")) {
            try await engine.answer(person: view.enrollment.person, answers: [("citizenshp", "DE")])
        }
    }

    @Test("a refused transition writes nothing")
    func refusedTransitionWritesNothing() async throws {
        let view = try await engine.enroll(.identity(tolvan), in: "move")
        let person = view.enrollment.person
        _ = try await engine.answer(person: person, answers: [("citizenship", "DE")])
        let before = try await engine.overview(.id(person)).enrollments[0].enrollment
        await #expect(throws: EngineError.self) { try await engine.apply(.complete, step: "bank", person: person) }
        let after = try await engine.overview(.id(person)).enrollments[0].enrollment
        #expect(before == after)
        await #expect(try engine.history(of: view.enrollment.id).count == 3)
    }

    @Test("each transition appends an event, bumps the revision and updates the step rows")
    func transitionsAreDurable() async throws {
        let person = try await engine.enroll(.identity(tolvan), in: "move").enrollment.person
        _ = try await engine.answer(person: person, answers: [("citizenship", "DE"), ("fullName", "Test Testsson"), ("longStay", "yes")])
        let opened = clock.now
        clock.advance(days: 2)
        let started = try await engine.apply(.start, step: "registration", person: person)
        #expect(started.plan.status(of: "registration")?.state == .inProgress)
        clock.advance(days: 3)
        let done = try await engine.apply(.complete, step: "registration", person: person)
        #expect(done.enrollment.steps["registration"] == StoredStep(progress: .completed, state: .done, since: clock.now, openedAt: opened))
        #expect(done.enrollment.steps["receive-personnummer"]?.state == .available)
        #expect(done.enrollment.updatedAt == clock.now)
        let events = try await engine.history(of: done.enrollment.id)
        #expect(events.suffix(2).map(\.detail) == ["started", "completed"])
        #expect(events.map(\.sequence) == events.map(\.sequence).sorted())

        // A second engine on the same file (a new process) sees exactly the same state: resume after closing.
        let reopened = try JourneyEngine.testing([journey], sources: ["move": TestJourneys.move], database: database, clock: clock)
        let resumed = try await reopened.overview(.identity(tolvan)).enrollments[0]
        #expect(resumed.enrollment == done.enrollment)
        #expect(resumed.plan == done.plan)
    }

    /// What an eID login yields, as the engine receives it.
    static let login = IdentityProof(method: .eid, issuer: "https://idp.test", assurance: "http://id.elegnamnden.se/loa/1.0/loa3",
        provenAt: Date(timeIntervalSince1970: 1_767_225_600))

    @Test("a newcomer without a number gets a reference, and a number proven later by a login keeps every step")
    func newcomerProvesNumberLater() async throws {
        let view = try await engine.enroll(.new, in: "move")
        let reference = view.enrollment.person
        #expect(reference.rawValue.hasPrefix("lp-"))
        _ = try await engine.answer(person: reference, answers: [("citizenship", "FR"), ("fullName", "Test Testsson")])
        _ = try await engine.apply(.complete, step: "registration", person: reference)
        let linked = try await engine.prove(ProvenIdentity(number: tolvan, proof: Self.login), person: reference)
        #expect(linked.identity == tolvan)
        #expect(linked.proof == Self.login && linked.isProven)
        let byNumber = try await engine.overview(.identity(tolvan))
        #expect(byNumber.person.id == reference)
        #expect(byNumber.enrollments[0].plan.status(of: "registration")?.state == .done)
        await #expect(try engine.history(of: view.enrollment.id).map(\.kind).contains(.identityLinked))
        #expect(byNumber.facts["personnummer"]?.value == .personnummer(tolvan))
    }

    @Test("a personnummer the person reports on completing a step is kept as they said it, and links no one")
    func producedPersonnummerIsAClaim() async throws {
        let reference = try await engine.enroll(.new, in: "move").enrollment.person
        _ = try await engine.answer(person: reference, answers: [("citizenship", "FR"), ("fullName", "Test Testsson"), ("longStay", "ja")])
        _ = try await engine.apply(.complete, step: "registration", person: reference)
        let view = try await engine.apply(.complete, step: "receive-personnummer", person: reference,
            produced: [("personnummer", OfficialTestNumbers.personnummer)])
        #expect(view.plan.status(of: "number")?.state == .done)
        let overview = try await engine.overview(.id(reference))
        #expect(overview.facts["personnummer"]?.source == .step("receive-personnummer"))
        #expect(overview.person.identity == nil && !overview.person.isProven)
        await #expect(throws: EngineError.self) { try await engine.overview(.identity(tolvan)) }
    }

    @Test("a login for a number that already has its own record, made from another reference, is refused")
    func provingSomeoneElsesNumberIsRefused() async throws {
        _ = try await engine.enroll(.identity(tolvan), in: "move")
        let newcomer = try await engine.enroll(.new, in: "move").enrollment.person
        let error = try await #require(throws: EngineError.self) {
            try await engine.prove(ProvenIdentity(number: tolvan, proof: Self.login), person: newcomer)
        }
        #expect(error.code == .identityConflict)
    }

    @Test("a fact a step does not produce cannot be reported with it")
    func onlyProducedFactsCanBeReported() async throws {
        let person = try await engine.enroll(.identity(tolvan), in: "move").enrollment.person
        _ = try await engine.answer(person: person, answers: [("citizenship", "FR"), ("fullName", "Test Testsson")])
        await #expect(throws: EngineError(.unknownFact, "step 'registration' does not produce 'longStay'", hint: "it produces no facts")) {
            try await engine.apply(.complete, step: "registration", person: person, produced: [("longStay", "yes")])
        }
    }

    @Test("an enrollment keeps the definition version it started on")
    func enrollmentsArePinnedToTheirVersion() async throws {
        let first = try await engine.enroll(.identity(tolvan), in: "move")
        let version2Source = TestJourneys.move.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "  - id: bank\n    title: { sv: Bank, en: Bank }\n    after: [id-card]\n", with: "")
        let version2 = try TestJourneys.load(version2Source)
        #expect(version2.step("bank") == nil)
        let upgraded = try JourneyEngine.testing([version2], sources: ["move": version2Source], database: database, clock: clock)
        let old = try await upgraded.overview(.identity(tolvan)).enrollments[0]
        #expect(old.enrollment.journeyVersion == 1)
        #expect(old.journey.step("bank") != nil)
        let newcomer = try await upgraded.enroll(.new, in: "move")
        #expect(newcomer.enrollment.journeyVersion == 2)
        #expect(newcomer.journey.step("bank") == nil)
        #expect(first.enrollment.id == old.enrollment.id)
    }

    @Test("a definition changed without a version bump is refused for new enrollments")
    func changedDefinitionNeedsNewVersion() async throws {
        _ = try await engine.enroll(.identity(tolvan), in: "move")
        let edited = TestJourneys.move.replacingOccurrences(of: "en: Bank }", with: "en: Bank account }")
        let editedEngine = try JourneyEngine.testing([try TestJourneys.load(edited)], sources: ["move": edited], database: database, clock: clock)
        await #expect(throws: EngineError(.definitionChanged, "journey 'move' version 1 was changed after people started it",
            hint: "bump 'version' in journeys/move.yaml; people already on version 1 keep it")) {
            try await editedEngine.enroll(.new, in: "move")
        }
    }

    @Test("a step name found in several journeys needs the journey named")
    func ambiguousStepNeedsJourney() async throws {
        let otherSource = TestJourneys.move.replacingOccurrences(of: "id: move", with: "id: move-again")
        let other = try TestJourneys.load(otherSource)
        let engine = try JourneyEngine.testing([journey, other], sources: ["move": TestJourneys.move, "move-again": otherSource],
            database: database, clock: clock)
        let person = try await engine.enroll(.identity(tolvan), in: "move").enrollment.person
        _ = try await engine.enroll(.id(person), in: "move-again")
        await #expect(throws: EngineError(.ambiguousEnrollment, "step 'registration' is in several of this person's journeys",
            hint: "name one with --journey: move, move-again")) {
            try await engine.apply(.start, step: "registration", person: person)
        }
        _ = try await engine.answer(person: person, journey: "move-again", answers: [("citizenship", "SE"), ("fullName", "Test Testsson")])
        await #expect(try engine.apply(.start, step: "registration", person: person, journey: "move-again").journey.id == "move-again")
    }
}

@Suite("Engine on snapshots kept in memory: write-through without reading back")
struct CachedSnapshotTests {
    let database = TemporaryDatabase()
    let engine: JourneyEngine

    init() throws {
        engine = try JourneyEngine.testing([try TestJourneys.load(TestJourneys.move)], sources: ["move": TestJourneys.move], database: database)
    }

    /// Decides a change on the snapshot and writes it, as callers that keep snapshots in memory do.
    func write(_ change: DecidedChange, to snapshot: inout PersonSnapshot) async throws {
        try await engine.commit([change])
        snapshot = change.after
    }

    @Test("changes made on an in-memory snapshot are exactly what a fresh read returns")
    func writeThroughMatchesStoredState() async throws {
        let person = try await engine.enroll(.new, in: "move").enrollment.person
        var snapshot = try await engine.snapshot(of: person)
        try await write(try await engine.change(answering: [("citizenship", "NO"), ("fullName", "Test Testsson"), ("longStay", "yes")], on: snapshot), to: &snapshot)
        try await write(try await engine.change(.complete, step: "registration", on: snapshot), to: &snapshot)
        try await write(
            try await engine.change(.complete, step: "receive-personnummer", on: snapshot, produced: [("personnummer", OfficialTestNumbers.personnummer)]),
            to: &snapshot)
        await #expect(try engine.snapshot(of: person) == snapshot)
        await #expect(try engine.view(of: snapshot.enrollments[0], in: snapshot).plan.status(of: "id-card")?.state == .available)
    }

    @Test("a stale in-memory snapshot is refused as a conflict and writes nothing")
    func staleSnapshotConflicts() async throws {
        let person = try await engine.enroll(.new, in: "move").enrollment.person
        var first = try await engine.snapshot(of: person)
        let stale = first
        try await write(try await engine.change(answering: [("citizenship", "NO")], on: first), to: &first)
        let late = try await engine.change(answering: [("citizenship", "IN")], on: stale)
        await #expect(throws: EngineError(.conflict, "enrollment \(first.enrollments[0].id) was changed by someone else", hint: "reload it and try again")) {
            try await engine.commit([late])
        }
        await #expect(try engine.snapshot(of: person) == first)
    }

    @Test("a decision that needs a pinned definition not yet read reads it outside the transaction and decides again")
    func pinnedDefinitionIsReadBeforeDeciding() async throws {
        let person = try await engine.enroll(.new, in: "move").enrollment.person
        // A second engine over the same store, whose library has moved on to version 2: the enrollment stays on 1.
        let bumped = TestJourneys.move.replacingOccurrences(of: "version: 1", with: "version: 2")
        let later = try JourneyEngine.testing([try TestJourneys.load(bumped)], sources: ["move": bumped], database: database)
        let overview = try await later.answer(person: person, journey: "move", answers: [("citizenship", "NO")])
        #expect(overview.enrollments[0].journey.version == 1)
        #expect(overview.facts["citizenship"]?.value == CountryCode("NO").map(FactValue.country))
    }
}
