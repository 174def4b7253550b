import Foundation
import HTTPTypes
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

/// `/metrics`: each test's harness has a Prometheus registry of its own (nothing global), and reads it the way
/// Prometheus would, over HTTP.
@Suite("/metrics counts requests by route template, store calls and transitions, and names no one")
struct MetricsTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test("requests are counted by route template, method and status class, and timed")
    func requestsByRouteTemplate() async throws {
        try await harness.test { client async throws in
            _ = try await client.send(.get, "/health")
            _ = try await client.send(.get, "/health")
            let citizen = try await harness.citizen(client: client)
            _ = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            _ = try await client.send(.get, "/v1/enrollments/le-nobody", token: citizen.token)
            // An unknown path is labelled as Hummingbird names it, never by the path.
            _ = try await client.send(.get, "/v2/anything")
            let scrape = try await client.send(.get, "/metrics")
            #expect(scrape.status == .ok)
            #expect(scrape.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let metrics = Exposition(scrape.text)
            #expect(metrics.value("lotsen_http_requests_total", ["route": "/health", "method": "GET", "status": "2xx"]) == 2)
            #expect(metrics.value("lotsen_http_requests_total", ["route": "/v1/enrollments", "method": "POST", "status": "2xx"]) == 1)
            #expect(metrics.value("lotsen_http_requests_total", ["route": "/v1/enrollments/{enrollmentId}", "method": "GET", "status": "2xx"]) == 1)
            #expect(metrics.value("lotsen_http_requests_total", ["route": "/v1/enrollments/{enrollmentId}", "method": "GET", "status": "4xx"]) == 1)
            #expect(metrics.value("lotsen_http_requests_total", ["route": "NotFound", "method": "GET", "status": "4xx"]) == 1)
            #expect(metrics.value("lotsen_http_request_duration_seconds_count", ["route": "/health", "method": "GET"]) == 2)
            #expect(metrics.value("lotsen_http_request_duration_seconds_bucket", ["route": "/health", "method": "GET", "le": "+Inf"]) == 2)
            #expect(metrics.value("lotsen_build_info", ["version": "0.0.0-test"]) == 1)
            #expect(metrics.value("lotsen_outbox_pending", [:]) == 0)
            #expect(metrics.types["lotsen_http_request_duration_seconds"] == "histogram")
            #expect(metrics.types["lotsen_http_requests_total"] == "counter")
            // The scrape itself is counted from the next one on.
            let next = Exposition(try await client.send(.get, "/metrics").text)
            #expect(next.value("lotsen_http_requests_total", ["route": "/metrics", "method": "GET", "status": "2xx"]) == 1)
        }
    }

    @Test("store calls are timed by operation; failures are counted by code, refusals are not store errors")
    func storeLatencyAndErrors() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let locked = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/steps/population-registration/complete",
                token: citizen.token)
            #expect(locked.status == .unprocessableContent)
            let token = StoredToken(id: "tok-twice", role: .caseworker, person: nil, identity: nil, agency: nil, createdAt: Date(), revokedAt: nil)
            try await harness.measured.insertToken(token, secretHash: "hash-twice")
            await #expect(throws: StorageError.self) { try await harness.measured.insertToken(token, secretHash: "hash-twice") }
            let metrics = Exposition(try await client.send(.get, "/metrics").text)
            #expect(metrics.types["lotsen_store_operation_duration_seconds"] == "histogram")
            #expect((metrics.value("lotsen_store_operation_duration_seconds_count", ["operation": "token"]) ?? 0) >= 2)
            #expect((metrics.value("lotsen_store_operation_duration_seconds_count", ["operation": "transact"]) ?? 0) >= 1)
            #expect((metrics.value("lotsen_store_operation_duration_seconds_sum", ["operation": "token"]) ?? 0) > 0)
            #expect(metrics.value("lotsen_store_errors_total", ["operation": "insertToken", "code": "conflict"]) == 1)
            #expect(metrics.series("lotsen_store_errors_total").allSatisfy { $0.labels["operation"] == "insertToken" },
                "a refused transition is the journey's answer, not a store failure")
            // Scrapes ask the outbox for its pending entries, through the measured store.
            #expect((metrics.value("lotsen_store_operation_duration_seconds_count", ["operation": "pendingSubmissions"]) ?? 0) >= 1)
        }
    }

    @Test("the transitions counter moves when a step is completed")
    func transitionsCounted() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let base = "/v1/enrollments/\(citizen.enrollment)"
            _ = try await client.send(.post, "\(base)/facts", token: citizen.token, json: ["answers": EnrollmentTests.newcomerAnswers])
            #expect(try await client.send(.post, "\(base)/steps/residence-permit/start", token: citizen.token).status == .ok)
            let before = Exposition(try await client.send(.get, "/metrics").text)
            #expect(before.value("lotsen_transitions_total", ["kind": "enrolled", "actor": "person"]) == 1)
            let progressedBefore = before.value("lotsen_transitions_total", ["kind": "stepProgressed", "actor": "person"]) ?? 0
            let completed = try await client.send(.post, "\(base)/steps/residence-permit/complete", token: citizen.token,
                json: ["facts": ["hasResidencePermit": true]])
            #expect(completed.status == .ok)
            let after = Exposition(try await client.send(.get, "/metrics").text)
            let progressedAfter = after.value("lotsen_transitions_total", ["kind": "stepProgressed", "actor": "person"]) ?? 0
            #expect(progressedAfter > progressedBefore)
            // A refused transition writes nothing, so counts nothing.
            _ = try await client.send(.post, "\(base)/steps/residence-permit/complete", token: citizen.token)
            let refused = Exposition(try await client.send(.get, "/metrics").text)
            #expect(refused.sum("lotsen_transitions_total") == after.sum("lotsen_transitions_total"))
        }
    }

    @Test("no person id, enrollment id, personnummer or answer appears anywhere in /metrics")
    func noPersonalData() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": EnrollmentTests.newcomerAnswers])
            _ = try await client.send(.get, "/v1/people/\(citizen.person)", token: agency)
            _ = try await client.send(.get, "/v1/people/\(OfficialTestNumbers.personnummer)", token: agency)
            _ = try await client.send(.post, "/v1/agency-events", token: agency, json: AgencyEventTests.event("m-1",
                person: OfficialTestNumbers.personnummer, type: "received"))
            _ = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)?x=\(OfficialTestNumbers.personnummer)", token: citizen.token)
            _ = try await client.send(HTTPRequest.Method("PURGE")!, "/v1/people/\(OfficialTestNumbers.personnummer)")
            let text = try await client.send(.get, "/metrics").text
            #expect(text.contains("/v1/people/{personId}"))
            for secret in [citizen.person.rawValue, citizen.enrollment.rawValue, OfficialTestNumbers.personnummer, "19900101", "900101",
                "Test Testsson", "Testgatan", "PURGE", "m-1"]
            {
                #expect(!text.contains(secret), "\(secret) in /metrics")
            }
            let metrics = Exposition(text)
            #expect(metrics.value("lotsen_http_requests_total", ["route": "NotFound", "method": "other", "status": "4xx"]) == 1)
        }
    }
}

/// The Prometheus text format, read line by line.
struct Exposition {
    struct Sample {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    let samples: [Sample]
    let types: [String: String]

    init(_ text: String) {
        var samples: [Sample] = []
        var types: [String: String] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                if parts.count == 4 { types[String(parts[2])] = String(parts[3]) }
                continue
            }
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            let series = line[..<space]
            var labels: [String: String] = [:]
            let name: Substring
            if let brace = series.firstIndex(of: "{") {
                name = series[..<brace]
                for match in series[brace...].matches(of: /(\w+)="((?:[^"\\]|\\.)*)"/) { labels[String(match.1)] = String(match.2) }
            } else {
                name = series
            }
            samples.append(Sample(name: String(name), labels: labels, value: value))
        }
        self.samples = samples
        self.types = types
    }

    /// The value of the one series with exactly these labels.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    func series(_ name: String) -> [Sample] { samples.filter { $0.name == name } }

    func sum(_ name: String) -> Double { series(name).reduce(0) { $0 + $1.value } }
}
