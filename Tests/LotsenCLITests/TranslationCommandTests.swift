import Foundation
import Testing

@Suite("Languages on the command line: --lang and LANG, validate's coverage, translations update")
struct TranslationCommandTests {
    let runner = CLIRunner()

    @Test("validate prints each file's coverage per language and stays clean when the only findings are coverage")
    func validatePrintsCoverage() async throws {
        defer { runner.remove() }
        let result = try await runner.run(["validate"])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        // The texts issue 17 added or changed wait for translators: missing and stale, warned about, and still valid.
        #expect(result.output.contains(
            "journeys/new-in-sweden.yaml: translations of 115 texts: ar 115/115 (100%, unreviewed), fa 115/115 (100%, unreviewed), so 115/115 (100%, unreviewed), ti 115/115 (100%, unreviewed), uk 115/115 (100%, unreviewed)\n"))
        #expect(result.output.contains("adapters/skatteverket.yaml: translations of 18 texts: ar 18/18 (100%, unreviewed)"))
        #expect(result.output.contains("journeys/starting-a-business.yaml: translations of 80 texts: ar 80/80 (100%, unreviewed), fa 80/80 (100%, unreviewed), so 80/80 (100%, unreviewed), ti 80/80 (100%, unreviewed), uk 80/80 (100%, unreviewed)\n"))
        #expect(result.output.contains("journeys/becoming-a-parent.yaml: translations of 52 texts: ar 52/52 (100%, unreviewed)"))
        #expect(!result.output.contains("error:"))
    }

    @Test("--lang ar and LANG=uk_UA.UTF-8 show the translated journey; an unknown language is refused with the list")
    func languageOptionAndLocale() async throws {
        defer { runner.remove() }
        let arabic = try await runner.run(["show", "new-in-sweden", "--lang", "ar"])
        #expect(arabic.status == 0, "\(arabic.error)")
        #expect(arabic.output.contains("جديد في السويد"))
        let ukrainian = try await runner.run(["show", "new-in-sweden"], environment: ["LANG": "uk_UA.UTF-8"])
        #expect(ukrainian.output.contains("Нові у Швеції"))
        let german = try await runner.run(["show", "new-in-sweden", "--lang", "de"])
        #expect(german.status != 0)
        #expect(german.error.contains("- uk"))
    }

    @Test("translations update keeps the translations, marks one whose English changed as stale, and validate then warns and exits 0")
    func updateMarksStale() async throws {
        defer { runner.remove() }
        let journeys = runner.folder.appendingPathComponent("journeys")
        let arabic = journeys.appendingPathComponent("translations/ar")
        try FileManager.default.createDirectory(at: arabic, withIntermediateDirectories: true)
        let source = try String(contentsOf: CLIRunner.root.appendingPathComponent("journeys/new-in-sweden.yaml"), encoding: .utf8)
        try source.replacingOccurrences(of: "title: { sv: Ny i Sverige, en: New in Sweden }", with: "title: { sv: Ny i Sverige, en: New to Sweden }")
            .write(to: journeys.appendingPathComponent("new-in-sweden.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("journeys/translations/ar/new-in-sweden.yaml"),
            to: arabic.appendingPathComponent("new-in-sweden.yaml"))
        let adapters = CLIRunner.root.appendingPathComponent("adapters").path

        let update = try await runner.run(["translations", "update", "--lang", "ar", "new-in-sweden", "--journeys", journeys.path, "--adapters", adapters])
        #expect(update.status == 0, "\(update.error)")
        #expect(update.output.hasSuffix("new-in-sweden.yaml: 115/115 texts translated\n"), "\(update.output)")
        let file = try String(contentsOf: arabic.appendingPathComponent("new-in-sweden.yaml"), encoding: .utf8)
        #expect(file.contains("""
              # en: New to Sweden
              # STALE: the English text changed since this was translated; check it, then set source: 55c6436b
              title:
                source: 89797f2e
                text: "جديد في السويد"
            """))

        let validate = try await runner.run(["validate", journeys.appendingPathComponent("new-in-sweden.yaml").path, "--adapters", adapters])
        #expect(validate.status == 0, "\(validate.output)")
        #expect(validate.output.contains("warning: strings.title: stale Arabic translation: the English text changed since (source 89797f2e, now"))
        #expect(validate.output.contains("ar 115/115 (100%, 1 stale, unreviewed), fa none,"), "a language with no file reads none")
    }
}
