import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyEngine

@Suite("Engine: due dates worked out from the start, a step's completion and a date fact")
struct DeadlineTests {
    let database = TemporaryDatabase()
    let clock = TestClock()
    let engine: JourneyEngine
    let tolvan: Personnummer

    static let family = """
        id: family
        version: 1
        lifeEvent: familyChild
        title: { sv: Barn, en: Child }
        summary: { sv: Barn, en: Child }
        facts:
          birthDate: { type: date, ask: { sv: Födelsedag?, en: Birth date? } }
          personnummer: { type: personnummer }
        steps:
          - id: register
            title: { sv: Anmäl, en: Register }
            produces: [personnummer]
            due: { within: P1W, from: start }
          - id: name
            title: { sv: Namn, en: Name }
            due: { within: P3M, from: birthDate }
          - id: benefit
            title: { sv: Bidrag, en: Benefit }
            after: [register]
            due: { within: P2W, from: register }
        """

    init() throws {
        let journey = try TestJourneys.load(Self.family)
        engine = try JourneyEngine.testing([journey], sources: ["family": Self.family], database: database, clock: clock)
        tolvan = try Personnummer(parsing: OfficialTestNumbers.personnummer)
    }

    @Test("a step due from the start is due at once; one due from a fact or a step only once that is known or done")
    func dueDatesFollowTheirAnchors() async throws {
        let start = clock.now
        let view = try await engine.enroll(.identity(tolvan), in: "family")
        #expect(view.enrollment.steps["register"]?.due == start.addingTimeInterval(7 * 86_400))
        #expect(view.enrollment.steps["name"]?.due == nil)
        #expect(view.enrollment.steps["benefit"]?.due == nil)

        let person = view.enrollment.person
        let answered = try await engine.answer(person: person, answers: [("birthDate", "2026-11-30")])
        #expect(answered.enrollments[0].enrollment.steps["name"]?.due == ISO8601DateFormatter().date(from: "2027-03-01T00:00:00Z"))
        // Said as the last day it can be done on: three months of a birth on 30 November run to the end of 28 February.
        let due = try #require(answered.enrollments[0].enrollment.steps["name"]?.due)
        #expect(DueStanding.due.text(due: due, in: .en) == "due by 2027-02-28")
        #expect(DueStanding.day(of: Date(timeIntervalSince1970: 1_796_374_800)) == "2026-12-04")

        clock.advance(days: 2)
        let done = try await engine.apply(.complete, step: "register", person: person)
        // Done: nothing left to be due. The step waiting on it is due two weeks after that moment.
        #expect(done.enrollment.steps["register"]?.due == nil)
        #expect(done.enrollment.steps["benefit"]?.due == clock.now.addingTimeInterval(14 * 86_400))

        // A corrected birth date moves the deadline.
        let corrected = try await engine.answer(person: person, answers: [("birthDate", "2026-12-01")])
        #expect(corrected.enrollments[0].enrollment.steps["name"]?.due == ISO8601DateFormatter().date(from: "2027-03-02T00:00:00Z"))
    }
}

@Suite("Engine: a case's expected answer from the agency's processing time")
struct AgencyDelayEngineTests {
    let database = TemporaryDatabase()
    let clock = TestClock()
    let engine: JourneyEngine
    let tolvan: Personnummer

    static let permit = """
        id: permit
        version: 1
        title: { sv: Tillstånd, en: Permit }
        summary: { sv: Tillstånd, en: Permit }
        steps:
          - id: apply
            title: { sv: Ansök, en: Apply }
            processingTime: P3W
        """

    init() throws {
        let journey = try TestJourneys.load(Self.permit)
        engine = try JourneyEngine.testing([journey], sources: ["permit": Self.permit], database: database, clock: clock)
        tolvan = try Personnummer(parsing: OfficialTestNumbers.personnummer)
    }

    @Test("waiting on the agency sets the expected answer from the moment the case began; a decision clears it")
    func expectedByFollowsTheCase() async throws {
        let person = try await engine.enroll(.identity(tolvan), in: "permit").enrollment.person
        clock.advance(days: 1)
        let waiting = try await engine.apply(.submitted(caseReference: "C-1"), step: "apply", person: person, actor: .agency)
        #expect(waiting.enrollment.steps["apply"]?.expectedBy == clock.now.addingTimeInterval(21 * 86_400))
        #expect(!AgencyDelay.isOverdue(waiting.enrollment.steps["apply"], now: clock.now))
        #expect(AgencyDelay.isOverdue(waiting.enrollment.steps["apply"], now: clock.now.addingTimeInterval(22 * 86_400)))
        #expect(AgencyDelay.text(usually: ISODuration("P3W")!, in: .en)
            == "The agency has had this longer than it usually takes (about 3 weeks). You can ask them how it is going.")
        clock.advance(days: 30)
        let done = try await engine.apply(.complete, step: "apply", person: person, actor: .agency)
        #expect(done.enrollment.steps["apply"]?.expectedBy == nil)
    }
}
