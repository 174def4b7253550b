import Crypto
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import JourneyModel
import Synchronization
import Testing

/// `lotsen serve --reminder-webhook`: the real binary fires a due-soon timer and posts its reminder, signed, to a
/// receiver on loopback, once, and journals it.
@Suite("Reminders posted to a webhook by lotsen serve")
struct ReminderWebhookCommandTests {
    static let person = OfficialTestNumbers.personnummer
    static let secret = "9c1e4b7a2d5f8e0b3a6c9d2e5f8a1b4c"

    /// What the receiver was sent: the signature headers and the body.
    final class Inbox: Sendable {
        let requests = Mutex<[(timestamp: String?, signature: String?, body: String)]>([])
    }

    @Test("an overdue step is reminded at the webhook once, with a valid signature and no personal data")
    func reminderArrivesOnce() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["start", "starting-a-business", "--person", Self.person]).status == 0)
        #expect(try await cli.run(["answer", "--person", Self.person, "businessForm=aktiebolag", "companyName=Testbolaget AB"]).status == 0)
        for step in ["name-check", "articles-of-association"] { #expect(try await cli.run(["complete", step, "--person", Self.person]).status == 0) }
        // Six months pass: the clock cannot be moved from outside, so the deadline's timer is.
        let database = try DatabaseQueue(path: cli.database)
        try await database.write { db in try db.execute(sql: "UPDATE timer SET dueAt = 0 WHERE kind = 'due'") }

        let inbox = Inbox()
        let router = Router()
        router.post("hooks") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 16)
            inbox.requests.withLock {
                $0.append((request.headers[HTTPField.Name("Lotsen-Timestamp")!], request.headers[HTTPField.Name("Lotsen-Signature")!], String(buffer: body)))
            }
            return Response(status: .noContent)
        }
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.yield(channel.localAddress?.port ?? 0) })
        let running = Task { try await receiver.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let address = "http://127.0.0.1:\(await iterator.next() ?? 0)/hooks"

        let serve = Process()
        serve.executableURL = CLIRunner.binary
        serve.arguments = ["serve", "--port", "0", "--database", cli.database, "--reminder-webhook", address]
        serve.currentDirectoryURL = CLIRunner.root
        serve.environment = ProcessInfo.processInfo.environment.merging(["LOTSEN_REMINDER_WEBHOOK_SECRET": Self.secret]) { $1 }
        let log = cli.database + ".log"
        FileManager.default.createFile(atPath: log, contents: nil)
        serve.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        serve.standardOutput = FileHandle.nullDevice
        try serve.run()
        defer { if serve.isRunning { serve.terminate() } }

        // The timer worker and the webhook worker each run once a second.
        let deadline = Date().addingTimeInterval(30)
        while inbox.requests.withLock({ $0.isEmpty }), Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        try await Task.sleep(for: .seconds(3))
        serve.terminate()
        serve.waitUntilExit()

        let requests = inbox.requests.withLock { $0 }
        #expect(requests.count == 1, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let request = try #require(requests.first)
        let timestamp = try #require(request.timestamp)
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(request.body)".utf8), using: SymmetricKey(data: Data(Self.secret.utf8)))
        #expect(request.signature == "v1=" + mac.map { String(format: "%02x", $0) }.joined())
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: String])
        #expect(body["kind"] == "overdue" && body["step"] == "register-limited-company" && body["person"]?.hasPrefix("lp-") == true)
        for personal in ["199001012385", "19900101-2385", "900101", "Testbolaget"] { #expect(!request.body.contains(personal)) }
        // The log says that it was sent, never to whom.
        let logged = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logged.contains("reminders sent to the webhook"))
        #expect(!logged.contains(try #require(body["person"])) && !logged.contains(Self.secret))

        let settled = try await database.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM reminder WHERE delivery = 'delivered' AND attempts = 1"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM access_journal WHERE action = 'remind' AND outcome = 'completed'"))
        }
        #expect(settled.0 == 1 && settled.1 == 1)
        try database.close()
    }
}
