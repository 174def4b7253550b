import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyEngine

/// Version 1 and 2 of one journey: `apply` renamed to `application`, `visit` split in two, `brochure` removed,
/// `collect` kept but sent to another service and needing a fact it did not need before.
enum MovingJourney {
    static let version1 = """
        id: permit
        version: 1
        title: { sv: Tillstånd, en: Permit }
        summary: { sv: Tillstånd, en: Permit }
        facts:
          fullName: { type: text, ask: { sv: Namn?, en: Name? } }
        steps:
          - id: apply
            title: { sv: Ansök, en: Apply }
            due: { within: P2W, from: start }
          - id: visit
            title: { sv: Besök, en: Visit }
            after: [apply]
          - id: collect
            title: { sv: Hämta, en: Collect }
            service: agency.old-desk
            after: [visit]
          - id: brochure
            title: { sv: Broschyr, en: Brochure }
            optional: true
            due: { within: P1W, from: start }
        """

    static let version2 = """
        id: permit
        version: 2
        title: { sv: Tillstånd, en: Permit }
        summary: { sv: Tillstånd, en: Permit }
        facts:
          fullName: { type: text, ask: { sv: Namn?, en: Name? } }
        steps:
          - id: application
            title: { sv: Ansökan, en: Application }
            due: { within: P2W, from: start }
          - id: book-visit
            title: { sv: Boka besök, en: Book a visit }
            after: [application]
          - id: attend-visit
            title: { sv: Besök, en: Attend the visit }
            after: [book-visit]
          - id: collect
            title: { sv: Hämta, en: Collect }
            service: agency.new-desk
            after: [attend-visit]
            needs: [fullName]
        migrations:
          - from: 1
            renamed: { apply: application }
            split: { visit: [book-visit, attend-visit] }
            removed: [brochure]
        """

    static func enrollment(_ progress: [StepID: StepProgress]) -> StoredEnrollment {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        return StoredEnrollment(id: "le-test", person: "lp-test", journey: "permit", journeyVersion: 1, status: .active, ball: .person, revision: 1,
            createdAt: start, updatedAt: start, steps: progress.mapValues { StoredStep(progress: $0, state: JourneyPlanner.state(for: $0), since: start) })
    }
}

@Suite("Moving an enrollment: what the mapping does with each recorded progress, and why an enrollment stays")
struct MovePlannerTests {
    let old: Journey
    let new: Journey
    var mapping: VersionMigration { new.migration(from: 1, file: "inline") }

    init() throws {
        old = try TestJourneys.load(MovingJourney.version1)
        new = try TestJourneys.load(MovingJourney.version2)
    }

    func plan(_ progress: [StepID: StepProgress], facts: [FactID: FactValue] = [:]) -> EnrollmentMove.Outcome {
        MovePlanner.plan(MovingJourney.enrollment(progress), facts: facts, from: old, to: new, mapping: mapping).outcome
    }

    @Test("a renamed step's progress goes to its new id, with its row (state, since, due)")
    func renamedKeepsProgress() {
        #expect(plan(["apply": .completed]) == .moves([.init(step: "apply", move: .renamed("application"), progress: .completed)]))
        var enrollment = MovingJourney.enrollment(["apply": .completed])
        enrollment.steps["apply"]?.due = Date(timeIntervalSince1970: 1)
        let steps = MovePlanner.steps(of: enrollment, mapping: mapping, into: new)
        #expect(steps["application"] == enrollment.steps["apply"])
        #expect(steps["apply"] == nil)
    }

    @Test("a split step's progress goes to every part")
    func splitCopiesToEveryPart() {
        #expect(plan(["visit": .started]) == .moves([.init(step: "visit", move: .split(["book-visit", "attend-visit"]), progress: .started)]))
        let steps = MovePlanner.steps(of: MovingJourney.enrollment(["visit": .completed]), mapping: mapping, into: new)
        #expect(steps["book-visit"]?.progress == .completed)
        #expect(steps["attend-visit"]?.progress == .completed)
    }

