import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One `lotsen serve` that a killer task SIGKILLs at random moments and starts again (on a new port, as a supervisor
/// would), while clients keep sending: the API half of the crash matrix.
final class KilledServer: Sendable {
    private struct State {
        var node: ServeNode?
        var generation = 0
        var stopping = false
    }

    private let state = Mutex(State())
    let lotsen: LotsenCommand
    let environment: [String: String]

    init(lotsen: LotsenCommand, environment: [String: String]) {
        self.lotsen = lotsen
        self.environment = environment
    }

    func start() async throws {
        let generation = state.withLock { state -> Int in
            state.generation += 1
            return state.generation
        }
        let node = try await ServeNode.start(name: "crash-\(generation)", lotsen: lotsen, environment: environment)
        state.withLock { $0.node = node }
    }

    /// The address of the running server, or nil while it is down.
    var base: URL? { state.withLock { $0.node?.base } }

    /// Every `lotsen serve` process started, for the bag that kills what is left at the end.
    var process: Process? { state.withLock { $0.node?.process } }

    /// Kills the server every `interval` (drawn at random) and starts it again, until `stop()`.
    func killRepeatedly(interval: ClosedRange<Double>, random: KillingRunner, ledger: CrashLedger) async throws {
        while !state.withLock({ $0.stopping }) {
            let pause = interval.lowerBound + random.draw() * (interval.upperBound - interval.lowerBound)
            try await Task.sleep(for: .milliseconds(pause))
            guard !state.withLock({ $0.stopping }), let node = state.withLock({ $0.node }) else { break }
            state.withLock { $0.node = nil }
            if node.process.isRunning, kill(node.process.processIdentifier, SIGKILL) == 0 {
                ledger.counts.withLock { $0.killsServe += 1 }
            }
            node.process.waitUntilExit()
            try await start()
        }
    }

    func stop() { state.withLock { $0.stopping = true } }

    /// Stops the last server with SIGKILL too: the checks read the database as a crash left it.
    func killLast() {
        guard let node = state.withLock({ $0.node }), node.process.isRunning else { return }
        kill(node.process.processIdentifier, SIGKILL)
        node.process.waitUntilExit()
    }
}

/// A client of ``KilledServer`` that makes sure of every change: a request whose connection failed (the server died
/// under it, the outcome unknown) is sent again once the server is back; 409 and 503 are retried; the first 2xx is
/// the acknowledgement. Every change it sends is idempotent, so sending one again must never make it twice.
struct SurvivingClient: Sendable {
    let server: KilledServer
    let ledger: CrashLedger
    let session: URLSession

    init(server: KilledServer, ledger: CrashLedger) {
        self.server = server
        self.ledger = ledger
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 20
        session = URLSession(configuration: configuration)
    }

    /// Sends until acknowledged; returns the answer, or nil after recording a failure.
    func send(_ method: String, _ path: String, token: String, body: [String: Any]? = nil) async throws -> APIResponse? {
        let bodyData = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let deadline = ContinuousClock.now + .seconds(120)
        var attempt = 0
        while ContinuousClock.now < deadline {
            attempt += 1
            guard let base = server.base else {
                try await Task.sleep(for: .milliseconds(20))
                continue
            }
            var request = URLRequest(url: URL(string: base.absoluteString + path)!)
            request.httpMethod = method
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            if let bodyData {
                request.httpBody = bodyData
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let answer: APIResponse
            do {
                let (data, response) = try await session.data(for: request)
                answer = APIResponse(status: (response as? HTTPURLResponse)?.statusCode ?? 0, data: data, node: 0)
            } catch {
                // The server died under the request (or was down): whether it wrote is unknown; send it again.
                ledger.counts.withLock { $0.resentRequests += 1 }
                try await Task.sleep(for: .milliseconds(30))
                continue
            }
            if answer.ok { return answer }
            if answer.status == 409 || answer.status == 503 {
                try await Task.sleep(for: .milliseconds(20 * min(attempt, 10)))
                continue
            }
            ledger.fail("\(method) \(path) → \(answer.status) \(answer.text)")
            return nil
        }
        ledger.fail("\(method) \(path): no answer within 120 s")
        return nil
    }
}

/// A person walked through `new-in-sweden` through the API: answers, Migrationsverket's two events for the residence
/// permit, then each step of ``CrashMatrix/steps`` started and completed.
struct APIWalk: Sendable {
    let client: SurvivingClient
    let caseworker: String
    let agency: String
    let tag: String

    nonisolated(unsafe) static let answers: [String: Any] = ["citizenship": "US", "stayAtLeastOneYear": true, "hasChildren": false, "lookingForWork": false,
        "hasForeignDrivingLicence": true, "drivingLicenceCountry": "US", "fullName": "Test Testsson", "address": "Testgatan 1, 111 11 Stockholm",
        "alreadyRegistered": false, "passportNumber": "X1234567", "permitGround": "work"]

    func walk(_ citizen: Citizen) async throws {
        let ledger = client.ledger
        guard let mine = try await client.send("POST", "/v1/enrollments", token: citizen.token, body: ["journey": "new-in-sweden"]),
            let enrollment = mine.json?["id"] as? String
        else { return }
        guard try await client.send("POST", "/v1/enrollments/\(enrollment)/facts", token: citizen.token, body: ["answers": Self.answers]) != nil
        else { return }
        for fact in Self.answers.keys { ledger.acknowledged(citizen.reference, "factRecorded \(fact)") }
        ledger.counts.withLock { $0.facts += Self.answers.count }
        for (suffix, type) in [("r", "received"), ("d", "decided")] {
            let messageID = "crash-\(tag)-\(citizen.index)-\(suffix)"
            var body: [String: Any] = ["messageId": messageID, "agency": "migrationsverket", "service": "migrationsverket.residence-permit",
                "person": citizen.reference, "journey": "new-in-sweden", "type": type, "caseReference": "MIG-\(citizen.index)", "language": "en"]
            if type == "decided" { body["decision"] = "approved" }
            guard try await client.send("POST", "/v1/agency-events", token: agency, body: body) != nil else { return }
            ledger.acknowledgedMessage(messageID)
            ledger.acknowledged(citizen.reference, "stepProgressed residence-permit \(type == "received" ? "waitingOnAgency" : "completed")")
        }
        for step in CrashMatrix.steps where step != "residence-permit" {
            for (verb, progress) in [("start", "started"), ("complete", "completed")] {
                guard try await client.send("POST", "/v1/enrollments/\(enrollment)/steps/\(step)/\(verb)", token: citizen.token) != nil else { return }
                ledger.acknowledged(citizen.reference, "stepProgressed \(step) \(progress)")
                ledger.counts.withLock { $0.transitionsServe += 1 }
            }
        }
        // A caseworker's read at the end: the walk is over only when the server answers for all of it.
        _ = try await client.send("GET", "/v1/enrollments/\(enrollment)", token: caseworker)
    }
}
