import Foundation
import JourneyModel
import Logging
import PostgresNIO
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - Nodes and the client

/// The nodes' addresses, which of them is up, and the one SIGKILL of the run, fired by the request that crosses
/// `killAt`.
final class NodeTable: Sendable {
    private struct State {
        var bases: [URL]
        var up: [Bool]
        var completed = 0
        var killed = false
        var killedAtRequest = 0
    }

    private let state: Mutex<State>
    let killAt: Int
    let victim: Int
    let victimPID: Int32

    init(bases: [URL], killAt: Int, victim: Int, victimPID: Int32) {
        state = Mutex(State(bases: bases, up: bases.map { _ in true }))
        self.killAt = killAt
        self.victim = victim
        self.victimPID = victimPID
    }

    /// The node to send to: the one asked for while it is up, else the other.
    func route(_ preferred: Int) -> (node: Int, base: URL) {
        state.withLock { state in
            let node = state.up[preferred] ? preferred : (preferred + 1) % state.bases.count
            return (node, state.bases[node])
        }
    }

    func base(_ node: Int) -> URL { state.withLock { $0.bases[node] } }
    func isUp(_ node: Int) -> Bool { state.withLock { $0.up[node] } }
    var killed: Bool { state.withLock { $0.killed } }
    var killedAtRequest: Int { state.withLock { $0.killedAtRequest } }

    /// Counts a finished request; the one that reaches `killAt` marks the victim down (no new request goes there)
    /// and SIGKILLs it, with the other requests still in flight on both nodes.
    func completed() {
        state.withLock { state in
            state.completed += 1
            guard !state.killed, state.completed >= killAt else { return }
            state.killed = true
            state.killedAtRequest = state.completed
            state.up[victim] = false
            kill(victimPID, SIGKILL)
        }
    }

    func revive(_ node: Int, at base: URL) {
        state.withLock { state in
            state.bases[node] = base
            state.up[node] = true
        }
    }
}

/// One answer of the API.
struct APIResponse: @unchecked Sendable {
    let status: Int
    let data: Data
    let node: Int

    var text: String { String(decoding: data.prefix(400), as: UTF8.self) }
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: data) as? [String: Any] }
    var ok: Bool { (200..<300).contains(status) }

    /// Each step's state, from an enrollment document.
    var stepStates: [String: String] {
        var states: [String: String] = [:]
        for step in json?["steps"] as? [[String: Any]] ?? [] {
            if let id = step["id"] as? String, let state = step["state"] as? String { states[id] = state }
        }
        return states
    }
}

/// What the client saw.
struct ClientStats {
    var requests = 0
    var ok = 0
    var conflicts = 0
    var busy = 0
    var server5xx = 0
    var otherStatus = 0
    var transportFailures = 0
    var failovers = 0
    /// Answers per node, by index (node b's count includes its restarted process).
    var perNode = [0, 0]
    /// Answers from node b after the kill: its restarted process.
    var afterRestart = 0
    var failures: [String] = []
    var unplanned: [String] = []
}

/// A client as a front end or an agency would be: retries on 409 and 503 only (503 after its Retry-After, at most a
/// second), and sends a request again to the other node when the connection to a node that went down failed.
final class APIClient: Sendable {
    let nodes: NodeTable
    let stats = Mutex(ClientStats())
    private let session: URLSession

    static let maximumAttempts = 30

    init(nodes: NodeTable) {
        self.nodes = nodes
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        configuration.httpMaximumConnectionsPerHost = 32
        session = URLSession(configuration: configuration)
    }

    /// Sends to `preferred` (or the other node when it is down) until the answer is neither 409 nor 503.
    func call(_ preferred: Int, _ method: String, _ path: String, token: String, body: Any? = nil, planned: Bool = true) async throws -> APIResponse {
        var last: APIResponse?
        for attempt in 1...Self.maximumAttempts {
            let (node, base) = nodes.route(preferred)
            let response: APIResponse
            do {
                response = try await send(base, method, path, token: token, body: body, node: node)
            } catch {
                stats.withLock { $0.transportFailures += 1 }
                // The killed node: the outcome is unknown, so the same (idempotent) request goes to the other node.
                if !nodes.isUp(node) {
                    stats.withLock { $0.failovers += 1 }
                    try await Task.sleep(for: .milliseconds(20))
                    continue
                }
                stats.withLock { $0.failures.append("\(method) \(path) on node \(node): \(error)") }
                throw error
            }
            nodes.completed()
            stats.withLock { stats in
                stats.requests += 1
                stats.perNode[node] += 1
                if node == nodes.victim, nodes.killed { stats.afterRestart += 1 }
                switch response.status {
                case 200..<300: stats.ok += 1
                case 409: stats.conflicts += 1
                case 503: stats.busy += 1
                case 500...:
                    stats.server5xx += 1
                    stats.failures.append("\(method) \(path) on node \(node): \(response.status) \(response.text)")
                default: stats.otherStatus += 1
                }
            }
            last = response
            guard response.status == 409 || response.status == 503 else { break }
            let pause = response.status == 503 ? 200 * min(attempt, 5) : Int.random(in: 5...25) * min(attempt, 8)
            try await Task.sleep(for: .milliseconds(pause))
        }
        let final = try #require(last, "\(method) \(path): no answer from either node")
        if planned, !final.ok {
            stats.withLock { $0.unplanned.append("\(method) \(path) → \(final.status) \(final.text)") }
        }
        return final
    }

    /// One request to one node's base URL, no retry (for the checks after the run).
    func direct(_ base: URL, _ method: String, _ path: String, token: String, body: Any? = nil) async throws -> APIResponse {
        try await send(base, method, path, token: token, body: body, node: -1)
    }

    private func send(_ base: URL, _ method: String, _ path: String, token: String, body: Any?, node: Int) async throws -> APIResponse {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.data(for: request)
        return APIResponse(status: (response as? HTTPURLResponse)?.statusCode ?? 0, data: data, node: node)
    }
}
