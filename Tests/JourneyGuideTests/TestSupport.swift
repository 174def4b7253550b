import Foundation
import JourneyEngine
import JourneyGuide
import JourneyModel
import JourneySQLite
import JourneyStore
import Testing

/// The shipped journeys and adapters, and a fresh real SQLite file per test with an engine over both.
final class GuideFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let library: JourneyLibrary = {
        let library = try? JourneyLibrary.load(journeysDirectory: root.appendingPathComponent("journeys"),
            adaptersDirectory: root.appendingPathComponent("adapters"))
        return library ?? JourneyLibrary(catalog: AgencyCatalog(agencies: []), journeys: [])
    }()

    /// The guide's words in `language` as the guide shows them, with the shipped translation of its words.
    static func strings(_ language: Language) -> GuideStrings {
        GuideStrings(language: language, translation: library.guideTranslation(language))
    }

    /// 2026-12-04 09:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_374_800)

    let folder: URL
    let store: SQLiteJourneyStore
    let engine: JourneyEngine

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-guide-tests-\(UUID().uuidString)")
        #expect(!Self.library.journeys.isEmpty && !Self.library.diagnostics.hasErrors, "the shipped journeys must load")
        // A fixed clock, so due dates in transcripts are the same on every run.
        store = try SQLiteJourneyStore(path: folder.appendingPathComponent("guide.sqlite").path)
        engine = JourneyEngine(library: Self.library, store: store, clock: { Self.now })
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs one conversation in the guide with a scripted terminal.
    @discardableResult
    func converse(_ terminal: ScriptedTerminal, language: Language = .en, journey: String? = nil, person: String? = nil) async -> GuideSession.Outcome {
        await GuideSession(engine: engine, terminal: terminal, language: language, journey: journey, person: person).run()
    }

    /// The person's enrollment in `journey`, as stored.
    /// A newcomer from Germany who will stay, moves alone, has answered everything and done the steps before the
    /// number arrives; `answers` are given too.
    func newcomerAwaitingNumber(answering answers: [(fact: FactID, text: String)] = []) async throws -> PersonID {
        let person = try await engine.enroll(.new, in: "new-in-sweden").enrollment.person
        _ = try await engine.answer(person: person, answers: [("citizenship", "DE"), ("stayAtLeastOneYear", "yes"),
            ("fullName", "Test Testsson"), ("address", "Testgatan 1, 111 11 Stockholm"), ("alreadyRegistered", "no"), ("movingWithPartner", "no"),
            ("hasChildren", "no")] + answers)
        _ = try await engine.apply(.complete, step: "population-registration", person: person)
        _ = try await engine.apply(.complete, step: "identity-visit", person: person)
        return person
    }

    func view(_ person: PersonReference, _ journey: JourneyID) async throws -> EnrollmentView {
        try #require(try await engine.overview(person).enrollments.first { $0.journey.id == journey })
    }

    /// The Lotsen reference the guide issued in a transcript.
    static func reference(in transcript: String) -> PersonID? {
        guard let range = transcript.range(of: #"lp-[0-9a-z]{10}"#, options: .regularExpression) else { return nil }
        return PersonID(String(transcript[range]))
    }
}

/// Compares a transcript with a file under Tests/JourneyGuideTests/Golden. References are random, so each is
/// replaced by `lp-XXXXXXXXXX` first. With `LOTSEN_UPDATE_GOLDEN=1` the file is rewritten instead, so a
/// deliberate change to the guide's words is reviewed as a diff.
enum Golden {
    static let folder = GuideFixture.root.appendingPathComponent("Tests/JourneyGuideTests/Golden")

    static func check(_ transcript: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = transcript.replacingOccurrences(of: #"lp-[0-9a-z]{10}"#, with: "lp-XXXXXXXXXX", options: .regularExpression)
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LOTSEN_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
        Issue.record("""
            \(name) differs from the golden file at line \(line + 1):
              expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
              actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
            (run with LOTSEN_UPDATE_GOLDEN=1 to accept the new text)
            """, sourceLocation: sourceLocation)
    }
}
