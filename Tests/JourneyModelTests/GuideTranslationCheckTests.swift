import Foundation
import Testing

@testable import JourneyModel

@Suite("Translations of the guide's words: placeholders, coverage and where problems are reported")
struct GuideTranslationCheckTests {
    static let texts = [
        SourceText(path: "choice-prompt", english: "Your choice:", line: 0, column: 0),
        SourceText(path: "choose.numbers", english: "a number from 1 to {count}", line: 0, column: 0),
        SourceText(path: "who-are-you", english: "Who are you?", line: 0, column: 0),
    ]

    static func load(_ text: String, language: String = "uk") -> (TranslationFile?, [Diagnostic]) {
        TranslationFileLoader.load(text, file: "journeys/translations/\(language)/guide.yaml", subject: .guide, folderLanguage: language)
    }

    @Test("placeholders are named words in braces; values fill them once, and other braces are text")
    func placeholders() {
        #expect(Placeholders.names(in: "a number from {low} to {high}, {low} or {x-1}") == ["low", "high", "x-1"])
        #expect(Placeholders.names(in: "{} { count} {1st} {") == [])
        #expect(Placeholders.fill("from {low} to {high} {other}", with: ["low": "{high}", "high": "3"]) == "from {high} to 3 {other}")
        #expect(Placeholders.fill("{a}{a}", with: ["a": "x"]) == "xx")
    }

    @Test("a translation that drops or invents a placeholder is an error at its entry; a stale one a warning; an empty one missing")
    func placeholderErrors() throws {
        let (file, loadDiagnostics) = Self.load("""
            language: uk
            translates: guide
            strings:
              choice-prompt:
                source: \(SourceHash.of("Your choice:"))
                text: "Ваш вибір: {choice}"
              choose.numbers:
                source: \(SourceHash.of("a number from 1 to {count}"))
                text: "число від 1 до {кількість}"
              who-are-you:
                source: \(SourceHash.of("Who are you?"))
                text: ""
            """)
        #expect(loadDiagnostics.isEmpty)
        let translation = try #require(file)
        let (diagnostics, coverage) = GuideTranslationCheck.check([translation], against: Self.texts)
        let lines = diagnostics.sortedByLocation().map(\.description)
        #expect(lines == [
            "journeys/translations/uk/guide.yaml:4:3: error: strings.choice-prompt: the Ukrainian translation invents {choice}; English is shown (the English has no placeholders: the guide fills them in)",
            "journeys/translations/uk/guide.yaml:7:3: error: strings.choose.numbers: the Ukrainian translation drops {count}; English is shown (keep {count} as written: the guide fills them in)",
            "journeys/translations/uk/guide.yaml:10:3: warning: strings.who-are-you: no Ukrainian translation (uk); English is shown (fill in its text)",
        ])
        #expect(coverage.description == "guide: translations of 3 texts: ar none, fa none, so none, ti none, uk 2/3 (66%, unreviewed)")
    }

    @Test("a skeleton with nothing translated yet is only a coverage of 0, not a warning per text")
    func nothingTranslatedIsQuiet() throws {
        let translation = try #require(Self.load("language: fa\ntranslates: guide\nreviewed: false\nstrings: {}\n", language: "fa").0)
        let (diagnostics, coverage) = GuideTranslationCheck.check([translation], against: Self.texts)
        #expect(diagnostics.isEmpty)
        #expect(coverage.counts[.fa] == TranslationCoverage.Count(translated: 0, stale: 0, reviewed: false))
        #expect(coverage.description.contains("fa 0/3 (0%, unreviewed)"))
    }

    @Test("a stale translation and an unknown key are reported at their entries, with the English to check against")
    func staleAndUnknown() throws {
        let translation = try #require(Self.load("""
            language: uk
            translates: guide
            strings:
              who-are-you:
                source: 0badcafe
                text: "Хто ви?"
              who-are-yuo:
                source: 0badcafe
                text: "Хто ви?"
            """).0)
        let lines = GuideTranslationCheck.check([translation], against: Self.texts).diagnostics.sortedByLocation().map(\.description)
        #expect(lines.contains(
            "journeys/translations/uk/guide.yaml:4:3: warning: strings.who-are-you: stale Ukrainian translation: the English text changed since (source 0badcafe, now \(SourceHash.of("Who are you?"))) (check the translation against the English 'Who are you?', then set source: \(SourceHash.of("Who are you?")))"))
        #expect(lines.contains(
            "journeys/translations/uk/guide.yaml:7:3: error: strings.who-are-yuo: guide has no text 'who-are-yuo' (did you mean 'who-are-you'?)"))
    }

    @Test("a guide translation must translate 'guide' and may not be Swedish")
    func guideFileHeader() {
        let wrong = Self.load("language: uk\ntranslates: new-in-sweden\nstrings: {}\n")
        #expect(wrong.0 == nil)
        #expect(wrong.1.map(\.message).contains("a translation of the guide's words translates 'guide', not 'new-in-sweden'"))
        let swedish = Self.load("language: sv\ntranslates: guide\nstrings: {}\n", language: "sv")
        #expect(swedish.1.map(\.message).contains("Swedish is written in the guide's Swift source itself"))
    }

    @Test("the library reads translations/<lang>/guide.yaml as the guide's, never as a journey's, and refuses a journey called guide")
    func libraryReadsGuideFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guide-translations-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ukrainian = folder.appendingPathComponent("journeys/translations/uk")
        try FileManager.default.createDirectory(at: ukrainian, withIntermediateDirectories: true)
        try "language: uk\ntranslates: guide\nstrings:\n  who-are-you:\n    source: \(SourceHash.of("Who are you?"))\n    text: \"Хто ви?\"\n"
            .write(to: ukrainian.appendingPathComponent("guide.yaml"), atomically: true, encoding: .utf8)
        let journey = folder.appendingPathComponent("journeys/guide.yaml")
        try "id: guide\n".write(to: journey, atomically: true, encoding: .utf8)
        let library = JourneyLibrary.load(journeyFiles: [journey], adapterFiles: [],
            journeyTranslationFiles: JourneyLibrary.translationFiles(in: folder.appendingPathComponent("journeys")), displayRoot: folder)
        #expect(library.guideTranslation(.uk)?.entry("who-are-you")?.text == "Хто ви?")
        #expect(library.guideTranslation(.ar) == nil)
        #expect(library.translations.isEmpty)
        #expect(library.diagnostics.map(\.description) == [
            "journeys/guide.yaml: error: a journey cannot be called 'guide': translations/<lang>/guide.yaml translates the guide's own words (rename the file and its id)",
        ])
    }
}
