import AsyncHTTPClient
import Foundation
import JourneyModel
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Calls agencies over HTTP as `docs/adapter-format.md` describes: lookups, applications and case status, with
/// each adapter file's credentials, timeout and retry policy. Agencies without a `baseURL` are the sandbox's.
///
/// The adapter owns one `HTTPClient` (and so its connection pool): call ``shutdown()`` once it is no longer needed.
public final class HTTPAgencyAdapter: AgencyAdapter {
    let catalog: AgencyCatalog
    let sandbox: URL?
    let environment: [String: String]
    let client: HTTPClient

    /// The largest answer read from an agency; a longer one is a malformed response, so a broken or hostile agency
    /// cannot exhaust memory. The agency API's answers are a few kilobytes.
    static let answerLimit = 1 << 20

    /// - Parameters:
    ///   - sandbox: the root of the sandbox agencies, for agencies whose file has no `baseURL`.
    ///   - environment: where credential variables are read (the process environment by default).
    public init(catalog: AgencyCatalog, sandbox: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.catalog = catalog
        self.sandbox = sandbox
        self.environment = environment
        var configuration = HTTPClient.Configuration()
        // A redirect would re-send the person's data and the credentials to wherever the agency points; the agency
        // API has none, so a 3xx is reported as the agency's answer instead.
        configuration.redirectConfiguration = .disallow
        // A failed connection fails the attempt at once: the adapter file's retry policy decides on another one,
        // rather than the pool retrying silently until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        // The per-attempt deadline bounds the connect too; this only keeps a connection attempt that outlived its
        // request from lingering longer than the slowest agency's timeout.
        let longest = catalog.agencies.map(\.endpoint.timeout).max() ?? AgencyEndpoint.defaultTimeout
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: TimeAmount(longest))
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes the adapter's connections. Calls made afterwards fail as unreachable. Calling it again does nothing.
    public func shutdown() async {
        // The only failure is "already shut down", which is what the caller wants.
        try? await client.shutdown()
    }

    deinit {
        // A creator that forgot `shutdown()` leaks no connections, and does not trip HTTPClient's debug check.
        client.shutdown { _ in }
    }

    public func lookup(_ request: LookupRequest) async throws(AgencyError) -> [AgencyValue] {
        let body: AgencyValue = .object([
            "subject": .object(["personnummer": .string(request.subject.twelveDigits)]),
            "fields": .array(request.fields.map(AgencyValue.string)),
        ])
        let answer = try await call(request.service, method: .POST, path: ["lookups", request.service.name], body: body, purpose: request.purpose)
        guard case .object(let fields) = answer.json, case .array(let matches)? = fields["matches"] else {
            throw AgencyError(agency: request.service.agency, service: request.service, code: .malformedResponse,
                message: "the lookup answer has no 'matches' list")
        }
        return matches
    }

    public func submit(_ request: ApplicationRequest) async throws(AgencyError) -> AgencyCase {
        var body: [String: AgencyValue] = ["fields": .object(request.fields)]
        if let subject = request.subject { body["subject"] = .object(["personnummer": .string(subject.twelveDigits)]) }
        let answer = try await call(request.service, method: .POST, path: ["applications", request.service.name], body: .object(body),
            purpose: request.purpose, headers: ["Idempotency-Key": request.idempotencyKey])
        return try AgencyCase(decoding: answer.json, service: request.service)
    }

    public func caseStatus(_ request: CaseStatusRequest) async throws(AgencyError) -> AgencyCase {
        let answer = try await call(request.service, method: .GET, path: ["cases", request.caseID], body: nil, purpose: request.purpose)
        return try AgencyCase(decoding: answer.json, service: request.service)
    }

    // MARK: Transport

    static let segmentCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    struct Answer {
        let status: Int
        let json: AgencyValue
    }

    /// What one attempt received: the status and the body, `nil` when it was longer than ``answerLimit``.
    struct Received: Sendable {
        let status: Int
        let body: ByteBuffer?
    }

