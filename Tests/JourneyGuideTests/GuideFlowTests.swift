import Foundation
import JourneyAdapters
import JourneyEngine
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

@testable import JourneyGuide

/// The guide without dead ends (issue 17, parts 5 and 7): only choices the engine accepts, step numbers that never
/// move, a way back from a rejection, what to do when an agency asks for something, and a plain mode that says what
/// changed instead of reading out every step again.
@Suite("Guide: no dead ends, and a plain mode that says what changed")
struct GuideFlowTests {
    let fixture: GuideFixture

    init() throws { fixture = try GuideFixture() }

    /// Runs one conversation in `journey` with the sandbox's agencies and identity provider, as the person with `number`.
    static func converse(_ terminal: ScriptedTerminal, _ fixture: GuideFixture, language: Language, journey: String,
        person: String = OfficialTestNumbers.personnummer) async throws -> GuideSession.Outcome
    {
        let sandbox = try SandboxAgencies(statePath: nil)
        let root = try await sandbox.start()
        sandbox.approveLogins(automatically: true)
        let adapter = HTTPAgencyAdapter(catalog: GuideFixture.library.catalog, sandbox: root, environment: [:])
        // The engine's fixed clock, so an application sent again after a rejection is newer than the step's restart.
        let exchange = AgencyExchange(engine: fixture.engine, store: fixture.store, adapter: adapter, clock: { GuideFixture.now })
        let client = SandboxAgencies.identityClient
        let identity = OIDCIdentityProvider(OIDCConfiguration(issuer: try #require(sandbox.identityIssuer), clientID: client.id, clientSecret: client.secret))
        let session = GuideSession(engine: fixture.engine, terminal: terminal, language: language, journey: journey, person: person,
            exchange: exchange, identity: identity, practice: true)
        let outcome = await session.run()
        await identity.shutdown()
        await adapter.shutdown()
        await sandbox.stop()
        return outcome
    }

    /// Also settled, so the only steps left to act on are the ones the tests choose.
    static let settledAnswers: [(fact: FactID, text: String)] = [("lookingForWork", "no"), ("hasForeignDrivingLicence", "no")]

    @Test("plain mode reads out every step once, then after an action says what changed and what to do next; s lists every step again",
        arguments: Language.authoring)
    func plainModeSaysWhatChanged(language: Language) async throws {
        let person = try await fixture.newcomerAwaitingNumber(answering: Self.settledAnswers)
        // 1: a step with nothing to do now, said so; 5: Open a bank account → I have done this; s: every step; q.
        let terminal = ScriptedTerminal(["1", "5", "1", "s", "q"])
        terminal.isPlain = true
        await #expect(fixture.converse(terminal, language: language, journey: "new-in-sweden", person: person.rawValue) == .finished)
        #expect(terminal.remaining() == 0)
        try Golden.check(terminal.transcript, "plain-after-action-\(language).txt")
        let strings = GuideFixture.strings(language)
        // The whole list twice (arriving, and on request), never after the action: each step's title is read out twice.
        #expect(terminal.transcript.components(separatedBy: "\n3 ").count - 1 == 2)
        #expect(terminal.transcript.contains(strings.stepsNotShown(17)))
        for symbol in ["—", "·", "•", "…", "═"] { #expect(!terminal.printed.contains(symbol), "plain mode reads no \(symbol)") }
        await #expect(try fixture.view(.id(person), "new-in-sweden").plan.status(of: "bank-account")?.state == .done)
    }

    @Test("a step keeps its number when it starts waiting, and a number whose step has nothing to do says so")
    func numbersNeverMove() async throws {
        let person = try await fixture.newcomerAwaitingNumber(answering: Self.settledAnswers)
        let before = try await fixture.view(.id(person), "new-in-sweden")
        let numbers = StepNumbers(before)
        let bank = try #require(numbers.number(of: "bank-account"))
        _ = try await fixture.engine.apply(.start, step: "bank-account", person: person)
        _ = try await fixture.engine.apply(.complete, step: "bank-account", person: person)
        let after = try await fixture.view(.id(person), "new-in-sweden")
        #expect(StepNumbers(after).number(of: "bank-account") == bank)
        #expect(StepNumbers(after).steps == numbers.steps)
        // Typing the number of a done step explains, and the prompt comes back.
        let terminal = ScriptedTerminal(["\(bank)", "q"])
        await fixture.converse(terminal, journey: "new-in-sweden", person: person.rawValue)
        #expect(terminal.transcript.contains("Step \(bank), Open a bank account, has nothing to do now: Done"))
    }

    @Test("skipping is offered only where the engine skips: an alternative of an optional group skips the group, a required step offers none")
    func skipOnlyWhatTheEngineSkips() async throws {
        let person = try await fixture.newcomerAwaitingNumber(answering: Self.settledAnswers)
        let view = try await fixture.view(.id(person), "new-in-sweden")
        let strings = GuideFixture.strings(.en)
        let description = StepDescription(journey: view.journey, plan: view.plan, facts: [:], catalog: GuideFixture.library.catalog, strings: strings)
        let exchange = StepScreen(step: try #require(view.journey.step("exchange-driving-licence")), state: .available, description: description,
            strings: strings)
        // The alternative itself is not optional: the engine refuses to skip it, so the guide offers to skip its group.
        #expect(exchange.choices.contains(.skip("driving-licence")))
        #expect(!exchange.choices.contains(.skip("exchange-driving-licence")))
        #expect(exchange.screen.lines.contains { $0.text == "Skip: Your foreign driving licence" })
        let idCard = StepScreen(step: try #require(view.journey.step("id-card")), state: .available, description: description, strings: strings)
        #expect(!idCard.choices.contains { if case .skip = $0 { true } else { false } })
        // A step whose needs are unknown offers nothing that needs them, and says what is missing.
        var missing = StepScreen(step: try #require(view.journey.step("id-card")), state: .available, description: description, strings: strings)
        missing.missing = ["Personal identity number"]
        #expect(missing.choices.isEmpty)
        #expect(missing.screen.lines.contains { $0.text.hasPrefix("Before this step, Lotsen needs: Personal identity number.") })
    }

    @Test("on a short terminal the list fits: only the steps to act on, a count of the rest and the key for all, with Next on screen")
    func shortTerminalKeepsNextOnScreen() async throws {
        let person = try await fixture.newcomerAwaitingNumber(answering: Self.settledAnswers)
        let terminal = ScriptedTerminal(["q"])
        terminal.size = TerminalSize(columns: 80, rows: 40)
        await fixture.converse(terminal, journey: "new-in-sweden", person: person.rawValue)
        let screen = terminal.screen
        #expect(screen.count <= 40)
        #expect(screen.contains { $0.hasPrefix("Next: ") })
        #expect(screen.contains("  s) See all the steps"))
        #expect(screen.contains { $0.hasPrefix("Steps not shown here: ") })
        // A tall terminal shows every step.
        let tall = ScriptedTerminal(["q"])
        tall.size = TerminalSize(columns: 80, rows: 200)
        await fixture.converse(tall, journey: "new-in-sweden", person: person.rawValue)
        #expect(!tall.screen.contains("  s) See all the steps"))
    }

    @Test("c lists every answer the journey can ask, by its label, and one not asked yet can be given there")
    func changeAnyAnswerAskedOrNot() async throws {
        let person = try await fixture.newcomerAwaitingNumber(answering: Self.settledAnswers)
        // c → 7, Passport number (not asked: a German needs no permit) → the number → back at the steps, quit.
        let terminal = ScriptedTerminal(["c", "7", "X1234567", "q"])
        await fixture.converse(terminal, journey: "new-in-sweden", person: person.rawValue)
        #expect(terminal.remaining() == 0)
        #expect(terminal.transcript.contains("  1) Citizenship: Germany"))
        #expect(terminal.transcript.contains("  7) Passport number: not answered yet"))
        // Nor how many children, from someone who said none come.
        #expect(!terminal.transcript.contains("Number of children"))
        // Questions about household members are listed only for members who are coming.
        #expect(!terminal.transcript.contains("your partner"))
        #expect(try await fixture.engine.overview(.id(person)).facts["passportNumber"]?.value == .text("X1234567"))
    }

    @Test("an agency's message is shown in the reader's language only")
    func agencyMessageInTheReadersLanguage() {
        let message = AgencyMessage("Du är försäkrad i Sverige. / You are insured in Sweden.")
        #expect(message.shown(GuideFixture.strings(.sv)) == "Du är försäkrad i Sverige.")
        #expect(message.shown(GuideFixture.strings(.en)) == "You are insured in Sweden.")
        #expect(message.shown(GuideFixture.strings(.uk)) == "\(GuideFixture.strings(.uk).inEnglish) You are insured in Sweden.")
        #expect(AgencyMessage("Send the signed form").shown(GuideFixture.strings(.sv)) == "Send the signed form")
    }

    @Test("a rejected company name: the guide offers to change the answers the application sent, then sends the corrected one",
        arguments: Language.authoring)
    func rejectionOffersToChangeWhatWasSent(language: Language) async throws {
        let number = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await fixture.engine.enroll(.identity(number), in: "starting-a-business").enrollment.person
        // A limited company's name without "AB": the sandbox's Bolagsverket rejects it.
        _ = try await fixture.engine.answer(person: person, answers: [("businessForm", "aktiebolag"), ("companyName", "Testkrogen"),
            ("industry", "consulting"), ("handlesFood", "no"), ("servesAlcohol", "no"), ("expectedProfit", "300000"), ("sellsForCashOrCard", "no")])
        let terminal = ScriptedTerminal(["1", "1",  // step 1, Check the company name → send through Lotsen
               "1", "1",  // log in with e-legitimation → I have approved
               "1",  // yes, send it
               "1", "1",  // step 1 again → check for news: rejected
               "1", "1", "1",  // step 1 → change the answers the application sent → the company name
               "Testkrogen AB",
               "2", "1",  // send the application again → yes, send it
               "q"])
        let outcome = try await Self.converse(terminal, fixture, language: language, journey: "starting-a-business")
        #expect(outcome == .finished)
        #expect(terminal.remaining() == 0)
        try Golden.check(GuideOnceOnlyTests.stable(terminal.transcript), "rejection-\(language).txt")
        let view = try await fixture.view(.id(person), "starting-a-business")
        #expect(view.plan.status(of: "name-check")?.state == .waitingOnAgency)
        #expect(try await fixture.engine.overview(.id(person)).facts["companyName"]?.value == .text("Testkrogen AB"))
    }

    @Test("needs your action says what the agency asks, what to do and where; I have sent it puts the case back with the agency",
        arguments: Language.authoring)
    func needsActionSaysWhatAndWhere(language: Language) async throws {
        let number = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await fixture.engine.enroll(.identity(number), in: "new-in-sweden").enrollment.person
        _ = try await fixture.engine.answer(person: person, answers: [("citizenship", "IN"), ("stayAtLeastOneYear", "yes"), ("alreadyRegistered", "no"),
            ("movingWithPartner", "no"), ("hasChildren", "no"), ("lookingForWork", "no"), ("hasForeignDrivingLicence", "no"), ("fullName", "Test Testsson"),
            ("address", "Testgatan 1, 111 11 Stockholm"), ("passportNumber", "X1234567"), ("permitGround", "work")])
        let terminal = ScriptedTerminal(["1", "1",  // step 1, Residence permit → send through Lotsen
               "1", "1",  // log in with e-legitimation → I have approved
               "1",  // yes, send it
               "1", "1",  // step 1 again → check for news: the agency needs something
               "1", "2",  // step 1 → I have sent what the agency asked for
               "q"])
        let outcome = try await Self.converse(terminal, fixture, language: language, journey: "new-in-sweden")
        #expect(outcome == .finished)
        #expect(terminal.remaining() == 0)
        try Golden.check(GuideOnceOnlyTests.stable(terminal.transcript), "needs-action-\(language).txt")
        let view = try await fixture.view(.id(person), "new-in-sweden")
        #expect(view.plan.status(of: "residence-permit")?.state == .waitingOnAgency)
    }
}
