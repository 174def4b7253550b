import Foundation
import JourneyModel
import Testing

@testable import LotsenBench

@Suite("The benchmark's engine run completes every journey down its profile's branches")
struct EngineRunTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("each mode finishes and verifies a small population", arguments: EngineRun.Mode.allCases)
    func smallRunVerifies(mode: EngineRun.Mode) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-bench-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = JourneyLibrary.load(journeyFiles: [Self.root.appendingPathComponent("bench/peer-new-in-sweden.yaml")],
            adapterFiles: try JourneyLibrary.yamlFiles(in: Self.root.appendingPathComponent("adapters")))
        #expect(!library.diagnostics.hasErrors)
        let run = EngineRun(library: library, databasePath: folder.appendingPathComponent("bench.sqlite").path, count: 40, seed: 42, batchSize: 7,
            synchronous: "NORMAL")
        let result = try await run.run(mode)
        #expect(result.transitions == PeerWorkload(count: 40, seed: 42).expectedTransitions)
        #expect(result.verify.hasPrefix("ok"))
        #expect(result.commits == (mode == .batch ? (result.transitions + 6) / 7 : result.transitions))
    }

    @Test("the ceiling makes as many transactions as it is asked to")
    func ceilingRuns() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-bench-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SQLiteCeiling(path: folder.appendingPathComponent("ceiling.sqlite").path, transactions: 300, rows: 30, synchronous: "NORMAL").run()
        #expect(result.transitions == 300)
        #expect(result.commits == 300)
    }
}
