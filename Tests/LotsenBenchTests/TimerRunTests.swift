import Foundation
import JourneyModel
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
}
