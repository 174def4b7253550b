import JourneyModel
import Testing

@testable import JourneyEngine

@Suite("Planner: deriving step states from definition, facts and progress")
struct JourneyPlannerTests {
    let journey: Journey

    init() throws { journey = try TestJourneys.load(TestJourneys.move) }

    func plan(_ facts: [FactID: FactValue] = [:], _ progress: [StepID: StepProgress] = [:]) -> JourneyPlan {
        JourneyPlanner.plan(journey, facts: facts, progress: progress)
    }

    func state(_ plan: JourneyPlan, _ step: StepID) -> StepState? { plan.status(of: step)?.state }

    let eu: [FactID: FactValue] = ["citizenship": .country(CountryCode("DE")!), "longStay": .bool(true), "hasChildren": .bool(false)]

    @Test("a fresh enrollment asks only the facts that decide the first steps")
    func freshEnrollmentAsksExactlyDecidingFacts() async {
        let fresh = plan()
        #expect(fresh.status(of: "residence-permit")?.reason == .undecided(missing: ["citizenship"]))
        #expect(state(fresh, "registration") == .locked)
        #expect(fresh.status(of: "registration")?.reason == .waitingFor(["residence-permit"]))
        // longStay decides a later group, whose prerequisites are not met yet: not asked now.
        #expect(fresh.nextActions == [.answer("citizenship")])
        #expect(fresh.ball == .person)
        #expect(fresh.status == .active)
    }

    @Test("a step whose condition is false does not apply and does not hold up later steps")
    func notApplicableSatisfiesPrerequisites() async {
        let planned = plan(eu)
        #expect(state(planned, "residence-permit") == .notApplicable)
        #expect(planned.status(of: "residence-permit")?.reason == .conditionNotMet)
        #expect(state(planned, "registration") == .available)
        #expect(planned.status(of: "registration")?.reason == .needsFacts(["fullName"]))
        #expect(planned.nextActions == [.answer("fullName"), .start("registration")])
    }

    @Test("a non-EU citizen starts with the residence permit")
    func nonEUCitizenNeedsPermitFirst() async {
        let planned = plan(["citizenship": .country(CountryCode("IN")!)])
        #expect(state(planned, "residence-permit") == .available)
        #expect(state(planned, "registration") == .locked)
    }

    @Test("steps whose prerequisites are met together are available in parallel")
    func parallelStepsOpenTogether() async {
        let planned = plan(eu, ["registration": .completed, "receive-personnummer": .completed])
        #expect(state(planned, "number") == .done)
        #expect(state(planned, "id-card") == .available)
        #expect(state(planned, "social-insurance") == .available)
        #expect(state(planned, "driving-licence") == .available)
        #expect(state(planned, "bank") == .locked)
        #expect(state(planned, "child-allowance") == .notApplicable)
    }

    @Test("doing one alternative completes its group and rules out the other")
    func alternativeChosenClosesSiblings() async {
        let planned = plan(eu.merging(["longStay": .bool(false)]) { $1 }, ["registration": .completed, "coordination-number": .completed])
        #expect(state(planned, "number") == .done)
        #expect(planned.status(of: "number")?.reason == .alternativeChosen("coordination-number"))
        #expect(state(planned, "receive-personnummer") == .notApplicable)
    }

    @Test("completing one alternative rules out a sibling that was only started")
    func completedAlternativeOverridesStartedSibling() async throws {
        let both = try TestJourneys.load("""
            id: both
            version: 1
            lifeEvent: residence
            title: { sv: B, en: B }
            summary: { sv: B, en: B }
            steps:
              - id: choose
                title: { sv: V, en: C }
                oneOf:
                  - { id: left, title: { sv: V, en: L } }
                  - { id: right, title: { sv: H, en: R } }
            """)
        let planned = JourneyPlanner.plan(both, facts: [:], progress: ["left": .started, "right": .completed])
        #expect(planned.status(of: "left")?.state == .notApplicable)
        #expect(planned.status(of: "left")?.reason == .alternativeChosen("right"))
        #expect(planned.status == .complete)
    }

    @Test("the group is locked with the union of what its alternatives wait for")
    func lockedGroupExplainsItself() async {
        let planned = plan(eu.filter { $0.key != "longStay" }, ["registration": .completed])
        #expect(state(planned, "number") == .locked)
        #expect(planned.status(of: "number")?.reason == .undecided(missing: ["longStay"]))
        #expect(planned.nextActions.contains(.answer("longStay")))
    }

