import Foundation
import JourneyModel
import Testing

@testable import JourneyAdapters

/// The HTTP adapter against a real server on loopback: what it sends, how it reads answers, and how it fails.
@Suite("HTTP adapter")
struct HTTPAgencyAdapterTests {
    static let subject = try! Personnummer(parsing: OfficialTestNumbers.personnummer)
    static let purpose = CallPurpose(journey: "new-in-sweden", step: "population-registration")

    /// One agency whose endpoint is the scripted server, with quick retries. The timeout is generous, since tests that
    /// count requests must not see a first attempt timed out and retried on a loaded machine; the timeout tests set theirs.
    static func adapter(for server: ScriptedAgency, timeout: String = "30s", attempts: Int = 3, environment: [String: String] = ["EXEMPEL_TOKEN": "s3cret"],
        auth: String = "{ type: bearer, env: EXEMPEL_TOKEN }") -> HTTPAgencyAdapter
    {
        let file = """
            agency: exempelverket
            name: { sv: Exempelverket, en: Example Agency }
            website: https://www.example.se
            baseURL: \(server.root.absoluteString)/api
            auth: \(auth)
            timeout: \(timeout)
            retry: { attempts: \(attempts), backoff: 10ms }
            services:
              record:
                kind: lookup
                title: { sv: Uppgifter, en: Record }
                returns: { fullName: name.full }
              apply:
                kind: application
                title: { sv: Ansökan, en: Application }
                sends: { fullName: name }
              case-status:
                kind: caseStatus
                title: { sv: Status, en: Status }
            """
        let agency = AgencyFileLoader.load(file, file: "adapters/exempelverket.yaml").agency!
        return HTTPAgencyAdapter(catalog: AgencyCatalog(agencies: [agency]), sandbox: nil, environment: environment)
    }

    /// Runs `body` with `adapter`, then shuts the adapter down whatever `body` throws.
    static func using<T>(_ adapter: HTTPAgencyAdapter, _ body: (HTTPAgencyAdapter) async throws(AgencyError) -> T) async throws(AgencyError) -> T {
        let result: Result<T, AgencyError>
        do { result = .success(try await body(adapter)) } catch { result = .failure(error) }
        await adapter.shutdown()
        return try result.get()
    }

    /// One lookup through `adapter`, which is shut down afterwards.
    static func lookup(_ adapter: HTTPAgencyAdapter) async throws(AgencyError) -> [AgencyValue] {
        try await using(adapter) { adapter async throws(AgencyError) in
            try await adapter.lookup(LookupRequest(service: "exempelverket.record", subject: subject, fields: ["name.full"], purpose: purpose))
        }
    }