    /// One logical call: attempts as the agency's retry policy allows, each within its timeout.
    func call(_ service: ServiceID, method: HTTPMethod, path: [String], body: AgencyValue?, purpose: CallPurpose,
        headers: [String: String] = [:]) async throws(AgencyError) -> Answer
    {
        let agencyID = service.agency
        guard let agency = catalog.agency(agencyID) else {
            throw AgencyError(agency: agencyID, service: service, code: .notConfigured, message: "no adapter file describes this agency")
        }
        // Built once, so every attempt carries the same X-Request-Id (and Idempotency-Key).
        let request = try httpRequest(agency, service, method: method, path: path, body: body, purpose: purpose, headers: headers)
        let policy = agency.endpoint.retry
        var attempt = 1
        while true {
            do {
                return try await attemptCall(request, service: service, timeout: agency.endpoint.timeout)
            } catch let error where error.isRetryable && attempt < policy.attempts && !Task.isCancelled {
                attempt += 1
                try? await Task.sleep(for: policy.delay(before: attempt))
            }
        }
    }

    private func httpRequest(_ agency: Agency, _ service: ServiceID, method: HTTPMethod, path: [String], body: AgencyValue?,
        purpose: CallPurpose, headers: [String: String]) throws(AgencyError) -> HTTPClientRequest
    {
        func notConfigured(_ message: String) -> AgencyError {
            AgencyError(agency: agency.id, service: service, code: .notConfigured, message: message)
        }
        guard let base = agency.endpoint.baseURL ?? sandbox.map({ SandboxLocation.baseURL(of: agency.id.rawValue, in: $0) }) else {
            throw notConfigured("the agency has no baseURL and no sandbox is running")
        }
        // Each part is one path segment however it is spelled (a case id may hold a slash).
        let segments = path.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? "" }
        let trimmed = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        let address = ([trimmed] + segments).joined(separator: "/")
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https", url.host?.isEmpty == false else {
            throw notConfigured("the agency's address cannot be built")
        }
        var request = HTTPClientRequest(url: address)
        request.method = method
        request.headers.replaceOrAdd(name: "Accept", value: "application/json")
        request.headers.replaceOrAdd(name: "X-Request-Id", value: UUID().uuidString.lowercased())
        request.headers.replaceOrAdd(name: "X-Lotsen-Purpose", value: purpose.description)
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if let credentials = agency.endpoint.credentials {
            if let secret = environment[credentials.environmentVariable], !secret.isEmpty {
                // Checked here so a stray newline is a clear configuration error, not a retried transport failure
                // (whose description would quote the value).
                guard secret.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                    throw notConfigured("the environment variable \(credentials.environmentVariable) holds a character a header cannot carry")
                }
                switch credentials {
                case .bearer: request.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(secret)")
                case .apiKey(let header, _): request.headers.replaceOrAdd(name: header, value: secret)
                }
            } else if agency.endpoint.baseURL != nil {
                // The sandbox takes calls without credentials; a real agency does not.
                throw notConfigured("the environment variable \(credentials.environmentVariable) is not set")
            }
        }
        if let body {
            guard let data = try? JSONEncoder().encode(body) else { throw notConfigured("the request cannot be written as JSON") }
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: data))
        }
        return request
    }

    private func attemptCall(_ request: HTTPClientRequest, service: ServiceID, timeout: Duration) async throws(AgencyError) -> Answer {
        let agency = service.agency
        let received: Received
        do {
            // AsyncHTTPClient's deadline ends when the response head arrives; `withDeadline` holds the body to the same
            // limit, so an agency that trickles bytes cannot hold a call for ever.
            received = try await withDeadline(timeout) { [client] in
                let response = try await client.execute(request, timeout: TimeAmount(timeout))
                let status = Int(response.status.code)
                do {
                    return Received(status: status, body: try await response.body.collect(upTo: Self.answerLimit))
                } catch is NIOTooManyBytesError {
                    // Dropping the rest of the body closes the connection.
                    return Received(status: status, body: nil)
                }
            }
        } catch {
            throw AgencyError(transport: error, service: service, timeout: timeout)
        }
        let json = received.body.flatMap { try? JSONDecoder().decode(AgencyValue.self, from: $0) }
        guard (200..<300).contains(received.status) else {
            // The agency's error code helps the operator; its message is not repeated, as it may quote the person's data.
            var message = "the agency answered \(received.status)"
            if case .object(let fields)? = json, case .object(let error)? = fields["error"], case .string(let code)? = error["code"] {
                message += " (\(code.prefix(60)))"
            }
            throw AgencyError(agency: agency, service: service, code: .rejected(status: received.status), message: message)
        }
        guard received.body != nil else {
            throw AgencyError(agency: agency, service: service, code: .malformedResponse, message: "the answer is longer than 1 MiB")
        }
        guard let json else {
            throw AgencyError(agency: agency, service: service, code: .malformedResponse, message: "the answer is not JSON")
        }
        return Answer(status: received.status, json: json)
    }
}
