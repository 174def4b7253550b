import Crypto
import Foundation
import JourneyAdapters
import JourneyEngine
import JourneyModel
import JourneySQLite
import JourneyStore
import Synchronization
import Testing

/// The reminders' webhook end to end: a real SQLite outbox, the dispatcher with a clock the test moves, and a real
/// HTTP receiver on loopback that checks every signature.
@Suite("The reminders' webhook over real HTTP")
struct ReminderWebhookTests {
    static let secret = "5f0c2a9e7b1d4c8a93e6f1b2d7c4a0e8"
    /// 2026-06-01 00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_780_272_000)

    final class Clock: Sendable {
        private let moment = Mutex(ReminderWebhookTests.start)
        var now: Date { moment.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { moment.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    let folder: URL
    let store: SQLiteJourneyStore
    let clock = Clock()

    /// One person whose step is due in five days, with its due-soon reminder made.
    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-webhook-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteJourneyStore(path: folder.appendingPathComponent("outbox.sqlite").path)
        let start = Self.start
        let enrollment = StoredEnrollment(id: "le-webhook001", person: "lp-webhook001", journey: "starting-a-business", journeyVersion: 1, status: .active,
            ball: .person, revision: 1, createdAt: start, updatedAt: start,
            steps: ["register-limited-company": StoredStep(progress: nil, state: .available, since: start, due: start.addingTimeInterval(5 * 86_400))])
        _ = try await store.transact(creating: StoredPerson(id: "lp-webhook001", identity: nil, createdAt: start)) { snapshot in
            snapshot.enrollments.append(enrollment)
            return []
        }
        #expect(try await store.fireDueTimers(at: start, limit: 10).map(\.kind) == [.soon])
    }

    func dispatcher(to receiver: ScriptedAgency, policy: ReminderDispatcher.Policy) -> (ReminderDispatcher, ReminderWebhook) {
        let clock = self.clock
        let webhook = ReminderWebhook(url: receiver.root.appendingPathComponent("hooks/lotsen"), secret: Self.secret, clock: { clock.now })
        return (ReminderDispatcher(outbox: store, notifier: webhook, claimant: "node-1", policy: policy, clock: { clock.now }), webhook)
    }

    /// What a receiver does: recompute the HMAC-SHA256 of `timestamp.body` and compare.
    static func signatureIsValid(_ request: ScriptedAgency.Received) -> Bool {
        guard let timestamp = request.headers["lotsen-timestamp"], let signature = request.headers["lotsen-signature"] else { return false }
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(request.body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return signature == "v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    @Test("a reminder arrives signed with opaque ids only; a failing receiver gets it again after a doubling backoff, and once it is back, once")
    func retriedUntilTheReceiverIsBack() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let receiver = try await ScriptedAgency([.json(status: 503, body: "{}"), .json(status: 500, body: "{}"), .json(status: 204, body: "")])
        let (dispatcher, webhook) = dispatcher(to: receiver, policy: ReminderDispatcher.Policy(maxAttempts: 5, firstBackoff: .seconds(30)))
        defer { Task { await webhook.shutdown() } }

        #expect(try await dispatcher.pass().retried == 1)
        clock.advance(29)
        #expect(try await dispatcher.pass() == ReminderDispatcher.Pass())
        clock.advance(1)
        #expect(try await dispatcher.pass().retried == 1)
        clock.advance(59)
        #expect(try await dispatcher.pass() == ReminderDispatcher.Pass())
        clock.advance(1)
        #expect(try await dispatcher.pass().delivered == 1)
        clock.advance(86_400)
        #expect(try await dispatcher.pass() == ReminderDispatcher.Pass())

        let received = receiver.received
        #expect(received.count == 3)
        #expect(received.allSatisfy { $0.method == "POST" && $0.path == "/hooks/lotsen" && $0.headers["content-type"] == "application/json" })
        #expect(received.allSatisfy(Self.signatureIsValid))
        #expect(received.map { $0.headers["lotsen-timestamp"] } == [0, 30, 90].map { String(Int(Self.start.timeIntervalSince1970) + $0) })
        // The same body every time, so a receiver can drop an id it has seen.
        #expect(Set(received.map(\.body)).count == 1)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(received[0].body.utf8)) as? [String: String])
        #expect(body.keys.sorted() == ["createdAt", "due", "dueDay", "enrollment", "id", "journey", "kind", "person", "step"])
        #expect(body["person"] == "lp-webhook001" && body["kind"] == "soon" && body["step"] == "register-limited-company")
        #expect(body["dueDay"] == "2026-06-05" && body["due"] == "2026-06-06T00:00:00Z")

        // A tampered body or a wrong secret does not verify.
        var tampered = received[0]
        tampered = ScriptedAgency.Received(method: tampered.method, path: tampered.path, headers: tampered.headers,
            body: tampered.body.replacingOccurrences(of: "soon", with: "done"))
        #expect(!Self.signatureIsValid(tampered))

        let journal = try await store.journal(person: "lp-webhook001").filter { $0.action == .remind }
        #expect(journal.map(\.outcome) == [.completed])
        #expect(journal.first?.detail == "soon" && journal.first?.step == "register-limited-company")
    }

    @Test("a receiver that never takes it gets a bounded number of attempts, the waits capped; then the reminder is failed and journaled")
    func givenUpAfterTheLastAttempt() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let receiver = try await ScriptedAgency([.json(status: 500, body: "{}")])
        let (dispatcher, webhook) = dispatcher(to: receiver, policy: ReminderDispatcher.Policy(maxAttempts: 3, firstBackoff: .seconds(10), maxBackoff: .seconds(15)))
        defer { Task { await webhook.shutdown() } }

        #expect(try await dispatcher.pass().retried == 1)
        clock.advance(10)
        #expect(try await dispatcher.pass().retried == 1)
        clock.advance(14)
        #expect(try await dispatcher.pass() == ReminderDispatcher.Pass())
        clock.advance(1)
        #expect(try await dispatcher.pass().failed == [ReminderNotificationFailure(code: "status-500")])
        clock.advance(86_400)
        #expect(try await dispatcher.pass() == ReminderDispatcher.Pass())
        #expect(receiver.received.count == 3)
        let journal = try await store.journal(person: "lp-webhook001").filter { $0.action == .remind }
        #expect(journal.map(\.outcome) == [.failed])
        #expect(journal.first?.detail == "status-500")
    }

    @Test("a receiver nobody listens on counts as an attempt, tried again later")
    func unreachableIsRetried() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = self.clock
        let webhook = ReminderWebhook(url: URL(string: "http://127.0.0.1:1/hooks")!, secret: Self.secret, timeout: .seconds(2), clock: { clock.now })
        defer { Task { await webhook.shutdown() } }
        let reminder = try #require(try await store.reminders(of: "lp-webhook001").first)
        await #expect(throws: ReminderNotificationFailure(code: "unreachable")) { try await webhook.notify(reminder) }
        let dispatcher = ReminderDispatcher(outbox: store, notifier: webhook, claimant: "node-1", clock: { clock.now })
        #expect(try await dispatcher.pass().retried == 1)
    }

    @Test("the default backoff doubles from 30 seconds to at most an hour over eight attempts")
    func defaultBackoff() {
        let policy = ReminderDispatcher.Policy()
        #expect((1..<policy.maxAttempts).map { policy.backoff(after: $0) } == [30, 60, 120, 240, 480, 960, 1920].map { Duration.seconds($0) })
        #expect(policy.backoff(after: 9) == .seconds(3600))
        #expect(policy.backoff(after: 500) == .seconds(3600))
    }

    @Test("a secret shorter than 32 characters, or none, is refused without being repeated")
    func secretIsChecked() {
        #expect(ReminderWebhook.checkSecret(nil) == "LOTSEN_REMINDER_WEBHOOK_SECRET is not set")
        #expect(ReminderWebhook.checkSecret("short-secret")?.contains("short-secret") == false)
        #expect(ReminderWebhook.checkSecret(Self.secret) == nil)
    }
}
