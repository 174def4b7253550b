import Foundation
import JourneyEngine
import JourneyGuide
import JourneyModel
import Testing

/// Whole conversations with the guide, driven by a scripted terminal over a real database, checked against
/// golden transcripts in both languages.
@Suite("Conversations with the guide")
struct GuideConversationTests {
    let fixture: GuideFixture

    init() throws { fixture = try GuideFixture() }

    @Test("a newcomer picks a life event, gets a reference to write down, and answers with a re-prompt and a way back",
        arguments: Language.authoring)
    func newcomerPicksJourneyAndAnswers(language: Language) async throws {
        let terminal = ScriptedTerminal(["2", "n", language == .sv ? "Tyskland" : "Germany", "maybe", "yes", "b", "no", "q"])
        let outcome = await fixture.converse(terminal, language: language)
        #expect(outcome == .finished)
        #expect(terminal.remaining() == 0)
        try Golden.check(terminal.transcript, "newcomer-\(language).txt")
        let reference = try #require(GuideFixture.reference(in: terminal.transcript))
        let overview = try await fixture.engine.overview(.id(reference))
        #expect(overview.facts["citizenship"]?.value == .country(CountryCode("DE")!))
        // Going back re-asked the last answer, and the new answer replaced it.
        #expect(overview.facts["stayAtLeastOneYear"]?.value == .bool(false))
    }

