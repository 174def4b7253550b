import Foundation
import JourneyModel
import JourneySQLite
import JourneyStore
import Testing

@testable import JourneyEngine

/// Small journeys written as YAML, loaded through the real loader, so tests read like journey files.
enum TestJourneys {
    static func load(_ yaml: String) throws -> Journey {
        let result = JourneyLoader.load(yaml, file: "inline", catalog: nil)
        #expect(result.diagnostics.filter { $0.severity == .error } == [], "test journey has errors")
        return try #require(result.journey)
    }

    /// residence-permit (non-EU) → registration → number; then id-card → bank, social-insurance → child-allowance
    /// (children), sfi, and an optional driving-licence exchange; plus a oneOf for the number.
    static let move = """
        id: move
        version: 1
        lifeEvent: residence
        title: { sv: Flytt, en: Move }
        summary: { sv: Flytta hit, en: Move here }
        facts:
          citizenship: { type: country, ask: { sv: Medborgarskap?, en: Citizenship? } }
          longStay: { type: bool, ask: { sv: Minst ett år?, en: At least a year? } }
          hasChildren: { type: bool, ask: { sv: Barn?, en: Children? } }
          fullName: { type: text, ask: { sv: Namn?, en: Name? } }
          personnummer: { type: personnummer }
        steps:
          - id: residence-permit
            title: { sv: Uppehållstillstånd, en: Residence permit }
            when: citizenship not in EU_EEA_CH
          - id: registration
            title: { sv: Folkbokföring, en: Registration }
            after: [residence-permit]
            needs: [fullName]
          - id: number
            title: { sv: Nummer, en: Number }
            after: [registration]
            oneOf:
              - id: receive-personnummer
                title: { sv: Personnummer, en: Personnummer }
                when: longStay
                produces: [personnummer]
              - id: coordination-number
                title: { sv: Samordningsnummer, en: Coordination number }
                when: not longStay
                produces: [personnummer]
          - id: id-card
            title: { sv: Id-kort, en: ID card }
            after: [number]
          - id: bank
            title: { sv: Bank, en: Bank }
            after: [id-card]
          - id: social-insurance
            title: { sv: Försäkringskassan, en: Social insurance }
            after: [number]
          - id: child-allowance
            title: { sv: Barnbidrag, en: Child allowance }
            after: [social-insurance]
            when: hasChildren
          - id: driving-licence
            title: { sv: Körkort, en: Driving licence }
            after: [number]
            optional: true
        """
}

/// A fresh real SQLite file per test, in its own temporary folder, removed afterwards.
final class TemporaryDatabase {
    let folder: URL
    let path: String

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-engine-tests-\(UUID().uuidString)")
        path = folder.appendingPathComponent("test.sqlite").path
    }

    func store() throws -> SQLiteJourneyStore { try SQLiteJourneyStore(path: path) }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// A clock tests move by hand, so timestamps are predictable.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_790_000_000)

    var now: Date { lock.withLock { current } }
    func advance(days: Double) { lock.withLock { current += days * 86_400 } }
}

extension JourneyEngine {
    /// An engine over one journey library and a real database file.
    static func testing(_ journeys: [Journey], sources: [JourneyID: String] = [:], database: TemporaryDatabase, clock: TestClock = TestClock()) throws
        -> JourneyEngine
    {
        JourneyEngine(library: JourneyLibrary(catalog: AgencyCatalog(agencies: []), journeys: journeys, sources: sources),
            store: try database.store(), clock: { clock.now })
    }
}
