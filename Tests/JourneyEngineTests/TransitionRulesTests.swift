import JourneyModel
import Testing

@testable import JourneyEngine

@Suite("Transition rules: which step commands are allowed, and the errors that refuse the rest")
struct TransitionRulesTests {
    let journey: Journey
    let eu: [FactID: FactValue] = ["citizenship": .country(CountryCode("DE")!), "longStay": .bool(true), "hasChildren": .bool(false)]

    init() throws { journey = try TestJourneys.load(TestJourneys.move) }

    func decide(_ command: StepCommand, _ step: StepID, facts: [FactID: FactValue], progress: [StepID: StepProgress] = [:]) throws(EngineError)
        -> StepProgress?
    {
        let plan = JourneyPlanner.plan(journey, facts: facts, progress: progress)
        return try TransitionRules.progress(for: command, step: journey.step(step)!, status: plan.status(of: step)!, journey: journey, facts: facts)
    }

    @Test("completing a locked step is refused with what it waits for")
    func completingLockedStepIsRefused() async {
        #expect {
            try decide(.complete, "bank", facts: eu)
        } throws: { error in
            let error = error as! EngineError
            return error.code == .invalidTransition
                && error.message == "cannot complete step 'bank': it is locked, waiting for 'id-card'"
                && error.hint == "complete 'id-card' first"
        }
    }

    @Test("a step cannot start before the facts it needs are known")
    func needsAreRequired() async throws {
        #expect(throws: EngineError(.invalidTransition, "cannot start step 'registration' yet: it needs 'fullName', which is not known",
            hint: "answer 'fullName' first")) {
            try decide(.start, "registration", facts: eu)
        }
        var facts = eu
        facts["fullName"] = .text("Test Testsson")
        #expect(try decide(.start, "registration", facts: facts) == .started)
    }

    @Test("a step that does not apply cannot be started")
    func inapplicableStepIsRefused() async {
        #expect(throws: EngineError(.invalidTransition, "step 'residence-permit' does not apply: its condition does not hold for you",
            hint: "if that is wrong, change the answer it depends on")) {
            try decide(.start, "residence-permit", facts: eu)
        }
    }

    @Test("a locked step whose condition is undecided names the facts to answer")
    func undecidedLockNamesFacts() async {
        #expect(throws: EngineError(.invalidTransition, "cannot start step 'residence-permit': it is locked, it depends on 'citizenship', not yet answered",
            hint: "answer 'citizenship' first")) {
            try decide(.start, "residence-permit", facts: [:])
        }
    }

    @Test("only optional steps can be skipped")
    func requiredStepsCannotBeSkipped() async throws {
        let done: [StepID: StepProgress] = ["registration": .completed, "receive-personnummer": .completed]
        #expect(throws: EngineError(.invalidTransition, "step 'id-card' is required and cannot be skipped", hint: "only optional steps can be skipped")) {
            try decide(.skip, "id-card", facts: eu, progress: done)
        }
        #expect(try decide(.skip, "driving-licence", facts: eu, progress: done) == .skipped)
    }

    @Test("a group is acted on through its alternatives")
    func groupsNameTheirAlternatives() async {
        #expect(throws: EngineError(.invalidTransition, "'number' is a choice between alternatives, not a step of its own",
            hint: "complete one of: receive-personnummer, coordination-number")) {
            try decide(.complete, "number", facts: eu, progress: ["registration": .completed])
        }
    }

    @Test("repeating a start or a completion changes nothing")
    func repeatsAreIdempotent() async throws {
        var facts = eu
        facts["fullName"] = .text("Test Testsson")
        #expect(try decide(.start, "registration", facts: facts, progress: ["registration": .started]) == nil)
        #expect(try decide(.complete, "registration", facts: facts, progress: ["registration": .completed]) == nil)
    }

    @Test("only a started or submitted step can be rejected, and a rejected step can be started again")
    func rejectionRules() async throws {
        var facts = eu
        facts["fullName"] = .text("Test Testsson")
        #expect(throws: EngineError.self) { try decide(.reject(reason: nil), "registration", facts: facts) }
        #expect(try decide(.reject(reason: "late"), "registration", facts: facts, progress: ["registration": .waitingOnAgency(caseReference: nil)])
            == .rejected(reason: "late"))
        #expect(try decide(.start, "registration", facts: facts, progress: ["registration": .rejected(reason: nil)]) == .started)
        #expect(throws: EngineError.self) { try decide(.complete, "registration", facts: facts, progress: ["registration": .rejected(reason: nil)]) }
    }

    @Test("the agency can ask for action only on a step it has")
    func agencyRequestsNeedACase() async throws {
        var facts = eu
        facts["fullName"] = .text("Test Testsson")
        #expect(throws: EngineError.self) { try decide(.requestAction(message: "x"), "registration", facts: facts) }
        #expect(try decide(.requestAction(message: "Send a copy"), "registration", facts: facts,
            progress: ["registration": .waitingOnAgency(caseReference: "K1")]) == .needsAction(message: "Send a copy"))
        #expect(try decide(.submitted(caseReference: "K1"), "registration", facts: facts) == .waitingOnAgency(caseReference: "K1"))
    }
}