    @Test("optional steps never block completion")
    func optionalStepsDoNotBlockCompletion() async {
        let planned = plan(eu, ["registration": .completed, "receive-personnummer": .completed, "id-card": .completed, "bank": .completed,
            "social-insurance": .completed])
        #expect(state(planned, "driving-licence") == .available)
        #expect(planned.status == .complete)
        #expect(planned.isComplete)
        #expect(planned.ball == .nobody)
    }

    @Test("a journey with an undecided required step is not complete")
    func undecidedRequiredStepKeepsJourneyOpen() async {
        let planned = plan(eu.filter { $0.key != "hasChildren" }, ["registration": .completed, "receive-personnummer": .completed,
            "id-card": .completed, "bank": .completed, "social-insurance": .completed])
        #expect(state(planned, "child-allowance") == .locked)
        #expect(planned.status == .active)
        #expect(planned.nextActions == [.answer("hasChildren"), .start("driving-licence")])
    }

    @Test("a submitted application puts the ball with the agency")
    func waitingOnAgencyGivesAgencyTheBall() async {
        let planned = plan(["citizenship": .country(CountryCode("IN")!)], ["residence-permit": .waitingOnAgency(caseReference: "MIG-1")])
        #expect(state(planned, "residence-permit") == .waitingOnAgency)
        #expect(planned.status(of: "residence-permit")?.progress == .waitingOnAgency(caseReference: "MIG-1"))
        #expect(planned.ball == .agency)
        #expect(planned.nextActions == [.wait("residence-permit")])
    }

    @Test("an agency's request for action comes before everything else the person can do")
    func needsActionIsListedFirst() async {
        let planned = plan(eu, ["registration": .completed, "receive-personnummer": .completed, "social-insurance": .needsAction(message: "Send form")])
        #expect(planned.nextActions.first == .respond("social-insurance"))
        #expect(planned.ball == .person)
    }

    @Test("a rejected required step blocks the journey until it is tried again")
    func rejectionBlocks() async {
        let planned = plan(["citizenship": .country(CountryCode("IN")!)], ["residence-permit": .rejected(reason: "Incomplete")])
        #expect(planned.status == .blocked)
        #expect(planned.nextActions == [.start("residence-permit")])
        #expect(state(planned, "registration") == .locked)
    }

    @Test("a done step whose condition no longer holds after a changed answer does not apply")
    func changedAnswerRecomputes() async {
        let progress: [StepID: StepProgress] = ["residence-permit": .completed]
        #expect(state(plan(["citizenship": .country(CountryCode("IN")!)], progress), "residence-permit") == .done)
        #expect(state(plan(["citizenship": .country(CountryCode("SE")!)], progress), "residence-permit") == .notApplicable)
    }

    @Test("a fact stored with another type is ignored rather than misread")
    func wronglyTypedFactsAreIgnored() async {
        let planned = plan(["citizenship": .text("Germany")])
        #expect(planned.status(of: "residence-permit")?.reason == .undecided(missing: ["citizenship"]))
    }

    @Test("skipping an optional alternative settles its group")
    func skippedOptionalAlternativeSettlesGroup() async throws {
        let journey = try TestJourneys.load("""
            id: firm
            version: 1
            lifeEvent: startingBusiness
            title: { sv: F, en: F }
            summary: { sv: F, en: F }
            facts:
              form: { type: choice, options: { soleTrader: { sv: EF, en: ST }, limited: { sv: AB, en: Ltd } }, ask: { sv: Form?, en: Form? } }
            steps:
              - id: register
                title: { sv: Registrera, en: Register }
                oneOf:
                  - { id: register-sole-trader, title: { sv: EF, en: ST }, when: form == "soleTrader", optional: true }
                  - { id: register-limited, title: { sv: AB, en: Ltd }, when: form == "limited" }
              - id: tax
                title: { sv: Skatt, en: Tax }
                after: [register]
            """)
        let planned = JourneyPlanner.plan(journey, facts: ["form": .choice("soleTrader")], progress: ["register-sole-trader": .skipped])
        #expect(planned.status(of: "register")?.state == .skipped)
        #expect(planned.status(of: "tax")?.state == .available)
    }
}
