import Foundation
import Testing

@testable import JourneyModel

/// Where the validator's test files live, found from this source file so the tests read the same files
/// wherever the package is checked out (and diagnostics name them relative to the package root).
enum ValidatorFixtures {
    /// The package root: `Tests/JourneyModelTests/<this file>` up three levels.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let adaptersDirectory = packageRoot.appendingPathComponent("adapters")
    static let journeysDirectory = packageRoot.appendingPathComponent("journeys")
    static let fixturesDirectory = packageRoot.appendingPathComponent("Tests/JourneyModelTests/Fixtures")
    static let invalidJourneysDirectory = fixturesDirectory.appendingPathComponent("invalid")
    static let invalidAdaptersDirectory = fixturesDirectory.appendingPathComponent("invalid-adapters")
    static let validExample = fixturesDirectory.appendingPathComponent("valid/example.yaml")

    /// The names of the `.yaml` files in a fixture folder, sorted; discovered at test time, so a new
    /// fixture is tested as soon as it and its `.expected` file are added.
    static func yamlNames(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static var invalidJourneyNames: [String] { yamlNames(in: invalidJourneysDirectory) }
    static var invalidAdapterNames: [String] { yamlNames(in: invalidAdaptersDirectory) }

    /// The real adapter files, the catalogue every journey fixture is checked against.
    static var adapterFiles: [URL] {
        yamlNames(in: adaptersDirectory).map { adaptersDirectory.appendingPathComponent($0) }
    }

    /// Loads one journey file against the real adapters, with paths relative to the package root.
    static func loadJourney(_ file: URL) -> JourneyLibrary {
        JourneyLibrary.load(journeyFiles: [file], adapterFiles: adapterFiles, displayRoot: packageRoot)
    }

    /// Loads one adapter file on its own, with paths relative to the package root.
    static func loadAdapter(_ file: URL) -> JourneyLibrary {
        JourneyLibrary.load(journeyFiles: [], adapterFiles: [file], displayRoot: packageRoot)
    }

    /// The diagnostics as `lotsen validate` prints them: one `description` per line, sorted by location.
    static func rendered(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sortedByLocation().map(\.description)
    }
}

/// Golden files: each fixture `NAME.yaml` has a sibling `NAME.expected` holding exactly the diagnostics
/// the validator must print for it, one per line, sorted by location.
///
/// To regenerate the `.expected` files after an intended change to messages or locations, run
///
///     LOTSEN_UPDATE_GOLDEN=1 swift test --filter JourneyValidatorGolden
///
/// which rewrites them from the actual output instead of comparing, then review the diff before committing:
/// the golden files are the specification, so a changed line must be a deliberate improvement.
enum Golden {
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["LOTSEN_UPDATE_GOLDEN"] == "1" }

    static func expectedFile(for fixture: URL) -> URL {
        fixture.deletingPathExtension().appendingPathExtension("expected")
    }

    /// Compares `actual` with the fixture's `.expected` file, or rewrites that file when updating.
    static func check(_ actual: [String], for fixture: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expectedURL = expectedFile(for: fixture)
        if isUpdating {
            try (actual.map { $0 + "\n" }.joined()).write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let text = try #require(
            try? String(contentsOf: expectedURL, encoding: .utf8),
            "missing \(expectedURL.lastPathComponent); run with LOTSEN_UPDATE_GOLDEN=1 to create it, then review it",
            sourceLocation: sourceLocation)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard actual != expected else { return }
        Issue.record(
            Comment(rawValue: "\(fixture.lastPathComponent) does not match \(expectedURL.lastPathComponent):\n\(diff(expected: expected, actual: actual))"),
            sourceLocation: sourceLocation)
    }

