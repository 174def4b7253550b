import Foundation
import JourneyModel
import Testing

@Suite("Translations: files beside what they translate, checked against the English source")
struct TranslationTests {
    static let journeys = ValidatorFixtures.fixturesDirectory.appendingPathComponent("translations/journeys")
    static let journey = journeys.appendingPathComponent("learn-swedish.yaml")

    static func library() -> JourneyLibrary {
        JourneyLibrary.load(journeyFiles: [journey], adapterFiles: [], journeyTranslationFiles: JourneyLibrary.translationFiles(in: journeys),
            displayRoot: ValidatorFixtures.packageRoot)
    }

    @Test("the short source hash is the first 8 hex digits of SHA-256, as sha256sum prints them")
    func sourceHashMatchesSHA256() {
        #expect(SourceHash.of("") == "e3b0c442")
        #expect(SourceHash.of("abc") == "ba7816bf")
        #expect(SourceHash.of("New in Sweden") == "89797f2e")
        // More than one 64-byte block, and UTF-8 beyond ASCII.
        #expect(SourceHash.of(String(repeating: "å", count: 100)) == "fd0cdd99")
    }

    @Test("missing, stale, unknown, misplaced and malformed translations are reported as in the golden file, with coverage")
    func diagnosticsMatchGolden() throws {
        let library = Self.library()
        let lines = ValidatorFixtures.rendered(library.diagnostics.sortedByLocation()) + library.coverage.map(\.description)
        try Golden.check(lines, for: ValidatorFixtures.fixturesDirectory.appendingPathComponent("translations/library"))
        // Coverage alone never makes the files invalid: the journey loads, and only malformed files are errors.
        #expect(library.journey(JourneyID("learn-swedish")) != nil)
        #expect(!library.diagnostics.contains { $0.severity == .error && $0.file.hasSuffix("journeys/learn-swedish.yaml") })
    }

    @Test("a text resolves to a current translation, shows a stale one but says so, and falls back to English when missing")
    func resolution() throws {
        let journey = try #require(Self.library().journey(JourneyID("learn-swedish")))
        let title = journey.title.resolved(in: .ar)
        #expect(title == ResolvedText(text: "تعلّم السويدية", language: .ar))
        #expect(!title.fellBack(from: .ar))
        let sfi = try #require(journey.step(StepID("sfi"))).title.resolved(in: .ar)
        #expect(sfi.language == .ar && sfi.isStale && sfi.text.contains("SFI"))
        let summary = journey.summary.resolved(in: .ar)
        #expect(summary == ResolvedText(text: "Swedish for adults.", language: .en))
        #expect(summary.fellBack(from: .ar))
        #expect(journey.summary[.ar] == "Swedish for adults.")
        #expect(journey.title[.sv] == "Lär dig svenska")
        // A language whose file did not load falls back, never blank.
        #expect(journey.title.resolved(in: .uk) == ResolvedText(text: "Learn Swedish", language: .en))
    }

    @Test("every shipped journey and agency is translated, complete and current, in every translated language, and marked unreviewed")
    func shippedTranslationsAreComplete() throws {
        let library = try JourneyLibrary.load(journeysDirectory: ValidatorFixtures.journeysDirectory, adaptersDirectory: ValidatorFixtures.adaptersDirectory,
            displayRoot: ValidatorFixtures.packageRoot)
        #expect(library.diagnostics.isEmpty, "\n\(ValidatorFixtures.rendered(library.diagnostics).joined(separator: "\n"))")
        for language in Language.translated {
            for journey in library.journeys {
                #expect(journey.localizedTexts.allSatisfy { $0.translations[language].map { !$0.isStale } == true }, "\(journey.id) in \(language)")
                #expect(library.translations(of: journey.id).allSatisfy { !$0.reviewed })
            }
            for agency in library.catalog.agencies {
                #expect(agency.localizedTexts.allSatisfy { $0.translations[language] != nil }, "\(agency.id) in \(language)")
            }
        }
    }

    @Test("a skeleton lists every text with its hash and English, keeps translations, flags stale ones, and reads back")
    func skeleton() throws {
        let library = Self.library()
        let existing = try #require(library.translations(of: JourneyID("learn-swedish")).first { $0.language == .ar })
        let source = try String(contentsOf: Self.journey, encoding: .utf8)
        let texts = JourneyLoader.load(source, file: "journeys/learn-swedish.yaml", catalog: nil).texts
        let rendered = TranslationSkeleton.render(texts: texts, existing: existing, language: .ar, translates: "learn-swedish",
            sourceFile: "journeys/learn-swedish.yaml")
        #expect(rendered.contains("  # en: Swedish for adults.\n  summary:\n    source: \(SourceHash.of("Swedish for adults."))\n    text: \"\"\n"))
        #expect(rendered.contains("  # STALE: the English text changed since this was translated; check it, then set source: \(SourceHash.of("Sign up for SFI"))\n"))
        #expect(rendered.contains("    text: \"تعلّم السويدية\"\n"))
        #expect(!rendered.contains("steps.sfy.cost"))
        let reread = TranslationFileLoader.load(rendered, file: "journeys/translations/ar/learn-swedish.yaml", subject: .journey, folderLanguage: "ar")
        #expect(reread.diagnostics.isEmpty)
        #expect(reread.translation?.entries.map(\.path) == ["title", "facts.level.options.none", "steps.sfi.title"])
    }

    @Test("locale strings pick every language: uk_UA.UTF-8, ar-SE, prs for Dari; C picks none")
    func localeIdentifiers() {
        #expect(Language(localeIdentifier: "uk_UA.UTF-8") == .uk)
        #expect(Language(localeIdentifier: "ar-SE") == .ar)
        #expect(Language(localeIdentifier: "prs_AF") == .fa)
        #expect(Language(localeIdentifier: "sv_SE.UTF-8") == .sv)
        #expect(Language(localeIdentifier: "C.UTF-8") == nil)
        #expect(Language(localeIdentifier: "de_DE") == nil)
        #expect(Language.ar.isRightToLeft && Language.fa.isRightToLeft && !Language.uk.isRightToLeft)
        #expect(Language.allCases.map(\.nativeName) == ["Svenska", "English", "العربية", "فارسی", "Soomaali", "ትግርኛ", "Українська"])
    }
}
