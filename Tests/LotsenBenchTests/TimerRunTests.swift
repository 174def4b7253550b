import Foundation
import JourneyModel
import JourneySQLite
import JourneyStore
import Testing

@testable import LotsenBench

@Suite("The timer benchmark")
struct TimerRunTests {
    @Test("a small run fires every timer once and says so")
    func smallRunFiresEachOnce() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let library = JourneyLibrary.load(journeyFiles: [root.appendingPathComponent("bench/peer-new-in-sweden.yaml")],
            adapterFiles: try JourneyLibrary.yamlFiles(in: root.appendingPathComponent("adapters")))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-timer-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await TimerRun(library: library, databasePath: folder.appendingPathComponent("timers.sqlite").path, count: 700).run()
        #expect(result.fired == 1400)
        #expect(result.verify == "ok: 1400 timers fired once each")
    }

    @Test("with finished steps, every enrollment's residence permit is timed, from an hour to 60 days, and its timers still fire once")
    func finishedStepsAreTimed() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let library = JourneyLibrary.load(journeyFiles: [root.appendingPathComponent("bench/peer-new-in-sweden.yaml")],
            adapterFiles: try JourneyLibrary.yamlFiles(in: root.appendingPathComponent("adapters")))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-timer-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("timers.sqlite").path
        // 1,500 enrollments: more than one batch of finishing commits, and the opening spread wraps at 1,440 hours.
        let result = try await TimerRun(library: library, databasePath: path, count: 1_500, finishedSteps: true).run()
        #expect(result.verify == "ok: 3000 timers fired once each")
        let finished = try await SQLiteJourneyStore(path: path).countFinishedSteps(journey: PeerWorkload.journey)
        #expect(finished.map(\.step) == ["residence-permit"])
        #expect(finished.first?.count == 1_500)
        let median = try #require(finished.first?.medianSeconds)
        #expect(median > 3_600 && median < 60 * 86_400)
    }
}
