import Foundation
import JourneyModel

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Calls agencies over HTTP as `docs/adapter-format.md` describes: lookups, applications and case status, with
/// each adapter file's credentials, timeout and retry policy. Agencies without a `baseURL` are the sandbox's.
public final class HTTPAgencyAdapter: AgencyAdapter {
    let catalog: AgencyCatalog
    let sandbox: URL?
    let environment: [String: String]
    let session: URLSession

    /// - Parameters:
    ///   - sandbox: the root of the sandbox agencies, for agencies whose file has no `baseURL`.
    ///   - environment: where credential variables are read (the process environment by default).
    public init(catalog: AgencyCatalog, sandbox: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.catalog = catalog
        self.sandbox = sandbox
        self.environment = environment
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func lookup(_ request: LookupRequest) async throws(AgencyError) -> [AgencyValue] {
        let body: AgencyValue = .object([
            "subject": .object(["personnummer": .string(request.subject.twelveDigits)]),
            "fields": .array(request.fields.map(AgencyValue.string)),
        ])
        let answer = try await call(request.service, method: "POST", path: ["lookups", request.service.name], body: body, purpose: request.purpose)
        guard case .object(let fields) = answer.json, case .array(let matches)? = fields["matches"] else {
            throw AgencyError(agency: request.service.agency, service: request.service, code: .malformedResponse,
                message: "the lookup answer has no 'matches' list")
        }
        return matches
    }

    public func submit(_ request: ApplicationRequest) async throws(AgencyError) -> AgencyCase {
        var body: [String: AgencyValue] = ["fields": .object(request.fields)]
        if let subject = request.subject { body["subject"] = .object(["personnummer": .string(subject.twelveDigits)]) }
        let answer = try await call(request.service, method: "POST", path: ["applications", request.service.name], body: .object(body),
            purpose: request.purpose, headers: ["Idempotency-Key": request.idempotencyKey])
        return try AgencyCase(decoding: answer.json, service: request.service)
    }

    public func caseStatus(_ request: CaseStatusRequest) async throws(AgencyError) -> AgencyCase {
        let answer = try await call(request.service, method: "GET", path: ["cases", request.caseID], body: nil, purpose: request.purpose)
        return try AgencyCase(decoding: answer.json, service: request.service)
    }

    // MARK: Transport

    static let segmentCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    struct Answer {
        let status: Int
        let json: AgencyValue
    }

    /// One logical call: attempts as the agency's retry policy allows, each within its timeout.
    func call(_ service: ServiceID, method: String, path: [String], body: AgencyValue?, purpose: CallPurpose,
        headers: [String: String] = [:]) async throws(AgencyError) -> Answer
    {
        let agencyID = service.agency
        guard let agency = catalog.agency(agencyID) else {
            throw AgencyError(agency: agencyID, service: service, code: .notConfigured, message: "no adapter file describes this agency")
        }
        let request = try urlRequest(agency, service, method: method, path: path, body: body, purpose: purpose, headers: headers)
        let policy = agency.endpoint.retry
        var attempt = 1
        while true {
            do {
                return try await attemptCall(request, service: service, timeout: agency.endpoint.timeout)
            } catch let error where error.isRetryable && attempt < policy.attempts {
                attempt += 1
                try? await Task.sleep(for: policy.delay(before: attempt))
            }
        }
    }

    private func urlRequest(_ agency: Agency, _ service: ServiceID, method: String, path: [String], body: AgencyValue?, purpose: CallPurpose,
        headers: [String: String]) throws(AgencyError) -> URLRequest
    {
        guard let base = agency.endpoint.baseURL ?? sandbox.map({ SandboxLocation.baseURL(of: agency.id.rawValue, in: $0) }) else {
            throw AgencyError(agency: agency.id, service: service, code: .notConfigured,
                message: "the agency has no baseURL and no sandbox is running")
        }
        // Each part is one path segment however it is spelled (a case id may hold a slash).
        let segments = path.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? "" }
        let trimmed = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        guard let url = URL(string: ([trimmed] + segments).joined(separator: "/")) else {
            throw AgencyError(agency: agency.id, service: service, code: .notConfigured, message: "the agency's address cannot be built")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        // The limit is enforced by withDeadline; URLSession's own (whole seconds in libcurl, and sub-second values
        // misfire at once) only backs it up.
        request.timeoutInterval = Double(agency.endpoint.timeout.components.seconds + 2)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(UUID().uuidString.lowercased(), forHTTPHeaderField: "X-Request-Id")
        request.setValue(purpose.description, forHTTPHeaderField: "X-Lotsen-Purpose")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let credentials = agency.endpoint.credentials {
            if let secret = environment[credentials.environmentVariable], !secret.isEmpty {
                switch credentials {
                case .bearer: request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization")
                case .apiKey(let header, _): request.setValue(secret, forHTTPHeaderField: header)
                }
            } else if agency.endpoint.baseURL != nil {
                // The sandbox takes calls without credentials; a real agency does not.
                throw AgencyError(agency: agency.id, service: service, code: .notConfigured,
                    message: "the environment variable \(credentials.environmentVariable) is not set")
            }
        }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try? JSONEncoder().encode(body)
        }
        return request
    }

    private func attemptCall(_ request: URLRequest, service: ServiceID, timeout: Duration) async throws(AgencyError) -> Answer {
        let agency = service.agency
        let result: (Data, URLResponse)
        do {
            result = try await withDeadline(timeout) { [session] in try await session.data(for: request) }
        } catch let error as URLError {
            switch error.code {
            case .timedOut: throw AgencyError(agency: agency, service: service, code: .timeout, message: "no answer within \(timeout.shortDescription)")
            default: throw AgencyError(agency: agency, service: service, code: .unreachable, message: "cannot reach the agency (\(error.code.rawValue))")
            }
        } catch is DeadlineExceeded {
            throw AgencyError(agency: agency, service: service, code: .timeout, message: "no answer within \(timeout.shortDescription)")
        } catch {
            throw AgencyError(agency: agency, service: service, code: .unreachable, message: "cannot reach the agency")
        }
        guard let response = result.1 as? HTTPURLResponse else {
            throw AgencyError(agency: agency, service: service, code: .malformedResponse, message: "the answer is not HTTP")
        }
        let json = try? JSONDecoder().decode(AgencyValue.self, from: result.0)
        guard (200..<300).contains(response.statusCode) else {
            // The agency's error code helps the operator; its message is not repeated, as it may quote the person's data.
            var message = "the agency answered \(response.statusCode)"
            if case .object(let fields)? = json, case .object(let error)? = fields["error"], case .string(let code)? = error["code"] {
                message += " (\(code.prefix(60)))"
            }
            throw AgencyError(agency: agency, service: service, code: .rejected(status: response.statusCode), message: message)
        }
        guard let json else {
            throw AgencyError(agency: agency, service: service, code: .malformedResponse, message: "the answer is not JSON")
        }
        return Answer(status: response.statusCode, json: json)
    }
}

extension Duration {
    /// `800ms`, `5s`: as adapter files write it.
    var shortDescription: String {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }
}
