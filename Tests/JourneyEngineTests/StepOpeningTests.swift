import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyEngine

@Suite("Engine: when a step opened, kept so its time is counted once it is done")
struct StepOpeningTests {
    static let earlier = Date(timeIntervalSince1970: 1_790_000_000)
    static let now = earlier.addingTimeInterval(86_400)

    static func step(_ state: StepState, openedAt: Date?) -> StoredStep {
        StoredStep(progress: nil, state: state, since: earlier, openedAt: openedAt)
    }

    @Test("a step opens when it first becomes open, keeps that moment through its later states and once done, and starts again only after done")
    func openingRules() {
        let now = Self.now, earlier = Self.earlier
        #expect(StoredStep.openedAt(after: nil, becoming: .available, at: now) == now)
        #expect(StoredStep.openedAt(after: nil, becoming: .locked, at: now) == nil)
        #expect(StoredStep.openedAt(after: Self.step(.locked, openedAt: nil), becoming: .available, at: now) == now)
        #expect(StoredStep.openedAt(after: Self.step(.available, openedAt: earlier), becoming: .inProgress, at: now) == earlier)
        // Locked again by a changed answer, then open again: the same stretch of work.
        #expect(StoredStep.openedAt(after: Self.step(.available, openedAt: earlier), becoming: .locked, at: now) == earlier)
        #expect(StoredStep.openedAt(after: Self.step(.locked, openedAt: earlier), becoming: .available, at: now) == earlier)
        #expect(StoredStep.openedAt(after: Self.step(.waitingOnAgency, openedAt: earlier), becoming: .done, at: now) == earlier)
        // Reopened after it was done: a new stretch; leaving done for a state nobody acts on forgets the old one.
        #expect(StoredStep.openedAt(after: Self.step(.done, openedAt: earlier), becoming: .needsAction, at: now) == now)
        #expect(StoredStep.openedAt(after: Self.step(.done, openedAt: earlier), becoming: .notApplicable, at: now) == nil)
        // Open before openings were recorded: unknown, and stays unknown rather than restarting the count.
        #expect(StoredStep.openedAt(after: Self.step(.inProgress, openedAt: nil), becoming: .done, at: now) == nil)
        #expect(StoredStep.openedAt(after: Self.step(.available, openedAt: nil), becoming: .inProgress, at: now) == nil)
    }

    @Test("a renamed step keeps when it opened when its enrollment moves to a newer version")
    func renamedStepKeepsItsOpening() throws {
        let new = try TestJourneys.load(MovingJourney.version2)
        var enrollment = MovingJourney.enrollment(["apply": .started])
        enrollment.steps["apply"]?.openedAt = Self.earlier
        let moved = MovePlanner.steps(of: enrollment, mapping: new.migration(from: 1, file: "inline"), into: new)
        #expect(moved["application"]?.openedAt == Self.earlier)
    }

    @Test("a step the person finishes is stored with how long it took from when it opened; a step that does not apply is not")
    func finishedStepIsTimed() async throws {
        let database = TemporaryDatabase()
        let clock = TestClock()
        let journey = try TestJourneys.load(TestJourneys.move)
        let engine = try JourneyEngine.testing([journey], sources: ["move": TestJourneys.move], database: database, clock: clock)
        let tolvan = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await engine.enroll(.identity(tolvan), in: "move").enrollment.person
        _ = try await engine.answer(person: person, answers: [("citizenship", "DE"), ("fullName", "Test Testsson"), ("longStay", "yes")])
        clock.advance(days: 2)
        _ = try await engine.apply(.start, step: "registration", person: person)
        clock.advance(days: 3)
        _ = try await engine.apply(.complete, step: "registration", person: person)
        #expect(try await database.store().countFinishedSteps(journey: "move") == [
            FinishedStepCount(step: "registration", count: 1, medianSeconds: 5 * 86_400)
        ])
    }
}
