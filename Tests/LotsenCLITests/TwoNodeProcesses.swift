import Foundation
import JourneyModel
import Logging
import PostgresNIO
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - Processes

/// Every process the test started, killed at the end however the test ends.
struct ProcessBag {
    private var processes: [Process] = []

    mutating func add(_ process: Process) { processes.append(process) }

    /// SIGKILLs what still runs and reaps it: nothing outlives the test.
    func killAll() {
        for process in processes where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// The `lotsen` binary on the test's database, run off Swift's cooperative pool (a process can take a while, and
/// this machine has two cores: a blocked pool thread would stall the HTTP traffic).
struct LotsenCommand: Sendable {
    let folder: URL
    let database: String
    let binary: URL

    init(cli: CLIRunner, database: String, binary: URL) {
        self.folder = cli.folder
        self.database = database
        self.binary = binary
    }

    /// The environment of every process: English, the package's journeys and adapters, and this database.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LOTSEN_JOURNEYS", "LOTSEN_ADAPTERS", "COLUMNS", "LOTSEN_SANDBOX_URL", "LOG_LEVEL"] {
            environment[key] = nil
        }
        environment["LOTSEN_DATABASE"] = database
        // `--state` of an in-process sandbox, should a command start one: inside the test's folder, never the user's.
        environment["XDG_DATA_HOME"] = folder.path
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs `lotsen ARGUMENTS --database URL` to the end, as every command-line test does (``CLIRunner/run(_:_:environment:directory:input:)``).
    func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> CLIRunner.Result {
        try await CLIRunner.run(binary, arguments + ["--database", database], environment: environment(extra), directory: CLIRunner.root)
    }

    /// Starts `lotsen ARGUMENTS --database URL` without waiting; with `output`, both streams are pipes to read,
    /// else they are discarded.
    func start(_ arguments: [String], environment extra: [String: String] = [:], output: Bool = false, log: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + ["--database", database]
        process.currentDirectoryURL = CLIRunner.root
        process.environment = environment(extra)
        process.standardInput = FileHandle.nullDevice
        if output {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        } else if let log {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// Runs a command that must succeed.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> CLIRunner.Result {
        let result = try await run(arguments)
        guard result.status == 0 else {
            throw TwoNodeSetupError(description: "lotsen \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.error)")
        }
        return result
    }

    /// The secret a `token create` prints, the only line on standard output.
    func secret(_ arguments: [String]) async throws -> String {
        let secret = try await succeed(arguments).output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard secret.hasPrefix("lotsen_") else { throw TwoNodeSetupError(description: "lotsen \(arguments.joined(separator: " ")) printed no secret") }
        return secret
    }
}

/// One `lotsen serve --port 0` process, its address read from the `listening` line of its JSON log (kept in a
/// file, so a busy node never blocks on a full pipe).
struct ServeNode {
    let name: String
    let process: Process
    let base: URL
    let log: URL

    static func start(name: String, lotsen: LotsenCommand, environment: [String: String]) async throws -> ServeNode {
        let log = lotsen.folder.appendingPathComponent("serve-\(name).log")
        let process = try lotsen.start(["serve", "--host", "127.0.0.1", "--port", "0"], environment: environment, log: log)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                if let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], entry["message"] as? String == "listening",
                    let address = entry["address"] as? String, let url = URL(string: address)
                {
                    return ServeNode(name: name, process: process, base: url, log: log)
                }
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        throw TwoNodeSetupError(description: "lotsen serve (node \(name)) did not say where it listens: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    func logTail() -> String {
        String(((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(2000))
    }
}
