import Foundation
import Subprocess
import SystemPackage
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
    func run(_ arguments: [String], environment extra: [String: String] = [:], directory: URL = CLIRunner.root, input: String? = nil) async throws
        -> Result
    {
        var environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LOTSEN_JOURNEYS", "LOTSEN_ADAPTERS", "COLUMNS"] { environment[key] = nil }
        environment["LOTSEN_DATABASE"] = database
        environment.merge(extra) { $1 }
        return try await Self.run(Self.binary, arguments, environment: environment, directory: directory, input: input)
    }

    /// Runs `binary ARGUMENTS` to the end with exactly `environment`, and collects what it wrote.
    ///
    /// Spawned with swift-subprocess, waited for without holding a thread of Swift's cooperative pool (every test
    /// target runs in one process, and on two cores two commands blocking the pool's two threads stalled every other
    /// test's loopback HTTP past its timeouts), and without Foundation's `Process.run`, which on Swift 6.3.1 may read
    /// past a buffer while it lists /proc/self/fd and crash the whole test run (swift-corelibs-foundation#5472).
    static func run(_ binary: URL, _ arguments: [String], environment: [String: String], directory: URL, input: String? = nil) async throws
        -> Result
    {
        let variables = environment.map { Array("\($0.key)=\($0.value)\0".utf8) }
        let limit = 64 << 20
        let result = try await Subprocess.run(
            .path(FilePath(binary.path)), arguments: Arguments(arguments), environment: .custom(variables),
            workingDirectory: FilePath(directory.path), input: .array(Array((input ?? "").utf8)),
            output: .bytes(limit: limit), error: .bytes(limit: limit))
        let status: Int32 = switch result.terminationStatus {
        case .exited(let code): code
        case .signaled(let signal): signal
        }
        return Result(status: status, output: String(decoding: result.standardOutput, as: UTF8.self),
            error: String(decoding: result.standardError, as: UTF8.self))
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
