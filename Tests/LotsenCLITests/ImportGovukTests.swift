import Foundation
import Testing

/// `lotsen import govuk` run as a user runs it: real GOV.UK content items in, journey files out, which
/// `lotsen validate` accepts and the guide runs.
@Suite("lotsen import govuk makes journeys that validate and run in the guide")
struct ImportGovukTests {
    static let fixtures = CLIRunner.root.appendingPathComponent("Tests/JourneyInteropTests/Fixtures/govuk")

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    @Test("a real content item becomes a journey file on standard output, as reviewed", arguments: ["learn-to-drive-a-car", "get-a-divorce"])
    func importsToStandardOutput(name: String) async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let result = try await runner.run(["import", "govuk", "Tests/JourneyInteropTests/Fixtures/govuk/\(name).json"])
        #expect(result.status == 0)
        try Golden.check(result.output, "import-govuk-\(name).yaml")
        try Golden.check(result.error, "import-govuk-\(name).warnings.txt")
    }

    @Test("what cannot be imported fails with exit status 1 and a message naming the file, as reviewed")
    func errorsAsReviewed() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        var transcript = ""
        let cases: [[String]] = [
            ["get-a-divorce-no-steps.json"], ["council-tax-guide.json"], ["welsh.json"], ["malformed.json"], ["missing.json"],
            ["learn-to-drive-a-car.json", "--id", "Learn_To_Drive"],
        ]
        for arguments in cases {
            let result = try await runner.run(["import", "govuk", "Tests/JourneyInteropTests/Fixtures/govuk/\(arguments[0])"] + arguments.dropFirst())
            // A journey id that is not one is a usage error (64); a file that cannot be imported is refused (1).
            #expect(result.status == (arguments.contains("--id") ? 64 : 1), "\(arguments)")
            #expect(result.output.isEmpty)
            transcript += "$ lotsen import govuk \(arguments.joined(separator: " "))\n" + result.error + "\n"
        }
        try Golden.check(transcript, "import-govuk-errors.txt")
    }

    @Test("--output writes ID.yaml in a folder, which validates; an existing file is replaced only with --force")
    func outputAndForce() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let journeys = runner.folder.appendingPathComponent("journeys")
        try FileManager.default.createDirectory(at: journeys, withIntermediateDirectories: true)
        let written = try await runner.run(["import", "govuk", fixture("learn-to-drive-a-car.json"), "--output", journeys.path, "--life-event", "work"])
        #expect(written.status == 0)
        let file = journeys.appendingPathComponent("learn-to-drive-a-car.yaml")
        #expect(written.error == "Wrote \(file.path) (journey 'learn-to-drive-a-car'). Check it with: lotsen validate \(file.path)\n")
        let validated = try await runner.run(["validate", file.path])
        #expect(validated.status == 0, "\(validated.output)")
        #expect(validated.output.hasPrefix("1 journey file and "))

        let original = try String(contentsOf: file, encoding: .utf8)
        try "id: changed by hand\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try await runner.run(["import", "govuk", fixture("learn-to-drive-a-car.json"), "--output", file.path])
        #expect(refused.status == 1)
        #expect(refused.error == "error: \(file.path) already exists\nhint: choose another --output, or add --force to replace it\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "id: changed by hand\n", "the file is untouched")
        let forced = try await runner.run(["import", "govuk", fixture("learn-to-drive-a-car.json"), "--output", file.path, "--force", "--life-event", "work"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
    }

    @Test("an imported journey runs in the plain guide: a step is read, done, and the next one offered")
    func runsInTheGuide() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let journeys = runner.folder.appendingPathComponent("journeys")
        try FileManager.default.createDirectory(at: journeys, withIntermediateDirectories: true)
        for name in ["learn-to-drive-a-car", "get-a-divorce"] {
            let imported = try await runner.run(["import", "govuk", fixture("\(name).json"), "--output", journeys.path])
            #expect(imported.status == 0)
        }
        let library = ["--journeys", journeys.path, "--adapters", CLIRunner.root.appendingPathComponent("adapters").path]
        // No number yet; open step 1, mark it done; open step 2 (its number for the whole journey), mark it done, quit.
        let input = ["n", "1", "1", "2", "1", "q"].joined(separator: "\n") + "\n"
        let result = try await runner.run(["guide", "learn-to-drive-a-car", "--plain", "--lang", "en"] + library, input: input)
        #expect(result.status == 0, "\(result.error)")
        let transcript = result.output.replacingOccurrences(of: #"lp-[0-9a-z]+"#, with: "lp-…", options: .regularExpression)
        try Golden.check(transcript, "import-govuk-guide-learn-to-drive-a-car.txt")

        // In Swedish the guide says the journey is in English only, and shows its English texts.
        let swedish = try await runner.run(["guide", "--plain", "--lang", "sv"] + library, input: "a\n")
        #expect(swedish.status == 0)
        #expect(swedish.output.contains("Den här livshändelsen är bara beskriven på engelska."))
        #expect(swedish.output.contains("Learn to drive a car"))
    }

    @Test("lotsen show lists an imported journey's alternatives, links and paragraphs, and says it is in English only, as reviewed")
    func showsImported() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let journeys = runner.folder.appendingPathComponent("journeys")
        try FileManager.default.createDirectory(at: journeys, withIntermediateDirectories: true)
        let imported = try await runner.run(["import", "govuk", fixture("hostile.json"), "--output", journeys.path])
        #expect(imported.status == 0)
        let shown = try await runner.run(["show", "commute-safely", "--journeys", journeys.path, "--lang", "sv"])
        #expect(shown.status == 0)
        try Golden.check(shown.output, "import-govuk-show-hostile-sv.txt")
    }
}
