import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `lotsen serve` as a real process on a free loopback port: started, waited for until it listens (or exits), asked
/// over HTTP, and stopped. With `unprivileged`, a test running as root starts it as the user nobody (through
/// `setpriv`), since root writes a file whatever its mode says and a read-only file could not be tested otherwise.
final class ServeProcess {
    static let nobody: UInt32 = 65534
    /// Whether the tests run as root, when a server meant to lack write permission must run as another user.
    static var runningAsRoot: Bool { geteuid() == 0 }

    let process = Process()
    private let errors = Pipe()
    private(set) var log = ""
    private(set) var base: String?

    /// `environment` is added to the test's own (such as `LOTSEN_SANDBOX_URL`).
    init(_ arguments: [String], unprivileged: Bool = false, environment: [String: String] = [:]) throws {
        if unprivileged, Self.runningAsRoot {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", "--", CLIRunner.binary.path] + arguments
        } else {
            process.executableURL = CLIRunner.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = CLIRunner.root
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The log line that says where it listens, within 30 seconds; or the end of standard error when it exits.
        let deadline = Date().addingTimeInterval(30)
        while base == nil, Date() < deadline {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
            for line in log.split(separator: "\n") {
                if let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], entry["message"] as? String == "listening" {
                    base = entry["address"] as? String
                }
            }
        }
    }

    /// Waits for a server that did not start to exit, and returns its status.
    func exitStatus() -> Int32 {
        log += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Sends a request; returns the status, the `Retry-After` header and the body as JSON.
    func send(_ method: String, _ path: String, token: String? = nil, json: [String: Any]? = nil, headers: [String: String] = [:]) async throws
        -> (status: Int, retryAfter: String?, body: [String: Any])
    {
        let base = try #require(base, "lotsen serve did not start: \(log)")
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (http.statusCode, http.value(forHTTPHeaderField: "Retry-After"), body)
    }

    /// Stops it with SIGTERM and waits (at most 15 seconds).
    func stop() async throws {
        guard process.isRunning else { return }
        process.terminate()
        let stopped = Date().addingTimeInterval(15)
        while process.isRunning, Date() < stopped { try await Task.sleep(for: .milliseconds(50)) }
    }

    deinit { if process.isRunning { process.terminate() } }
}

extension CLIRunner {
    /// Gives the runner's folder and everything in it to the user nobody, for a server started `unprivileged`.
    func giveToUnprivilegedUser() throws {
        guard ServeProcess.runningAsRoot else { return }
        let paths = [folder.path] + (try FileManager.default.contentsOfDirectory(atPath: folder.path)).map { folder.appendingPathComponent($0).path }
        for path in paths { #expect(chown(path, ServeProcess.nobody, ServeProcess.nobody) == 0, "chown \(path)") }
    }
}
