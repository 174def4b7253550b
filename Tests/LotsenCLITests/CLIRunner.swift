import Foundation
import Testing

/// Runs the real `lotsen` binary as a user would, from the package root, with its own database file.
struct CLIRunner {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built next to the test bundle (`swift test` builds it, since this target depends on it).
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lotsen")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/lotsen")
    }()

    let folder: URL
    var database: String { folder.appendingPathComponent("lotsen.sqlite").path }

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-cli-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `lotsen ARGUMENTS` with no terminal, English, and this runner's database; `input` becomes standard input.
    ///
    /// The child is waited for on a Dispatch worker thread, never on Swift's cooperative pool: every test target runs in one
    /// process, and on a two-core machine two commands waited for on the pool's two threads stalled every other test's
    /// HTTP traffic (the sandbox agencies, the identity provider) until their timeouts.
    func run(_ arguments: [String], environment extra: [String: String] = [:], directory: URL = CLIRunner.root, input: String? = nil) async throws
        -> Result
    {
        let database = database
        return try await withCheckedThrowingContinuation { continuation in
            // A Dispatch worker, as the two-node tests use: its threads block signals, so a child's SIGCHLD never
            // interrupts the pipe reads (Foundation turns an interrupted read into a crash).
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try Self.runHere(arguments, database: database, environment: extra, directory: directory, input: input) })
            }
        }
    }

    /// Runs the command on the calling thread, blocking it until the command ends.
    private static func runHere(_ arguments: [String], database: String, environment extra: [String: String], directory: URL, input: String?) throws
        -> CLIRunner.Result
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LOTSEN_JOURNEYS", "LOTSEN_ADAPTERS", "COLUMNS"] { environment[key] = nil }
        environment["LOTSEN_DATABASE"] = database
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
    }
}

/// Compares text with a file under Tests/LotsenCLITests/Golden. With `LOTSEN_UPDATE_GOLDEN=1` it rewrites the
/// file instead, so a deliberate change to user-facing text is reviewed as a diff.
enum Golden {
    static let folder = CLIRunner.root.appendingPathComponent("Tests/LotsenCLITests/Golden")

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LOTSEN_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
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
}
