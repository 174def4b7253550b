import Foundation
import JourneyAdapters
import JourneyModel
import JourneySandbox
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A running sandbox on a free loopback port and a small URLSession client for it.
struct SandboxHarness: Sendable {
    let sandbox: SandboxAgencies
    let root: URL

    /// A residence permit application as Migrationsverket's form asks for it.
    static var permit: [String: Any] { ["citizenship": "IR", "name": "Tolvan Tolvansson", "passportNumber": "X1234567", "ground": "work"] }
    /// A school place application: the address and the child, who needs no personnummer.
    static var schoolPlace: [String: Any] {
        ["address": "Testgatan 1, 123 45 Exempelstad", "childName": "Lillen Tolvansson", "childDateOfBirth": "2019-01-01"]
    }

    /// The purpose every agency request carries unless a test leaves it out.
    static let purpose = "new-in-sweden/population-registration"

    /// Starts a sandbox (in memory unless `statePath` is given), runs `body`, and stops it whatever happens.
    static func with<T>(statePath: String? = nil, _ body: (SandboxHarness) async throws -> T) async throws -> T {
        let sandbox = try SandboxAgencies(statePath: statePath)
        let root = try await sandbox.start(port: 0)
        let harness = SandboxHarness(sandbox: sandbox, root: root)
        do {
            let result = try await body(harness)
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// One answer: the status, the raw body, and the body parsed as a JSON object when it is one.
    struct Answer {
        let status: Int
        let data: Data
        var text: String { String(decoding: data, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
        /// The status and error code of a refusal, such as `404 unknown-case`.
        var refusal: String { "\(status) \(errorCode ?? "(no error code)")" }
    }

    func lookup(_ agency: String, _ service: String, personnummer: String, fields: [String]? = nil) async throws -> Answer {
        var body: [String: Any] = ["subject": ["personnummer": personnummer]]
        if let fields { body["fields"] = fields }
        return try await send("POST", at: agency, "lookups/\(service)", json: body)
    }

    func apply(
        _ agency: String, _ service: String, key: String?, fields: [String: Any], personnummer: String? = nil,
        timeout: TimeInterval = 30
    ) async throws -> Answer {
        var body: [String: Any] = ["fields": fields]
        if let personnummer { body["subject"] = ["personnummer": personnummer] }
        return try await send("POST", at: agency, "applications/\(service)", json: body,
            headers: key.map { ["Idempotency-Key": $0] } ?? [:], timeout: timeout)
    }

    func caseStatus(_ agency: String, _ caseId: String) async throws -> Answer {
        try await send("GET", at: agency, "cases/\(caseId)")
    }

    /// Sends a request to `path` under an agency's base URL, found as Lotsen finds it.
    func send(
        _ method: String, at agency: String, _ path: String, json: Any? = nil, headers: [String: String] = [:],
        timeout: TimeInterval = 30
    ) async throws -> Answer {
        let url = SandboxLocation.baseURL(of: agency, in: root).appendingPathComponent(path)
        return try await send(method, url: url, json: json, headers: headers, timeout: timeout)
    }

    /// Sends a request to `path` under the root (`_sandbox/cases`, or an agency path written out).
    func send(
        _ method: String, _ path: String, json: Any? = nil, rawBody: Data? = nil, headers: [String: String] = [:],
        purpose: String? = SandboxHarness.purpose
    ) async throws -> Answer {
        let url = URL(string: path, relativeTo: root.appendingPathComponent("/"))!.absoluteURL
        return try await send(method, url: url, json: json, rawBody: rawBody, headers: headers, purpose: purpose)
    }

    /// Sends a request with `X-Request-Id` and `X-Lotsen-Purpose` (unless `purpose` is nil), as Lotsen does.
    func send(
        _ method: String, url: URL, json: Any? = nil, rawBody: Data? = nil, headers: [String: String] = [:],
        purpose: String? = SandboxHarness.purpose, timeout: TimeInterval = 30
    ) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = timeout
        request.setValue(UUID().uuidString, forHTTPHeaderField: "X-Request-Id")
        if let purpose { request.setValue(purpose, forHTTPHeaderField: "X-Lotsen-Purpose") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let rawBody {
            request.httpBody = rawBody
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as! HTTPURLResponse).statusCode, data: data)
    }

    /// A fresh temporary state file path; the caller removes the directory.
    static func temporaryStatePath() -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-sandbox-\(UUID().uuidString)")
        return (directory, directory.appendingPathComponent("sandbox.sqlite").path)
    }
}

/// Every official test number the sandbox knows, for checking that none leaks into a message.
let seededNumbers = [
    OfficialTestNumbers.personnummer, OfficialTestNumbers.leapDayPersonnummer, OfficialTestNumbers.centenarianPersonnummer,
    OfficialTestNumbers.childPersonnummer, OfficialTestNumbers.samordningsnummer,
]
