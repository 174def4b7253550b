import JourneyModel
import Testing

@testable import JourneyGuide

@Suite("The guide's words in a translated language: current translations, and English where there is none")
struct GuideStringsTranslationTests {
    static func translation(_ entries: [(key: String, english: String, text: String)], language: Language = .uk) -> TranslationFile {
        TranslationFile(file: "journeys/translations/\(language.rawValue)/guide.yaml", subject: .guide, language: language, translates: "guide",
            reviewed: false, entries: entries.enumerated().map { index, entry in
                TranslationFile.Entry(path: entry.key, source: SourceHash.of(entry.english), text: entry.text, line: index + 5, column: 3)
            })
    }

    @Test("a current translation is shown with its placeholders filled, wherever the translator put them")
    func translatedAndFilled() {
        let strings = GuideStrings(language: .uk, translation: Self.translation([
            ("choose.numbers", "a number from 1 to {count}", "число від 1 до {count}"),
            ("started-mark", "You have started this: {done} of {total} steps done.", "Виконано {done} з {total} кроків: ви вже почали."),
        ]))
        #expect(strings.chooseNumber(upTo: 3, commands: []) == "[англійською] Type число від 1 до 3.")
        #expect(strings.startedMark(done: 2, of: 5) == "Виконано 2 з 5 кроків: ви вже почали.")
    }

    @Test("a stale translation, or one that drops or invents a placeholder, shows English, marked; never blank, never half filled")
    func brokenFallsBackToEnglish() {
        var stale = Self.translation([("choice-prompt", "Your choice:", "Ваш вибір:")]).entries[0]
        stale = TranslationFile.Entry(path: stale.path, source: "0badcafe", text: stale.text, line: stale.line, column: stale.column)
        let strings = GuideStrings(language: .uk, translation: TranslationFile(file: "uk/guide.yaml", subject: .guide, language: .uk,
            translates: "guide", reviewed: false, entries: [stale] + Self.translation([
                ("steps-done", "{done} of {total} steps done", "виконано {done} кроків"),
                ("who-are-you", "Who are you?", "Хто ви, {name}?"),
            ]).entries))
        #expect(strings.choicePrompt == "[англійською] Your choice:")
        #expect(strings.stepsDone(1, of: 4) == "[англійською] 1 of 4 steps done")
        #expect(strings.whoAreYou == "[англійською] Who are you?")
    }

    @Test("while nothing of the guide is translated, its words are English unmarked, as the goldens in ar, so and uk show")
    func nothingTranslatedIsPlainEnglish() {
        let empty = TranslationFile(file: "so/guide.yaml", subject: .guide, language: .so, translates: "guide", reviewed: false, entries: [])
        #expect(GuideStrings(language: .so, translation: empty).whoAreYou == "Who are you?")
        #expect(GuideStrings(language: .so).choicePrompt == "Your choice:")
    }

    @Test("another language's translation is ignored; Swedish and English come from the source whatever is passed")
    func otherLanguagesIgnored() {
        let ukrainian = Self.translation([("who-are-you", "Who are you?", "Хто ви?")])
        #expect(GuideStrings(language: .ar, translation: ukrainian).whoAreYou == "Who are you?")
        #expect(GuideStrings(language: .sv, translation: ukrainian).whoAreYou == "Vem är du?")
        #expect(GuideStrings(language: .en, translation: ukrainian).whoAreYou == "Who are you?")
    }

    @Test("every text of the catalog has a non-empty English and Swedish, and a value for each of its placeholders is filled in")
    func catalogIsWhole() {
        for entry in GuideCatalog.entries {
            #expect(!entry.english.isEmpty && !entry.swedish.isEmpty, "\(entry.key)")
            let values = Dictionary(uniqueKeysWithValues: Placeholders.names(in: entry.english).map { ($0, "X") })
            #expect(!Placeholders.fill(entry.english, with: values).contains(/\{[A-Za-z][A-Za-z0-9-]*\}/), "\(entry.key)")
        }
    }
}