    @Test("a wrong personnummer is explained without repeating it and asked again; the number is never shown",
        arguments: Language.authoring)
    func wrongNumberIsAskedAgainWithoutEcho(language: Language) async throws {
        let terminal = ScriptedTerminal(["19900101-2386", "1990-01-01", "lp-0000000000", OfficialTestNumbers.personnummer, "q"])
        await #expect(fixture.converse(terminal, language: language, journey: "starting-a-business") == .finished)
        #expect(terminal.remaining() == 0)
        try Golden.check(terminal.transcript, "identity-\(language).txt")
        for digits in ["2386", "2385", "900101"] { #expect(!terminal.printed.contains(digits)) }
        let number = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        #expect(try await fixture.view(.identity(number), "starting-a-business").enrollment.status == .active)
    }

    @Test("the steps show every state with what it waits for, why it is not needed, the agency, cost and link",
        arguments: Language.authoring)
    func progressShowsEveryState(language: Language) async throws {
        let number = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await fixture.engine.enroll(.identity(number), in: "starting-a-business").enrollment.person
        _ = try await fixture.engine.answer(person: person, answers: [("businessForm", "enskildFirma"), ("companyName", "Testkrogen"),
            ("industry", "restaurant"), ("handlesFood", "yes"), ("servesAlcohol", "yes"), ("expectedAnnualTurnover", "2500000"),
            ("employees", "2"), ("expectedProfit", "300000"), ("sellsForCashOrCard", "yes")])
        let engine = fixture.engine
        _ = try await engine.apply(.complete, step: "name-check", person: person)
        _ = try await engine.apply(.skip, step: "register-sole-trader", person: person)
        // F-tax first: the steps after it wait for it to be done.
        _ = try await engine.apply(.complete, step: "f-skatt", person: person)
        _ = try await engine.apply(.submitted(caseReference: "KOM-2026-17"), step: "food-premises-registration", person: person)
        _ = try await engine.apply(.start, step: "vat-registration", person: person)
        _ = try await engine.apply(.start, step: "employer-registration", person: person)
        _ = try await engine.apply(.requestAction(message: "send the signed form"), step: "employer-registration", person: person)
        _ = try await engine.apply(.start, step: "staff-register", person: person)
        _ = try await engine.apply(.reject(reason: "the register lacks the owner"), step: "staff-register", person: person)
        let terminal = ScriptedTerminal(["q"])
        await #expect(fixture.converse(terminal, language: language, person: OfficialTestNumbers.personnummer) == .finished)
        try Golden.check(terminal.transcript, "progress-\(language).txt")
        #expect(!terminal.printed.contains("2385"))
    }

    @Test("marking a step done that gives the personnummer asks for it, keeps it as said without linking it, and then asks what became relevant",
        arguments: Language.authoring)
    func producedNumberIsAskedWhenTheStepIsDone(language: Language) async throws {
        let person = try await fixture.newcomerAwaitingNumber()
        // Step 9, Receive your personal identity number → I have done this.
        let terminal = ScriptedTerminal(["8", "1", "19900101-2386", OfficialTestNumbers.personnummer, "q"])
        await #expect(fixture.converse(terminal, language: language, journey: "new-in-sweden", person: person.rawValue) == .finished)
        #expect(terminal.remaining() == 0)
        try Golden.check(terminal.transcript, "produced-number-\(language).txt")
        for digits in ["2386", "2385", "900101"] { #expect(!terminal.printed.contains(digits)) }
        // The step is done and the number kept as the person said it; a typed number names no one (issue 15).
        let view = try await fixture.view(.id(person), "new-in-sweden")
        #expect(view.plan.status(of: "receive-personnummer")?.state == .done)
        let overview = try await fixture.engine.overview(.id(person))
        #expect(overview.facts["personnummer"]?.source == .step("receive-personnummer"))
        #expect(overview.person.identity == nil)
    }

    @Test("going back from the number a step gave leaves the step not done")
    func backFromProducedNumberLeavesStepOpen() async throws {
        let person = try await fixture.newcomerAwaitingNumber()
        let terminal = ScriptedTerminal(["8", "1", "b", "q"])
        await fixture.converse(terminal, journey: "new-in-sweden", person: person.rawValue)
        #expect(terminal.transcript.contains("Not marked as done: Receive your personal identity number."))
        await #expect(try fixture.view(.id(person), "new-in-sweden").plan.status(of: "receive-personnummer")?.state == .available)
    }

    @Test("changing an answer recomputes the plan and says which steps are now needed", arguments: Language.authoring)
    func changingAnAnswerRecomputesThePlan(language: Language) async throws {
        let person = try await fixture.engine.enroll(.new, in: "new-in-sweden").enrollment.person
        _ = try await fixture.engine.answer(person: person, answers: [("citizenship", "DE"), ("stayAtLeastOneYear", "yes"),
            ("fullName", "Test Testsson"), ("address", "Testgatan 1"), ("alreadyRegistered", "no"), ("movingWithPartner", "no"), ("hasChildren", "no")])
        let terminal = ScriptedTerminal(["c", "1", language == .sv ? "Indien" : "India", "q"])
        await fixture.converse(terminal, language: language, journey: "new-in-sweden", person: person.rawValue)
        #expect(terminal.remaining() == 0)
        try Golden.check(terminal.transcript, "change-answer-\(language).txt")
        let plan = try await fixture.view(.id(person), "new-in-sweden").plan
        #expect(plan.status(of: "residence-permit")?.state == .available)
        #expect(plan.status(of: "population-registration")?.state == .locked)
    }

    @Test("a returning person continues their only journey at once, with no question asked twice")
    func returningPersonResumesAutomatically() async throws {
        let first = ScriptedTerminal(["2", "n", "Germany"])
        await #expect(fixture.converse(first) == .finished)
        #expect(first.transcript.hasSuffix("To continue, run: lotsen guide new-in-sweden --person \(try #require(GuideFixture.reference(in: first.transcript)))\n"))
        let reference = try #require(GuideFixture.reference(in: first.transcript))
        let second = ScriptedTerminal([])
        await fixture.converse(second, person: reference.rawValue)
        #expect(second.screens == 1)
        #expect(second.transcript.contains("Welcome back. You continue where you left off: New in Sweden."))
        #expect(second.transcript.contains("Will you live in Sweden for at least one year?"))
        #expect(!second.transcript.contains("Which country are you a citizen of?"))
    }

    @Test("a person with several journeys picks one from the menu, which shows how far each has come")
    func menuMarksStartedJourneys() async throws {
        let person = try await fixture.engine.enroll(.new, in: "new-in-sweden").enrollment.person
        _ = try await fixture.engine.enroll(.id(person), in: "starting-a-business")
        let terminal = ScriptedTerminal(["5", "3", "q"])
        await fixture.converse(terminal, person: person.rawValue)
        #expect(terminal.transcript.contains("You have started this: 0 of 17 steps done."))
        #expect(terminal.transcript.contains("Type a number from 1 to 4 or q to quit."))
        #expect(terminal.transcript.contains("Welcome back. You continue where you left off: Start a business."))
    }

    @Test("a journey name that does not exist is explained above the menu")
    func unknownJourneyShowsMenu() async throws {
        let terminal = ScriptedTerminal(["q"])
        await #expect(fixture.converse(terminal, journey: "new-in-swedn") == .finished)
        #expect(terminal.transcript.contains("There is no life event called 'new-in-swedn'. Choose one from the list."))
        #expect(terminal.transcript.hasSuffix("Nothing was saved. To begin again, run: lotsen guide\n"))
    }

    @Test("Ctrl-C stops at once, says that everything is saved and how to continue", arguments: Language.authoring)
    func interruptSavesAndSaysHowToContinue(language: Language) async throws {
        let terminal = ScriptedTerminal(["2", "n", language == .sv ? "Tyskland" : "Germany"], then: .interrupted)
        await #expect(fixture.converse(terminal, language: language) == .interrupted)
        try Golden.check(String(terminal.transcript.suffix(from: try #require(terminal.transcript.range(of: "^C", options: .backwards)).lowerBound)),
            "interrupted-\(language).txt")
        let reference = try #require(GuideFixture.reference(in: terminal.transcript))
        await #expect(try fixture.engine.overview(.id(reference)).facts["citizenship"] != nil)
    }

    @Test("Ctrl-C before anything was saved says so")
    func interruptBeforeAnythingSaved() async throws {
        let terminal = ScriptedTerminal([], then: .interrupted)
        await #expect(fixture.converse(terminal) == .interrupted)
        #expect(terminal.transcript.hasSuffix("Stopped.\nNothing was saved. To begin again, run: lotsen guide\n"))
    }
}