    /// A line diff: `-` for an expected line that is missing, `+` for an actual line that was not expected,
    /// two spaces for a line both have.
    static func diff(expected: [String], actual: [String]) -> String {
        let difference = actual.difference(from: expected)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var lines: [String] = []
        var e = 0
        var a = 0
        while e < expected.count || a < actual.count {
            if e < expected.count, removed.contains(e) {
                lines.append("- \(expected[e])")
                e += 1
            } else if a < actual.count, inserted.contains(a) {
                lines.append("+ \(actual[a])")
                a += 1
            } else {
                if a < actual.count { lines.append("  \(actual[a])") }
                e += 1
                a += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}

@Suite("Journey validator: golden diagnostics")
struct JourneyValidatorGoldenTests {
    @Test("the invalid fixtures are all there, each with its expected output")
    func fixturesArePresent() async {
        let names = ValidatorFixtures.invalidJourneyNames
        #expect(names.count >= 30, "found only \(names.count) invalid journey fixtures")
        #expect(names.contains("many-problems.yaml"))
        for name in names {
            let expected = Golden.expectedFile(for: ValidatorFixtures.invalidJourneysDirectory.appendingPathComponent(name))
            #expect(FileManager.default.fileExists(atPath: expected.path) || Golden.isUpdating, "\(name) has no .expected file")
        }
    }

    @Test("an invalid journey reports exactly the diagnostics in its .expected file", arguments: ValidatorFixtures.invalidJourneyNames)
    func invalidJourney(_ name: String) async throws {
        let fixture = ValidatorFixtures.invalidJourneysDirectory.appendingPathComponent(name)
        let library = ValidatorFixtures.loadJourney(fixture)
        try Golden.check(ValidatorFixtures.rendered(library.diagnostics), for: fixture)
    }

    @Test("a journey with errors is not added to the library; one with only warnings is", arguments: ValidatorFixtures.invalidJourneyNames)
    func invalidJourneyIsRejected(_ name: String) async {
        let fixture = ValidatorFixtures.invalidJourneysDirectory.appendingPathComponent(name)
        let library = ValidatorFixtures.loadJourney(fixture)
        #expect(!library.diagnostics.isEmpty, "\(name) is meant to be invalid but loads without diagnostics")
        #expect(library.journeys.isEmpty == library.diagnostics.hasErrors)
    }

    @Test("an invalid adapter reports exactly the diagnostics in its .expected file", arguments: ValidatorFixtures.invalidAdapterNames)
    func invalidAdapter(_ name: String) async throws {
        let fixture = ValidatorFixtures.invalidAdaptersDirectory.appendingPathComponent(name)
        let library = ValidatorFixtures.loadAdapter(fixture)
        try Golden.check(ValidatorFixtures.rendered(library.diagnostics), for: fixture)
        // Its valid services still resolve (so journeys are not told they are missing), but the library is invalid.
        #expect(library.diagnostics.hasErrors)
    }

    @Test("many problems in one file are all reported in one pass")
    func manyProblemsAtOnce() async {
        let fixture = ValidatorFixtures.invalidJourneysDirectory.appendingPathComponent("many-problems.yaml")
        let diagnostics = ValidatorFixtures.loadJourney(fixture).diagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count >= 8)
        // Distinct kinds of problem, told apart by what the message says.
        let kinds = [
            "version must be", "unknown life event", "missing English translation", "is not camelCase", "not a lookup",
            "unknown service", "unknown fact", "is not an ISO 8601 duration", "unknown step", "is a bool, but",
            "is not an https:// link", "expected true or false", "unknown key", "a oneOf group cannot have",
            "at least two alternatives",
        ]
        for kind in kinds {
            #expect(errors.contains { $0.message.contains(kind) }, "no diagnostic about '\(kind)'")
        }
        #expect(diagnostics.allSatisfy { $0.line > 0 && $0.column > 0 }, "every problem has a position")
    }

    @Test("the real journeys and adapters load with no errors and no warnings but the translations issue 17's texts wait for")
    func realJourneysAreClean() async throws {
        let library = try JourneyLibrary.load(
            journeysDirectory: ValidatorFixtures.journeysDirectory, adaptersDirectory: ValidatorFixtures.adaptersDirectory,
            displayRoot: ValidatorFixtures.packageRoot)
        #expect(library.diagnostics.isEmpty, "\n\(ValidatorFixtures.rendered(library.diagnostics).joined(separator: "\n"))")
        #expect(!library.diagnostics.hasErrors)
        #expect(library.journeys.count == ValidatorFixtures.yamlNames(in: ValidatorFixtures.journeysDirectory).count)
    }

    @Test("the valid example fixture loads with no errors and no warnings")
    func validExampleIsClean() async {
        let library = ValidatorFixtures.loadJourney(ValidatorFixtures.validExample)
        #expect(library.diagnostics.isEmpty, "\n\(ValidatorFixtures.rendered(library.diagnostics).joined(separator: "\n"))")
        #expect(library.journeys.map(\.id) == ["example"])
    }

    @Test("diagnostics name files relative to the display root")
    func displayPaths() async {
        let fixture = ValidatorFixtures.invalidJourneysDirectory.appendingPathComponent("unknown-service.yaml")
        let diagnostics = ValidatorFixtures.loadJourney(fixture).diagnostics
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.file == "Tests/JourneyModelTests/Fixtures/invalid/unknown-service.yaml" })
    }

    @Test("the golden diff marks missing and unexpected lines")
    func diffFormat() async {
        let diff = Golden.diff(expected: ["a", "b", "c"], actual: ["a", "x", "c", "d"])
        #expect(diff == "  a\n- b\n+ x\n  c\n+ d")
    }
}
