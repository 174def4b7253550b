import Foundation
import JourneyEngine
import JourneyModel
import Testing

@testable import JourneyGuide

@Suite("The first screen offers the languages when nothing chose one")
struct GuideLanguageMenuTests {
    let fixture: GuideFixture

    init() throws { fixture = try GuideFixture() }

    @Test("each language in its own name; picking Ukrainian shows the journey in Ukrainian, with the unreviewed notice")
    func pickUkrainian() async throws {
        let terminal = ScriptedTerminal(["7", "n", "Germany", "q"], width: 10_000)
        let session = GuideSession(engine: fixture.engine, terminal: terminal, language: .en, offerLanguages: true, journey: "new-in-sweden")
        #expect(await session.run() == .finished)
        #expect(terminal.remaining() == 0)
        for language in Language.allCases { #expect(terminal.transcript.contains(") \(language.nativeName)\n")) }
        #expect(terminal.transcript.contains("Громадянином якої країни ви є?"))
        #expect(terminal.transcript.contains(GuideStrings(language: .uk).unreviewedTranslation))
        try Golden.check(terminal.transcript, "language-menu-uk.txt")
    }
}

@Suite("l switches language at any prompt, with progress kept")
struct GuideLanguageSwitchTests {
    let fixture: GuideFixture

    init() throws { fixture = try GuideFixture() }

    @Test("switching to Arabic mid-questions shows the next question in Arabic; the answers before and after are saved")
    func switchToArabic() async throws {
        let terminal = ScriptedTerminal(["n", "Germany", "l", "3", "yes", "q"], width: 10_000)
        await #expect(fixture.converse(terminal, language: .en, journey: "new-in-sweden") == .finished)
        #expect(terminal.remaining() == 0)
        #expect(terminal.transcript.contains("Will you live in Sweden for at least one year?"))
        #expect(terminal.transcript.contains("هل ستعيش في السويد لمدة سنة واحدة على الأقل؟"))
        #expect(terminal.transcript.components(separatedBy: GuideStrings(language: .ar).unreviewedTranslation).count == 2)
        try Golden.check(terminal.transcript, "switch-language-ar.txt")
        let reference = try #require(GuideFixture.reference(in: terminal.transcript))
        let overview = try await fixture.engine.overview(.id(reference))
        #expect(overview.facts["citizenship"]?.value == .country(CountryCode("DE")!))
        #expect(overview.facts["stayAtLeastOneYear"]?.value == .bool(true))
    }
}

@Suite("A journey text with no translation shows in English, marked, never blank")
struct GuideTranslationFallbackTests {
    @Test("with the Ukrainian file of Start a business gone, the menu shows its title and summary in English, each marked")
    func missingTranslationFileFallsBackMarked() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-fallback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["journeys", "adapters"] {
            try FileManager.default.copyItem(at: GuideFixture.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("journeys/translations/uk/starting-a-business.yaml"))
        let library = try JourneyLibrary.load(journeysDirectory: folder.appendingPathComponent("journeys"),
            adaptersDirectory: folder.appendingPathComponent("adapters"))
        let fixture = try GuideFixture()
        let engine = JourneyEngine(library: library, store: fixture.store, clock: { GuideFixture.now })
        let terminal = ScriptedTerminal(["q"], width: 10_000)
        #expect(await GuideSession(engine: engine, terminal: terminal, language: .uk).run() == .finished)
        let strings = GuideStrings(language: .uk)
        let business = try #require(library.journey("starting-a-business"))
        #expect(terminal.transcript.contains("\(strings.inEnglish) \(business.title[.en])"))
        #expect(terminal.transcript.contains("\(strings.inEnglish) \(business.summary[.en])"))
        // The journeys that are translated show in Ukrainian, unmarked.
        #expect(terminal.transcript.components(separatedBy: strings.inEnglish).count - 1 == 2)
        #expect(terminal.transcript.contains("Нові у Швеції"))
        #expect(!terminal.transcript.contains("New in Sweden"))
    }
}

@Suite("A reader types as their keyboard does")
struct GuideKeyboardTests {
    let fixture: GuideFixture

    init() throws { fixture = try GuideFixture() }

    @Test("in Persian, ۲ picks the second life event and نه answers no, as 2 and no would")
    func persianDigitsAndWords() async throws {
        let terminal = ScriptedTerminal(["۲", "n", "Germany", "نه", "q"], width: 10_000)
        #expect(await fixture.converse(terminal, language: .fa) == .finished)
        #expect(terminal.remaining() == 0)
        let person = try #require(GuideFixture.reference(in: terminal.transcript))
        let overview = try await fixture.engine.overview(.id(person))
        #expect(overview.facts["stayAtLeastOneYear"]?.value == .bool(false))
    }
}
