import Foundation
import JourneyEngine
import JourneyGuide
import JourneyModel
import JourneyStore
import Testing

/// The person's news in the guide: new reminders on the first screen, once.
@Suite("News in the guide")
struct GuideNewsTests {
    let fixture: GuideFixture

    init() throws { fixture = try GuideFixture() }

    @Test("new reminders show on the first screen, oldest first, and not again on the next visit", arguments: Language.authoring)
    func remindersOnFirstScreen(language: Language) async throws {
        let engine = fixture.engine
        let person = try await engine.enroll(.new, in: "starting-a-business").enrollment.person
        _ = try await engine.answer(person: person, answers: [("businessForm", "aktiebolag"), ("companyName", "Testbolaget AB")])
        _ = try await engine.apply(.complete, step: "name-check", person: person)
        _ = try await engine.apply(.complete, step: "articles-of-association", person: person)
        let due = try #require(try await fixture.view(.id(person), "starting-a-business").enrollment.steps["register-limited-company"]?.due)
        // The worker's passes, three days before the deadline and a day after it.
        _ = try await fixture.store.fireDueTimers(at: due.addingTimeInterval(-3 * 86_400), limit: 10)
        _ = try await fixture.store.fireDueTimers(at: due.addingTimeInterval(86_400), limit: 10)

        let terminal = ScriptedTerminal(["q"])
        await #expect(fixture.converse(terminal, language: language, person: person.rawValue) == .finished)
        #expect(terminal.screens == 1)
        try Golden.check(terminal.transcript, "news-\(language).txt")
        #expect(try await engine.news(of: person).allSatisfy { $0.readAt == GuideFixture.now })

        let again = ScriptedTerminal(["q"])
        await fixture.converse(again, language: language, person: person.rawValue)
        #expect(!again.transcript.contains(language == .sv ? "Påminnelse" : "Reminder"))
    }
}
