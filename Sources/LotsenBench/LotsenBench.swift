import ArgumentParser
import Foundation
import JourneyModel
import JourneyPostgres
import NIOCore
import NIOPosix

/// `lotsen-bench`: the peer workload (shared/bench/peer-spiff) on Lotsen's engine and SQLite store, with the
/// bare-SQLite ceiling in the same run; or, given `--database postgres://…`, on the PostgreSQL store with
/// `pgbench -N` on the same server as the ceiling. Build it with `-c release`.
@main
struct LotsenBench: AsyncParsableCommand {
    /// On PostgreSQL, as `lotsen serve` does: Swift's tasks on SwiftNIO's event loops, where postgres-nio's connections
    /// live, unless `LOTSEN_GLOBAL_EXECUTOR=dispatch`. On SQLite, as the other commands: Swift's own pool.
    static func main() async {
        let arguments = CommandLine.arguments
        let onPostgres = zip(arguments, arguments.dropFirst()).contains { $0 == "--database" && $1.hasPrefix("postgres") }
            || arguments.contains { $0.hasPrefix("--database=postgres") }
        if onPostgres, ProcessInfo.processInfo.environment["LOTSEN_GLOBAL_EXECUTOR"] != "dispatch" {
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "lotsen-bench",
        abstract: "Run the peer benchmark's workload on Lotsen's engine and compare it with bare SQLite.",
        discussion: """
            Draws the same people as the peer (random.Random(seed), P(EU)=0.40, P(children)=0.35, P(job seeking)=0.60) \
            and drives each through bench/peer-new-in-sweden.yaml, one transaction per transition (WAL, \
            synchronous=NORMAL). Fails (exit 1) when any journey does not end with the branches its profile implies.
            """
    )

    @Option(help: "Number of people (journeys).")
    var n = 10_000

    @Option(name: .customLong("mode"), help: "Modes to run: memory, reload, batch (repeatable; default all three).")
    var modes: [String] = []

    @Option(help: "Transitions per commit in batch mode.")
    var batchSize = 1000

    @Option(help: "Seed of the generator (the peer's default is 42).")
    var seed: UInt32 = 42

    @Option(help: "PRAGMA synchronous: NORMAL or FULL.")
    var sync = "NORMAL"

    @Option(help: ArgumentHelp(
        "The SQLite file, recreated for each mode; or a PostgreSQL server as postgres://user@host:port/database, where each mode runs in a fresh database lotsen_bench (dropped at the end) and the ceiling is pgbench -N in lotsen_bench_pgbench.",
        valueName: "file-or-url"))
    var database = "/tmp/lotsen-bench.sqlite"

    @Option(help: "The folder holding the benchmark journey and adapters (the repository root).")
    var root = "."

    @Flag(inversion: .prefixedNo, help: "Also run the ceiling: bare SQLite, or pgbench -N on PostgreSQL.")
    var ceiling = true

    @Option(help: "Write the results as JSON to this file.")
    var jsonOut: String?

    @Flag(help: "Instead of the peer workload: make --n enrollments with a due timer each on SQLite and time firing them.")
    var timers = false

    @Flag(help: "Instead of the peer workload: time planning one enrollment of the shipped journeys (journeys/ under --root), a person alone and a family of four in New in Sweden, --n plans each, in memory.")
    var plans = false

    @Flag(help: "With --timers: each enrollment has also finished its residence permit (open from 1 hour to 60 days before), so the funnel's median time of finished steps has --n durations to read.")
    var finishedSteps = false

    func validate() throws {
        guard n > 0 else { throw ValidationError("--n must be at least 1") }
        guard ["NORMAL", "FULL"].contains(sync.uppercased()) else { throw ValidationError("--sync must be NORMAL or FULL") }
        for mode in modes where EngineRun.Mode(rawValue: mode) == nil {
            throw ValidationError("unknown mode '\(mode)'; use memory, reload or batch")
        }
    }

    func run() async throws {
        let rootURL = URL(fileURLWithPath: root)
        if plans { return try runPlans(root: rootURL) }
        let library = JourneyLibrary.load(journeyFiles: [rootURL.appendingPathComponent("bench/peer-new-in-sweden.yaml")],
            adapterFiles: try JourneyLibrary.yamlFiles(in: rootURL.appendingPathComponent("adapters")))
        guard !library.diagnostics.hasErrors, library.journey(PeerWorkload.journey) != nil else {
            throw BenchError("cannot load bench/peer-new-in-sweden.yaml under \(rootURL.path): \(library.diagnostics.map(\.description))")
        }
        if timers {
            guard !PostgresLocation.isPostgresURL(database) else { throw BenchError("--timers runs on an SQLite file") }
            let result = try await TimerRun(library: library, databasePath: database, count: n, finishedSteps: finishedSteps).run()
            print("Lotsen timers · n=\(n) · \(ProcessInfo.processInfo.activeProcessorCount) CPUs")
            print("setup \(result.setupSeconds) s · fired \(result.fired) in \(result.fireSeconds) s · \(Int(result.timersPerSecond)) timers/s")
            print("verify: \(result.verify)")
            if let jsonOut {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(result).write(to: URL(fileURLWithPath: jsonOut))
            }
            if !result.verify.hasPrefix("ok") { throw BenchError(result.verify) }
            return
        }
        let selected = modes.isEmpty ? EngineRun.Mode.allCases : modes.compactMap(EngineRun.Mode.init)
        if PostgresLocation.isPostgresURL(database) {
            return try await runOnPostgres(library: library, modes: selected)
        }
        let engine = EngineRun(library: library, databasePath: database, count: n, seed: seed, batchSize: batchSize, synchronous: sync.uppercased())
        print("Lotsen \(LotsenBench.configuration.commandName ?? "") · n=\(n) · seed \(seed) · synchronous=\(sync.uppercased()) · \(ProcessInfo.processInfo.activeProcessorCount) CPUs")
        print(ModeResult.header)
        var results: [ModeResult] = []
        for mode in selected {
            let result = try await engine.run(mode)
            print(result.line)
            results.append(result)
        }
        if ceiling, let memory = results.first(where: { $0.mode == "lotsen memory" }) ?? results.first {
            let bare = try SQLiteCeiling(path: database + ".ceiling", transactions: memory.transitions, rows: n, synchronous: sync.uppercased()).run()
            print(bare.line)
            print(String(format: "ceiling / %@: %.2f×", memory.mode, bare.transitionsPerSecond / memory.transitionsPerSecond))
            results.append(bare)
        }
        for result in results where result.verify != "n/a" { print("verify \(result.mode): \(result.verify)") }
        if let jsonOut {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let record = BenchRecord(n: n, seed: seed, synchronous: sync.uppercased(), cpus: ProcessInfo.processInfo.activeProcessorCount, results: results)
            try encoder.encode(record).write(to: URL(fileURLWithPath: jsonOut))
        }
    }
}

extension LotsenBench {
    /// `--plans`: the planner on the shipped journeys, printed and written to `--json-out`.
    func runPlans(root: URL) throws {
        let library = try JourneyLibrary.load(journeysDirectory: root.appendingPathComponent("journeys"), adaptersDirectory: root.appendingPathComponent("adapters"))
        guard !library.diagnostics.hasErrors else { throw BenchError("the shipped journeys under \(root.path) have errors; run lotsen validate") }
        let result = try PlanRun(library: library, count: n).run()
        print("Lotsen plans · n=\(n) per case · \(result.cpus) CPUs")
        for item in result.cases {
            print(String(format: "%@: %d steps (%d shown) · %.1f µs a plan", item.name, item.steps, item.shownSteps, item.microsecondsPerPlan))
        }
        if let jsonOut {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(result).write(to: URL(fileURLWithPath: jsonOut))
        }
    }
}

/// The JSON record of one run.
struct BenchRecord: Codable {
    let n: Int
    let seed: UInt32
    let synchronous: String
    let cpus: Int
    let results: [ModeResult]
    /// "postgresql" for a run on PostgreSQL; absent for SQLite, so SQLite records keep their shape.
    var store: String? = nil
    /// PostgreSQL: the server's version and the settings that decide what a commit costs.
    var server: [String: String]? = nil
    /// PostgreSQL: the ceiling's command line.
    var ceilingCommand: String? = nil
}

extension LotsenBench {
    /// The same modes and checks on the PostgreSQL store, each mode in a fresh database on the server the URL names,
    /// then `pgbench -N` with one client (the engine run's one) and as many transactions as memory mode made.
    func runOnPostgres(library: JourneyLibrary, modes selected: [EngineRun.Mode]) async throws {
        let server = try PostgresLocation(url: database)
        let settings = try await BenchPostgres.settings(server)
        let synchronous = "synchronous_commit=\(settings["synchronous_commit"] ?? "?")"
        print("Lotsen \(LotsenBench.configuration.commandName ?? "") · n=\(n) · seed \(seed) · PostgreSQL \(settings["server_version"] ?? "?") "
            + "at \(server) · \(synchronous) fsync=\(settings["fsync"] ?? "?") · \(ProcessInfo.processInfo.activeProcessorCount) CPUs")
        print(ModeResult.header)
        let postgres = PostgresRun(library: library, server: server, count: n, seed: seed, batchSize: batchSize)
        var results: [ModeResult] = []
        var ceilingCommand: String?
        do {
            for mode in selected {
                let result = try await postgres.run(mode)
                print(result.line)
                results.append(result)
            }
            if ceiling, let memory = results.first(where: { $0.mode == "lotsen memory" }) ?? results.first {
                let (bare, command) = try await PgbenchCeiling(server: server, transactions: memory.transitions).run()
                ceilingCommand = command
                print(bare.line)
                print("ceiling: \(command)")
                print(String(format: "ceiling / %@: %.2f×", memory.mode, bare.transitionsPerSecond / memory.transitionsPerSecond))
                results.append(bare)
            }
        } catch {
            try? await postgres.cleanUp()
            throw error
        }
        try await postgres.cleanUp()
        for result in results where result.verify != "n/a" { print("verify \(result.mode): \(result.verify)") }
        if let jsonOut {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let record = BenchRecord(n: n, seed: seed, synchronous: synchronous, cpus: ProcessInfo.processInfo.activeProcessorCount, results: results,
                store: "postgresql", server: settings, ceilingCommand: ceilingCommand)
            try encoder.encode(record).write(to: URL(fileURLWithPath: jsonOut))
        }
    }
}
