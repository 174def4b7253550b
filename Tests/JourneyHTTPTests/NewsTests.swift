import Foundation
import HTTPTypes
import Hummingbird
import JourneyAdapters
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

@Suite("A person's news: reminders of due steps")
struct NewsTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static func items(_ reply: Client.Reply) -> [[String: Any]] { reply.json["items"] as? [[String: Any]] ?? [] }

    @Test("a step due soon and then overdue makes one reminder each; the person and caseworkers list them, only the person marks them read")
    func remindersAreListedAndMarkedRead() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizen = try await harness.founder(client)
            let news = "/v1/people/\(citizen.person)/news"
            #expect(Self.items(try await client.send(.get, news, token: citizen.token)).isEmpty)

            harness.advance(days: 180)
            #expect(try await harness.engine.fireDueTimers(in: harness.store).map(\.kind) == [.soon])
            #expect(try await harness.engine.fireDueTimers(in: harness.store).isEmpty)
            let soon = try #require(Self.items(try await client.send(.get, news, token: citizen.token)).first)
            #expect(soon["kind"] as? String == "soon")
            #expect(soon["step"] as? String == "register-limited-company")
            #expect(soon["journey"] as? String == "starting-a-business")
            #expect(soon["enrollment"] as? String == citizen.enrollment.rawValue)
            #expect(soon["due"] is String && soon["dueDay"] is String && soon["readAt"] == nil)

            harness.advance(days: 10)
            _ = try await harness.engine.fireDueTimers(in: harness.store)
            let listed = Self.items(try await client.send(.get, news, token: caseworker))
            #expect(listed.map { $0["kind"] as? String } == ["overdue", "soon"])

            let id = try #require(soon["id"] as? String)
            let read = "\(news)/\(id)/read"
            #expect(try await client.send(.post, read, token: caseworker).status == .forbidden)
            #expect(try await client.send(.post, "\(news)/999999/read", token: citizen.token).errorCode == "unknownNews")
            #expect(try await client.send(.post, "\(news)/not-a-number/read", token: citizen.token).errorCode == "unknownNews")
            let marked = try await client.send(.post, read, token: citizen.token)
            #expect(marked.status == .ok, "\(marked.text)")
            let readAt = try #require(marked.json["readAt"] as? String)
            harness.advance(days: 1)
            #expect(try await client.send(.post, read, token: citizen.token).json["readAt"] as? String == readAt)
            #expect(Self.items(try await client.send(.get, news, token: citizen.token)).map { $0["readAt"] != nil } == [false, true])

            let entries = try await harness.requests(about: citizen.person)
            #expect(entries.contains { $0.action == .read && $0.requester?.purpose == "GET /v1/people/{personId}/news" && $0.requester?.role == .caseworker })
            #expect(entries.contains { $0.action == .change && $0.step == "register-limited-company"
                && $0.requester?.purpose == "POST /v1/people/{personId}/news/{newsId}/read" })
        }
    }

    @Test("reminders sent to the webhook are counted in /metrics by outcome; one given up is logged with its code only")
    func webhookDeliveriesAreCountedAndLogged() async throws {
        // A receiver on loopback that is down for good.
        let router = Router()
        router.post("hooks") { _, _ in Response(status: .serviceUnavailable) }
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let receiver = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.yield(channel.localAddress?.port ?? 0) })
        let running = Task { try await receiver.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let address = try #require(URL(string: "http://127.0.0.1:\(await iterator.next() ?? 0)/hooks"))
        let webhook = ReminderWebhook(url: address, secret: String(repeating: "s", count: 32))
        defer { Task { await webhook.shutdown() } }
        let harness = self.harness
        let dispatcher = ReminderDispatcher(outbox: harness.measured, notifier: webhook, policy: .init(maxAttempts: 2, firstBackoff: .zero),
            clock: { harness.now })
        let worker = ReminderWorker(dispatcher: dispatcher, metrics: harness.metrics, logger: harness.logger)

        try await harness.test { client async throws in
            let citizen = try await harness.founder(client)
            harness.advance(days: 180)
            _ = try await harness.engine.fireDueTimers(in: harness.store)
            #expect(await worker.pass().retried == 1)
            #expect(await worker.pass().failed == [ReminderNotificationFailure(code: "status-503")])
            let metrics = Exposition(try await client.send(.get, "/metrics").text)
            #expect(metrics.value("lotsen_reminder_deliveries_total", ["outcome": "retried"]) == 1)
            #expect(metrics.value("lotsen_reminder_deliveries_total", ["outcome": "failed"]) == 1)
            #expect(metrics.value("lotsen_reminder_deliveries_total", ["outcome": "delivered"]) == 0)
            let given = try #require(harness.logs.all.first { $0.contains("given up") })
            #expect(given.contains("status-503"))
            for secret in [citizen.person.rawValue, citizen.enrollment.rawValue, "register-limited-company", "starting-a-business"] {
                #expect(!harness.logs.all.contains { $0.contains("reminder") && $0.contains(secret) }, "\(secret)")
            }
        }
    }
}
