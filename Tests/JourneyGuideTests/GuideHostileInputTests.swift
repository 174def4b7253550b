import Foundation
import JourneyEngine
import JourneyGuide
import JourneyModel
import Testing

/// What a person types is checked against the fact, in their language, and what the guide shows can never act on
/// the terminal, whatever was stored.
@Suite("The guide with hostile and mistyped input")
struct GuideHostileInputTests {
    let fixture: GuideFixture

    init() throws { fixture = try GuideFixture() }

    static let hostile = "\u{1B}[2J\u{1B}[31mRED\u{1B}]0;pwned\u{07} x\r\nfake: line"

    /// Whether `text` has any control character but the line feeds between rows.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && ControlCharacters.isControl($0) }
    }

    @Test("-1 and 1,5 employees are refused in the reader's language with the range; the decimal comma is understood in Swedish",
        arguments: Language.authoring)
    func numbersAreChecked(language: Language) async throws {
        let number = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await fixture.engine.enroll(.identity(number), in: "starting-a-business").enrollment.person
        _ = try await fixture.engine.answer(person: person, answers: [("businessForm", "enskildFirma"), ("companyName", "Testkrogen"),
            ("industry", "restaurant"), ("handlesFood", "yes"), ("servesAlcohol", "yes"), ("expectedProfit", "300000"), ("sellsForCashOrCard", "yes")])
        // Approved for F-tax: the steps that depend on turnover and employees are next, so the guide asks for them.
        _ = try await fixture.engine.apply(.complete, step: "name-check", person: person)
        _ = try await fixture.engine.apply(.complete, step: "register-sole-trader", person: person)
        _ = try await fixture.engine.apply(.complete, step: "f-skatt", person: person)
        let turnover = language == .sv ? "2 500 000,5" : "2,500,000.5"
        let terminal = ScriptedTerminal(["-5", turnover, "-1", "1,5", "2", "q"])
        await #expect(fixture.converse(terminal, language: language, person: OfficialTestNumbers.personnummer) == .finished)
        #expect(terminal.remaining() == 0)
        try Golden.check(terminal.transcript, "numbers-\(language).txt")
        let facts = try await fixture.engine.overview(.id(person)).facts
        #expect(facts["expectedAnnualTurnover"]?.value == .number(2_500_000.5))
        #expect(facts["employees"]?.value == .number(2))
    }

    @Test("a name with escape codes, a bell and a forged line is refused and asked again, and nothing of it is printed",
        arguments: Language.authoring)
    func hostileNameIsRefused(language: Language) async throws {
        let question = language == .sv ? "Vad heter du?" : "What is your full name?"
        var queue = ["n", "DE", "yes", "no", "no", "no", "Testgatan 1"][...]
        var typed = 0
        let script = ScriptedTerminal { _, screen in
            // The name is first typed with control characters, then plainly; every other question from the queue.
            if typed < 2, screen.contains(where: { $0.contains(question) }) {
                typed += 1
                return .line(typed == 1 ? Self.hostile : "Test Testsson")
            }
            return .line(queue.popFirst() ?? "q")
        }
        await #expect(fixture.converse(script, language: language, journey: "new-in-sweden") == .finished)
        #expect(typed == 2)
        #expect(script.printed.contains(language == .sv ? "tecken 1 är ett styrtecken (U+001B)" : "character 1 is a control character (U+001B)"))
        #expect(!script.printed.contains("pwned"))
        #expect(!Self.hasControlCharacters(script.printed))
        let reference = try #require(GuideFixture.reference(in: script.transcript))
        #expect(try await fixture.engine.overview(.id(reference)).facts["fullName"]?.value == .text("Test Testsson"))
    }

    @Test("an agency message stored with control characters is shown with visible escapes and forges no line")
    func storedMessageIsShownHarmlessly() async throws {
        let number = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await fixture.engine.enroll(.identity(number), in: "starting-a-business").enrollment.person
        _ = try await fixture.engine.answer(person: person, answers: [("businessForm", "enskildFirma"), ("companyName", "Testkrogen"),
            ("industry", "restaurant"), ("handlesFood", "yes"), ("servesAlcohol", "yes"), ("expectedAnnualTurnover", "2500000"),
            ("employees", "2"), ("expectedProfit", "300000")])
        _ = try await fixture.engine.apply(.complete, step: "name-check", person: person)
        _ = try await fixture.engine.apply(.complete, step: "register-sole-trader", person: person)
        _ = try await fixture.engine.apply(.submitted(caseReference: "SKV-1"), step: "f-skatt", person: person)
        await #expect(throws: EngineError.self) { try await fixture.engine.apply(.requestAction(message: Self.hostile), step: "f-skatt", person: person) }
        // Decided and committed directly, past the edges that now refuse it: as a message stored before the rule.
        let snapshot = try await fixture.engine.snapshot(of: person)
        try await fixture.engine.commit([try await fixture.engine.change(.requestAction(message: Self.hostile), step: "f-skatt", on: snapshot)])
        let terminal = ScriptedTerminal(["q"])
        await #expect(fixture.converse(terminal, language: .en, person: OfficialTestNumbers.personnummer) == .finished)
        // Wrapped to the terminal's width like any text, so compared with the rows joined.
        let joined = terminal.printed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(joined.contains(#"\u{1B}[2J\u{1B}[31mRED\u{1B}]0;pwned\u{07} x\u{0D}\u{0A}fake: line"#))
        #expect(!Self.hasControlCharacters(terminal.printed))
        #expect(!terminal.printed.split(separator: "\n").contains { $0.hasPrefix("fake: line") })
    }
}
