import Foundation
import JourneyPostgres
import PostgresNIO

/// The PostgreSQL ceiling: `pgbench -N` (the built-in simple-update script: one `UPDATE` of an account, a `SELECT`,
/// one `INSERT` into the history table, in one transaction) on the same server, with as many clients as the engine
/// run had (one) and the same number of transactions. What the server and the connection allow at best, no engine.
/// pgbench's own tps (without its connection time) gives the rate; its per-transaction log gives the latencies.
struct PgbenchCeiling {
    let server: PostgresLocation
    let transactions: Int
    var clients = 1
    var scale = 1

    static let database = "lotsen_bench_pgbench"

    func run() async throws -> (result: ModeResult, command: String) {
        let pgbench = try Self.executable()
        try await BenchPostgres.recreate(Self.database, on: server)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-bench-pgbench-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let connection = ["-h", server.host, "-p", "\(server.port)", "-U", server.user]
        _ = try Self.run(pgbench, ["-i", "-q", "-s", "\(scale)"] + connection + [Self.database], password: server.password)
        let perClient = max(1, transactions / clients)
        let arguments = ["-N", "-c", "\(clients)", "-j", "\(clients)", "-t", "\(perClient)", "-l", "--log-prefix", folder.appendingPathComponent("log").path]
            + connection + [Self.database]
        let output = try Self.run(pgbench, arguments, password: server.password)
        guard let tps = Self.number(after: "tps = ", in: output) else { throw BenchError("pgbench printed no tps:\n\(output)") }
        // One line per transaction: client_id transaction_no time_us script_no epoch epoch_us.
        var latencies: [Double] = []
        latencies.reserveCapacity(perClient * clients)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasPrefix("log") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ", maxSplits: 3)
                if fields.count >= 3, let micros = Double(fields[2]) { latencies.append(micros / 1e6) }
            }
        }
        let done = perClient * clients
        guard latencies.count == done else { throw BenchError("pgbench logged \(latencies.count) transactions, expected \(done)") }
        let size = try await BenchPostgres.withConnection(to: server.with(database: Self.database)) { connection in
            try await BenchPostgres.scalar(connection, "SELECT pg_database_size(current_database())", as: Int64.self)
        }
        try await BenchPostgres.withConnection(to: server) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(Self.database) WITH (FORCE)"), logger: BenchPostgres.logger)
        }
        let result = ModeResult(mode: "pgbench -N ceiling", instances: clients, transitions: done, commits: done, wall: Double(done) / tps,
            latencies: latencies, peakRSS: 0, databaseBytes: size, verify: "n/a")
        let shown = ([pgbench] + arguments.map { $0.hasPrefix(folder.path) ? "<log>" : $0 }).joined(separator: " ")
        return (result, shown)
    }

    /// pgbench as test-postgres finds initdb: `$PGBENCH`, then `pg_config --bindir`, then Debian's newest
    /// /usr/lib/postgresql/<version>/bin, then PATH.
    static func executable() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let files = FileManager.default
        if let given = environment["PGBENCH"], !given.isEmpty { return given }
        if let bindir = try? run("/usr/bin/env", ["pg_config", "--bindir"], password: nil).trimmingCharacters(in: .whitespacesAndNewlines),
            files.isExecutableFile(atPath: bindir + "/pgbench")
        {
            return bindir + "/pgbench"
        }
        let versions = ((try? files.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted(by: >)
        for version in versions where files.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/pgbench") {
            return "/usr/lib/postgresql/\(version)/bin/pgbench"
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where files.isExecutableFile(atPath: "\(folder)/pgbench") {
            return "\(folder)/pgbench"
        }
        throw BenchError("no pgbench found (Debian's postgresql package ships it; or set PGBENCH)")
    }

    /// Runs a program to its end and returns what it printed (stdout and stderr together); fails on a non-zero exit.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], password: String?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw BenchError("\(URL(fileURLWithPath: program).lastPathComponent) \(arguments.first ?? "") exited with \(process.terminationStatus):\n\(output)")
        }
        return output
    }

    static func number(after marker: String, in text: String) -> Double? {
        guard let range = text.range(of: marker) else { return nil }
        return Double(text[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
}
