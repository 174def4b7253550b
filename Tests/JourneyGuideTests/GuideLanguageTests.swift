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