    @Test("a lookup posts the subject in the body, with credentials and purpose, and returns the matches")
    func lookupSendsTheContract() async throws {
        let server = try await ScriptedAgency([.json(status: 200, body: #"{"matches": [{"name": {"full": "Tolvan Tolvansson"}}]}"#)])
        let matches = try await Self.lookup(Self.adapter(for: server))
        #expect(matches == [.object(["name": .object(["full": .string("Tolvan Tolvansson")])])])
        let request = try #require(server.received.first)
        #expect(request.method == "POST")
        #expect(request.path == "/api/lookups/record")
        #expect(request.headers["authorization"] == "Bearer s3cret")
        #expect(request.headers["x-lotsen-purpose"] == "new-in-sweden/population-registration")
        // The number travels in the body only, never in the address that ends up in access logs.
        #expect(!request.path.contains(OfficialTestNumbers.personnummer))
        #expect(request.body.contains(OfficialTestNumbers.personnummer))
    }

    @Test("an application carries its idempotency key, and the same key is sent on every retry")
    func applicationRetriesWithTheSameKey() async throws {
        let server = try await ScriptedAgency([
            .json(status: 503, body: #"{"error": {"code": "busy"}}"#),
            .json(status: 201, body: #"{"caseId": "EX-1", "status": "received"}"#),
        ])
        let receipt = try await Self.using(Self.adapter(for: server)) { adapter async throws(AgencyError) in
            try await adapter.submit(ApplicationRequest(service: "exempelverket.apply", subject: Self.subject,
                fields: ["name": .string("Tolvan Tolvansson")], idempotencyKey: "s-key-1", purpose: Self.purpose))
        }
        #expect(receipt == AgencyCase(caseID: "EX-1", status: .received))
        #expect(server.received.map(\.path) == ["/api/applications/apply", "/api/applications/apply"])
        #expect(server.received.map { $0.headers["idempotency-key"] } == ["s-key-1", "s-key-1"])
    }

    @Test("5xx answers are retried as the file allows, then reported as retryable")
    func serverErrorsAreRetriedThenReported() async throws {
        let server = try await ScriptedAgency([.json(status: 502, body: "{}")])
        await #expect(throws: AgencyError(agency: "exempelverket", service: "exempelverket.record", code: .rejected(status: 502),
            message: "the agency answered 502")) {
            try await Self.lookup(Self.adapter(for: server, attempts: 3))
        }
        #expect(server.received.count == 3)
    }

    @Test("a 4xx refusal is not retried, and the agency's message is not repeated")
    func refusalsAreNotRetried() async throws {
        let server = try await ScriptedAgency([.json(status: 422, body: #"{"error": {"code": "invalid-name", "message": "Tolvan is not allowed"}}"#)])
        do {
            _ = try await Self.lookup(Self.adapter(for: server))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == .rejected(status: 422))
            #expect(!error.isRetryable)
            #expect(error.message == "the agency answered 422 (invalid-name)")
        }
        #expect(server.received.count == 1)
    }

    @Test("an agency slower than the timeout is a timeout, retried, then reported")
    func slowAgencyTimesOut() async throws {
        let server = try await ScriptedAgency([.slow(.seconds(3), status: 200, body: #"{"matches": []}"#)])
        do {
            _ = try await Self.lookup(Self.adapter(for: server, timeout: "300ms", attempts: 2))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.code == .timeout)
            #expect(error.isRetryable)
        }
        #expect(server.received.count == 2)
    }

    @Test("an answer that is not JSON, or not the promised shape, is a malformed response", arguments: [
        "<html>Service Unavailable</html>", #"{"records": []}"#, #"{"matches": "#,
    ])
    func garbageIsMalformed(body: String) async throws {
        let server = try await ScriptedAgency([.json(status: 200, body: body)])
        do {
            _ = try await Self.lookup(Self.adapter(for: server))
            Issue.record("expected a malformed response")
        } catch {
            #expect(error.code == .malformedResponse)
            #expect(!error.isRetryable)
        }
        #expect(server.received.count == 1)
    }

    @Test("a case answer without a decision, or with a wrong status, is malformed", arguments: [
        #"{"caseId": "EX-1", "status": "decided"}"#, #"{"caseId": "EX-1", "status": "lost"}"#, #"{"status": "received"}"#,
    ])
    func caseAnswersAreChecked(body: String) async throws {
        let server = try await ScriptedAgency([.json(status: 200, body: body)])
        await #expect(throws: AgencyError.self) {
            try await Self.using(Self.adapter(for: server)) { adapter async throws(AgencyError) in
                try await adapter.caseStatus(CaseStatusRequest(service: "exempelverket.case-status", caseID: "EX-1", purpose: Self.purpose))
            }
        }
    }

    @Test("a case answer whose message or case id has control characters, or is too long, is malformed and says which field", arguments: [
        (#"{"caseId": "EX-1", "status": "needsAction", "message": "\u001b[2J\u001b]0;pwned\u0007 x\r\nfake: line"}"#, "'message' has a control character"),
        (#"{"caseId": "EX-1", "status": "needsAction", "message": {"sv": "Skicka\u0000", "en": "Send"}}"#, "'message' has a control character"),
        (#"{"caseId": "EX\u001b1", "status": "received"}"#, "'caseId' has a control character"),
        (#"{"caseId": "EX-1", "status": "needsAction", "message": "\#(String(repeating: "a", count: 2001))"}"#, "'message' is longer than 2000"),
    ])
    func hostileCaseTexts(body: String, expected: String) async throws {
        let server = try await ScriptedAgency([.json(status: 200, body: body)])
        do {
            _ = try await Self.using(Self.adapter(for: server)) { adapter async throws(AgencyError) in
                try await adapter.caseStatus(CaseStatusRequest(service: "exempelverket.case-status", caseID: "EX-1", purpose: Self.purpose))
            }
            Issue.record("expected a malformed response")
        } catch {
            #expect(error.code == .malformedResponse)
            #expect(error.message.contains(expected))
            #expect(!error.message.contains("pwned"))
        }
        // A malformed answer is not retried.
        #expect(server.received.count == 1)
    }

    @Test("a decided case reads its decision, message and fields")
    func decidedCaseIsRead() async throws {
        let server = try await ScriptedAgency([
            .json(status: 200, body: #"{"caseId": "EX 1/2", "status": "decided", "decision": "rejected", "message": {"sv": "Avslag", "en": "Refused"}}"#)
        ])
        let answer = try await Self.using(Self.adapter(for: server)) { adapter async throws(AgencyError) in
            try await adapter.caseStatus(CaseStatusRequest(service: "exempelverket.case-status", caseID: "EX 1/2", purpose: Self.purpose))
        }
        #expect(answer.status == .rejected)
        #expect(answer.message == "Avslag / Refused")
        // The case id is one path segment however it is spelled.
        #expect(server.received.first?.path == "/api/cases/EX%201%2F2")
    }

    @Test("a real endpoint without its credential variable is not called at all")
    func missingCredentialIsNotConfigured() async throws {
        let server = try await ScriptedAgency([.json(status: 200, body: #"{"matches": []}"#)])
        do {
            _ = try await Self.lookup(Self.adapter(for: server, environment: [:]))
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.code == .notConfigured)
            #expect(error.message.contains("EXEMPEL_TOKEN"))
        }
        #expect(server.received.isEmpty)
    }

    @Test("a credential a header cannot carry is a configuration error that does not quote it")
    func credentialWithNewlineIsNotConfigured() async throws {
        let server = try await ScriptedAgency([.json(status: 200, body: #"{"matches": []}"#)])
        do {
            _ = try await Self.lookup(Self.adapter(for: server, environment: ["EXEMPEL_TOKEN": "s3cret\r\nX-Injected: yes"]))
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.code == .notConfigured)
            #expect(error.message.contains("EXEMPEL_TOKEN"))
            #expect(!error.description.contains("s3cret"))
        }
        #expect(server.received.isEmpty)
    }

    @Test("an API key is sent in the header the file names, and no Authorization header")
    func apiKeyTravelsInItsHeader() async throws {
        let server = try await ScriptedAgency([.json(status: 200, body: #"{"matches": []}"#)])
        _ = try await Self.lookup(Self.adapter(for: server, auth: "{ type: apiKey, header: X-Api-Key, env: EXEMPEL_TOKEN }"))
        let request = try #require(server.received.first)
        #expect(request.headers["x-api-key"] == "s3cret")
        #expect(request.headers["authorization"] == nil)
    }

    @Test("an agency that sends its body slower than the timeout is a timeout, though its answer began in time")
    func tricklingAgencyTimesOut() async throws {
        let server = try await ScriptedAgency([.stream([#"{"matches": ["#, "]}"], interval: .seconds(3))])
        do {
            _ = try await Self.lookup(Self.adapter(for: server, timeout: "300ms", attempts: 1))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.code == .timeout)
            #expect(error.message == "no answer within 300ms")
        }
    }

    @Test("an answer longer than 1 MiB is malformed and not retried, with or without a Content-Length", arguments: [false, true])
    func oversizedAnswerIsMalformed(streamed: Bool) async throws {
        let filler = String(repeating: "x", count: 64 * 1024)
        let reply: ScriptedAgency.Reply = streamed
            ? .stream([#"{"matches": [""#] + Array(repeating: filler, count: 17) + [#""]}"#], interval: .zero)
            : .json(status: 200, body: #"{"matches": [""# + String(repeating: filler, count: 17) + #""]}"#)
        let server = try await ScriptedAgency([reply])
        do {
            // A generous timeout: on a loaded machine a first attempt that timed out would be retried, and the test is
            // about the size limit, which must never be retried.
            _ = try await Self.lookup(Self.adapter(for: server, timeout: "60s"))
            Issue.record("expected a malformed response")
        } catch {
            #expect(error.code == .malformedResponse)
            #expect(error.message == "the answer is longer than 1 MiB")
        }
        #expect(server.received.count == 1)
    }

    @Test("a redirect is not followed: the person's data and the credentials go to the configured address only")
    func redirectsAreNotFollowed() async throws {
        let server = try await ScriptedAgency([.redirect(status: 307, location: "/elsewhere/lookups/record")])
        do {
            _ = try await Self.lookup(Self.adapter(for: server))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == .rejected(status: 307))
            #expect(!error.isRetryable)
        }
        #expect(server.received.map(\.path) == ["/api/lookups/record"])
    }

    @Test("a host that refuses connections is unreachable")
    func closedPortIsUnreachable() async throws {
        // Port 9 (discard) is closed on loopback here; nothing listens on it.
        let file = """
            agency: exempelverket
            name: { sv: Exempelverket, en: Example Agency }
            website: https://www.example.se
            baseURL: http://127.0.0.1:9
            auth: { type: bearer, env: EXEMPEL_TOKEN }
            retry: { attempts: 1 }
            services:
              record: { kind: lookup, title: { sv: Uppgifter, en: Record }, returns: { fullName: name.full } }
            """
        let agency = try #require(AgencyFileLoader.load(file, file: "adapters/exempelverket.yaml").agency)
        let unreachable = HTTPAgencyAdapter(catalog: AgencyCatalog(agencies: [agency]), sandbox: nil, environment: ["EXEMPEL_TOKEN": "x"])
        do {
            _ = try await Self.lookup(unreachable)
            Issue.record("expected unreachable")
        } catch {
            #expect(error.code == .unreachable)
        }
    }
}
