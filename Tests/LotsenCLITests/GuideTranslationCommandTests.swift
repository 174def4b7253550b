import Foundation
import Testing

@Suite("The guide's words on the command line: validate's coverage and the skeleton writer")
struct GuideTranslationCommandTests {
    let runner = CLIRunner()

    /// A copy of the shipped journeys whose Ukrainian guide translation is `file`.
    func journeys(withUkrainianGuide file: String) throws -> URL {
        let journeys = runner.folder.appendingPathComponent("journeys")
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("journeys"), to: journeys)
        try file.write(to: journeys.appendingPathComponent("translations/uk/guide.yaml"), atomically: true, encoding: .utf8)
        return journeys
    }

    static let adapters = CLIRunner.root.appendingPathComponent("adapters").path

    /// How many texts the guide has, from its generated catalog, so a new text does not break these tests.
    static let texts: Int = {
        let catalog = try? String(contentsOf: CLIRunner.root.appendingPathComponent("Sources/JourneyGuide/GuideCatalog+Entries.swift"), encoding: .utf8)
        return catalog?.split(separator: "\n").filter { $0.hasPrefix("        Entry(") }.count ?? 0
    }()

    /// One current translation, one whose English changed since, one that loses its placeholder, one for a key
    /// the guide does not have, and one skeleton entry left empty.
    static let partial = """
        language: uk
        translates: guide
        reviewed: false
        strings:
          choice-prompt:
            source: ea02bcee
            text: "Ваш вибір:"
          answer-prompt:
            source: 0badcafe
            text: "Ваша відповідь:"
          choose.numbers:
            source: 38cc7b2e
            text: "число від 1 до {кількість}"
          choise-prompt:
            source: ea02bcee
            text: "Ваш вибір:"
          who-are-you:
            source: 80495816
            text: ""

        """

    @Test("validate prints the guide's coverage per language and reports a broken placeholder, a stale and an unknown key at file:line:col")
    func validateReportsTheGuide() async throws {
        defer { runner.remove() }
        let journeys = try journeys(withUkrainianGuide: Self.partial)
        let result = try await runner.run(["validate", "--journeys", journeys.path, "--adapters", Self.adapters], directory: runner.folder)
        #expect(result.status == 1, "\(result.output)\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        let missing = lines.filter { $0.contains("guide.yaml") && $0.contains("no Ukrainian translation") }
        // Every text without an entry is reported at `strings:`, the empty entry at its own line.
        #expect(missing.count == Self.texts - 3)
        #expect(missing.contains { $0.hasPrefix("journeys/translations/uk/guide.yaml:17:3: warning: strings.who-are-you: no Ukrainian translation") })
        // The Ukrainian file's findings: the shipped files of other languages may have texts waiting for a translator.
        let shown = lines.filter { ($0.contains("uk/guide.yaml") && !$0.contains("no Ukrainian translation")) || $0.hasPrefix("guide:") || $0.contains(" error") }
        try Golden.check((shown + ["(and \(missing.count) warnings of a missing Ukrainian text)"]).joined(separator: "\n") + "\n", "validate-guide.txt")
    }

    @Test("translations update --lang uk guide keeps the translations, flags the stale one and lists every text with its English")
    func skeletonKeepsAndFlags() async throws {
        defer { runner.remove() }
        let journeys = try journeys(withUkrainianGuide: """
            language: uk
            translates: guide
            reviewed: false
            strings:
              choice-prompt:
                source: ea02bcee
                text: "Ваш вибір:"
              answer-prompt:
                source: 0badcafe
                text: "Ваша відповідь:"

            """)
        let result = try await runner.run(["translations", "update", "--lang", "uk", "guide", "--journeys", journeys.path, "--adapters", Self.adapters], directory: runner.folder)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasSuffix("journeys/translations/uk/guide.yaml: 2/\(Self.texts) texts translated\n"), "\(result.output)")
        let written = try String(contentsOf: journeys.appendingPathComponent("translations/uk/guide.yaml"), encoding: .utf8)
        try Golden.check(written, "translations-update-guide-uk.yaml")
    }

    @Test("translations update --lang ti guide writes a skeleton where there is none, which validate counts as 0% and accepts without warnings")
    func skeletonFromNothing() async throws {
        defer { runner.remove() }
        let journeys = runner.folder.appendingPathComponent("journeys")
        try FileManager.default.createDirectory(at: journeys, withIntermediateDirectories: true)
        let result = try await runner.run(["translations", "update", "--lang", "ti", "guide", "--journeys", journeys.path, "--adapters", Self.adapters], directory: runner.folder)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "wrote journeys/translations/ti/guide.yaml: 0/\(Self.texts) texts translated\n", "\(result.output)")
        let validate = try await runner.run(["validate", "--journeys", journeys.path, "--adapters", Self.adapters], directory: runner.folder)
        #expect(validate.status == 0, "\(validate.output)")
        #expect(!validate.output.contains("warning"), "\(validate.output)")
        #expect(validate.output.contains("guide: translations of \(Self.texts) texts: ar none, fa none, so none, ti 0/\(Self.texts) (0%, unreviewed), uk none\n"))
    }
}
