import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A closed pipe (`| head`) or a terminal that went away ends any command quietly with exit status 141, never with
/// a crash and a backtrace; a closed standard error never stops `lotsen serve`.
@Suite("Output that can be closed")
struct ClosedOutputTests {
    struct Ended {
        let reason: Process.TerminationReason
        let status: Int32
        let error: String
    }

    /// Runs `lotsen ARGUMENTS` with standard output a real pipe whose read end is closed after `lines` lines were
    /// read (at once for 0), standard input empty, and returns how it ended.
    static func run(_ arguments: [String], closingAfter lines: Int, runner: CLIRunner) throws -> Ended {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLIRunner.root
        var environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LOTSEN_JOURNEYS", "LOTSEN_ADAPTERS", "COLUMNS"] { environment[key] = nil }
        environment["LOTSEN_DATABASE"] = runner.database
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var seen = 0
        while seen < lines {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += data.filter { $0 == UInt8(ascii: "\n") }.count
        }
        // As `head` does: stop reading and close the pipe while the command may still be writing.
        try output.fileHandleForReading.close()
        let errors = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ended(reason: process.terminationReason, status: process.terminationStatus, error: String(decoding: errors, as: UTF8.self))
    }

    @Test("commands whose reader stops early end with status 141 and say nothing", arguments: [
        (["guide", "new-in-sweden", "--person", "19900101-2385"], 0), (["guide", "new-in-sweden", "--person", "19900101-2385"], 3),
        (["start", "new-in-sweden", "--person", "19900101-2385"], 0), (["journeys"], 0), (["show", "new-in-sweden"], 0),
        (["graph", "new-in-sweden", "--format", "dot"], 0), (["validate"], 0),
    ])
    func closedPipe(arguments: [String], lines: Int) throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let ended = try Self.run(arguments, closingAfter: lines, runner: runner)
        if lines > 0, ended.reason == .exit, ended.status == 0 {
            // Everything fit in the pipe before it was closed: nothing to check but the silence.
            #expect(ended.error.isEmpty)
            return
        }
        #expect(ended.reason == .exit)
        #expect(ended.status == 141)
        #expect(!ended.error.contains("Fatal error"))
        #expect(!ended.error.contains("Broken pipe"))
        #expect(ended.error.isEmpty)
    }

    @Test("a closed pipe after --help ends as SIGPIPE ends a process, without a message")
    func closedPipeAfterHelp() throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let ended = try Self.run(["guide", "--help"], closingAfter: 0, runner: runner)
        // argument-parser writes help before Lotsen writes anything: the default SIGPIPE ends it, which a shell reports as 141.
        #expect((ended.reason == .uncaughtSignal && ended.status == SIGPIPE) || (ended.reason == .exit && [0, 141].contains(ended.status)))
        #expect(ended.error.isEmpty)
    }

    @Test("serve keeps serving when its standard error is closed, and stops cleanly")
    func serveWithClosedStandardError() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--port", "0", "--create-database", "--database", runner.database]
        process.currentDirectoryURL = CLIRunner.root
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var address: String?
        var buffered = ""
        let deadline = Date().addingTimeInterval(30)
        while address == nil, Date() < deadline {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffered += String(decoding: data, as: UTF8.self)
            for line in buffered.split(separator: "\n") {
                if let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], entry["message"] as? String == "listening" {
                    address = entry["address"] as? String
                }
            }
        }
        let base = try #require(address)
        try errors.fileHandleForReading.close()
        // Each request writes a log line to the closed standard error.
        for _ in 0..<3 {
            let (_, response) = try await URLSession.shared.data(from: URL(string: base + "/health")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
        }
        #expect(process.isRunning)
        process.terminate()
        let stopped = Date().addingTimeInterval(15)
        while process.isRunning, Date() < stopped { try await Task.sleep(for: .milliseconds(50)) }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}