    @Test("a removed step's settled progress leaves the current state, and is listed")
    func removedIsListed() {
        #expect(plan(["brochure": .skipped]) == .moves([.init(step: "brochure", move: .removed, progress: .skipped)]))
        #expect(MovePlanner.steps(of: MovingJourney.enrollment(["brochure": .skipped]), mapping: mapping, into: new).isEmpty)
    }

    @Test("a step that keeps its id is not listed, and moves as it is")
    func keptStepIsNotListed() {
        #expect(plan(["collect": .started]) == .moves([]))
    }

    @Test("an open agency case at a removed, split or renamed step keeps the enrollment where it is")
    func openCaseStays() {
        #expect(plan(["brochure": .waitingOnAgency(caseReference: "C-1")]) == .stays([.openCase(step: "brochure", move: .removed)]))
        #expect(plan(["visit": .needsAction(message: nil)]) == .stays([.openCase(step: "visit", move: .split(["book-visit", "attend-visit"]))]))
        #expect(plan(["apply": .waitingOnAgency(caseReference: nil)]) == .stays([.openCase(step: "apply", move: .renamed("application"))]))
    }

    @Test("an open agency case at a step the new version sends to another service keeps the enrollment where it is")
    func changedServiceStays() {
        #expect(plan(["collect": .waitingOnAgency(caseReference: "C-2")]) == .stays([.serviceChanged(step: "collect")]))
    }

    @Test("an application not yet at the agency, at a step that changes, keeps the enrollment where it is")
    func pendingSubmissionStays() {
        let enrollment = MovingJourney.enrollment([:])
        let planned = { (pending: Set<StepID>) in
            MovePlanner.plan(enrollment, facts: [:], pending: pending, from: old, to: new, mapping: mapping).outcome
        }
        #expect(planned(["apply"]) == .stays([.pendingSubmission(step: "apply")]))
        #expect(planned(["collect"]) == .stays([.pendingSubmission(step: "collect")]))
    }

    @Test("a done step that now needs a fact the person has not given keeps the enrollment where it is, until they give it")
    func missingFactStays() throws {
        #expect(plan(["collect": .completed]) == .stays([.missingFact(step: "collect", fact: "fullName")]))
        #expect(plan(["collect": .completed], facts: ["fullName": .text("Tolvan")]) == .moves([]))
    }

    @Test("the mapping is checked against the old version: steps it does not have, and steps it does not place")
    func mappingIsCheckedAgainstTheOldVersion() throws {
        let partial = try TestJourneys.load(MovingJourney.version2.replacingOccurrences(of: "removed: [brochure]", with: "removed: [brochur]"))
        #expect(ValidatorText.lines(partial.migration(from: 1, file: "inline").check(from: old, to: partial)) == [
            "inline:26:15: error: migrations[0].removed[0]: version 1 has no step 'brochur' (did you mean 'brochure'?)",
            "inline:23:11: error: migrations[0]: step 'brochure' of version 1 is not in version 2, and the mapping does not say where it went (list it under renamed, split or removed in the entry 'from: 1')",
        ])
        // Without an entry for a version, every step must keep its id.
        #expect(new.migration(from: 7, file: "inline").check(from: old, to: new).count == 3)
    }
}

enum ValidatorText {
    static func lines(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.description) }
}

@Suite("Engine: moving running enrollments to a new version")
struct EnrollmentMoveEngineTests {
    let database = TemporaryDatabase()
    let clock = TestClock()

    /// The engine over one version; the services are left out, since this engine's catalogue has no agencies.
    func engine(_ source: String) throws -> JourneyEngine {
        let yaml = source.split(separator: "\n").filter { !$0.contains("service:") }.joined(separator: "\n")
        return try JourneyEngine.testing([try TestJourneys.load(yaml)], sources: ["permit": yaml], database: database, clock: clock)
    }

