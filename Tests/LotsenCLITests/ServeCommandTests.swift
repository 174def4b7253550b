import Foundation
import JourneyModel
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("lotsen token and lotsen serve as real processes")
struct ServeCommandTests {
    @Test("a token is shown once, listed without its secret, and revoked")
    func tokenLifecycle() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let created = try await runner.run(["token", "create", "--role", "citizen", "--person", OfficialTestNumbers.personnummer, "--label", "front end"])
        #expect(created.status == 0)
        let secret = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("lotsen_"))
        #expect(secret.count == 50)
        let id = try #require(created.error.split(separator: " ").first { $0.hasPrefix("tk-") }.map(String.init))
        let list = try await runner.run(["token", "list"])
        #expect(list.output.contains(id))
        #expect(list.output.contains("person (not yet started a journey)"))
        #expect(!list.output.contains(secret))
        #expect(!list.output.contains(OfficialTestNumbers.personnummer))
        #expect(try await runner.run(["token", "revoke", id]).status == 0)
        #expect(try await runner.run(["token", "list"]).output.contains("revoked"))
        let unknown = try await runner.run(["token", "revoke", "tk-nothing"])
        #expect(unknown.status == 1)
        #expect(try await runner.run(["token", "create", "--role", "agency", "--agency", "nasa"]).status == 1)
        #expect(try await runner.run(["token", "create", "--role", "citizen"]).status == 64)
        #expect(try await runner.run(["token", "create", "--role", "caseworker", "--agency", "skatteverket"]).status == 64)
    }

    @Test("serve refuses a reminder webhook that is not http(s) or has no long enough secret, without repeating the secret")
    func reminderWebhookIsChecked() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let noSecret = try await runner.run(["serve", "--reminder-webhook", "https://hooks.example/lotsen"], environment: ["LOTSEN_REMINDER_WEBHOOK_SECRET": ""])
        #expect(noSecret.status == 64)
        #expect(noSecret.error.contains("LOTSEN_REMINDER_WEBHOOK_SECRET is not set"), "\(noSecret.error)")
        let short = try await runner.run(["serve", "--reminder-webhook", "https://hooks.example/lotsen"], environment: ["LOTSEN_REMINDER_WEBHOOK_SECRET": "hunter2"])
        #expect(short.status == 64)
        #expect(short.error.contains("shorter than 32 characters") && !short.error.contains("hunter2"), "\(short.error)")
        let secret = ["LOTSEN_REMINDER_WEBHOOK_SECRET": String(repeating: "k", count: 32)]
        for url in ["ftp://hooks.example/lotsen", "hooks.example/lotsen", "https://"] {
            let refused = try await runner.run(["serve", "--reminder-webhook", url], environment: secret)
            #expect(refused.status == 64, "\(url)")
            #expect(refused.error.contains("--reminder-webhook must be an http or https URL"), "\(url): \(refused.error)")
        }
    }

    @Test("serve migrates, answers /health, and stops gracefully on SIGTERM")
    func serveStopsOnSigterm() async throws {
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

        // The log line that says where it listens, within 30 seconds.
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
        #expect(buffered.contains("\"message\":\"database ready\""))
        let (data, response) = try await URLSession.shared.data(from: URL(string: base + "/health")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("\"status\":\"ok\""))

        process.terminate()
        let stopped = Date().addingTimeInterval(15)
        while process.isRunning, Date() < stopped { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}