    @Test("a moved enrollment keeps its progress, facts and due dates; the move is an event; a second run moves nothing")
    func moveKeepsEverything() async throws {
        let before = try engine(MovingJourney.version1)
        let tolvan = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await before.enroll(.identity(tolvan), in: "permit").enrollment.person
        _ = try await before.answer(person: person, answers: [("fullName", "Tolvan Tolvansson")])
        _ = try await before.apply(.start, step: "apply", person: person)
        let due = try #require(try await before.snapshot(of: person).enrollments[0].steps["apply"]?.due)
        let enrollment = try await before.snapshot(of: person).enrollments[0].id
        clock.advance(days: 1)

        let after = try engine(MovingJourney.version2)
        let store = try database.store()
        let plan = try await after.planMigration(of: "permit", to: 2, in: store)
        #expect(plan.diagnostics == [])
        #expect(plan.moves.map(\.outcome) == [.moves([.init(step: "apply", move: .renamed("application"), progress: .started)])])
        // Planning changed nothing.
        #expect(try await after.snapshot(of: person).enrollments[0].journeyVersion == 1)

        let moved = try #require(try await after.migrate(enrollment, of: person, to: 2, in: store))
        #expect(moved.moves)
        let snapshot = try await after.snapshot(of: person)
        let stored = snapshot.enrollments[0]
        #expect(stored.journeyVersion == 2)
        #expect(stored.steps["application"]?.progress == .started)
        #expect(stored.steps["application"]?.state == .inProgress)
        #expect(stored.steps["application"]?.due == due)
        #expect(stored.steps["apply"] == nil && stored.steps["brochure"] == nil)
        #expect(stored.steps["book-visit"]?.state == .locked)
        #expect(snapshot.facts["fullName"]?.value == .text("Tolvan Tolvansson"))
        let history = try await store.events(enrollment: enrollment)
        #expect(history.last?.kind == .enrollmentMigrated)
        #expect(history.last?.detail == "version 1 to 2; renamed apply to application (started)")
        #expect(history.contains { $0.kind == .stepProgressed && $0.step == "apply" })

        #expect(try await after.migrate(enrollment, of: person, to: 2, in: store) == nil)
        #expect(try await after.planMigration(of: "permit", to: 2, in: store).moves == [])
        #expect(try await store.events(enrollment: enrollment).count == history.count)
    }

    @Test("a move beside a server still on the old file: the step is recorded before the move, or refused after it; never lost")
    func moveBesideAnOldServer() async throws {
        let server = try engine(MovingJourney.version1)
        let tolvan = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await server.enroll(.identity(tolvan), in: "permit").enrollment.person
        let enrollment = try await server.snapshot(of: person).enrollments[0].id
        let mover = try engine(MovingJourney.version2)
        let store = try database.store()
        async let moved = mover.migrate(enrollment, of: person, to: 2, in: store)
        async let completed: EngineError? = {
            do throws(EngineError) {
                _ = try await server.apply(.complete, step: "apply", person: person)
                return nil
            } catch {
                return error
            }
        }()
        #expect(try await moved?.moves == true)
        let refusal = await completed
        // The server reads the moved enrollment with version 2, from the text the move pinned in the store.
        let overview = try await server.overview(.id(person))
        let application = overview.enrollments[0].enrollment.steps["application"]
        if let refusal {
            #expect(refusal.code == .unknownStep)
            #expect(application?.progress == nil)
        } else {
            #expect(application?.progress == .completed)
        }
        #expect(overview.enrollments[0].journey.version == 2)
    }

    @Test("only the version in the journey file is a target")
    func targetIsTheFilesVersion() async throws {
        let after = try engine(MovingJourney.version2)
        await #expect(throws: EngineError.self) { try await after.planMigration(of: "permit", to: 3, in: try database.store()) }
    }
}
