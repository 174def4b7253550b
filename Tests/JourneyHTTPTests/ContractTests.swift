import Foundation
import HTTPTypes
import JourneyHTTP
import JourneyModel
import Testing
import Yams

@Suite("The server and its OpenAPI document agree; requests are logged without personal data")
struct ContractTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    @Test("every route in the router is in the document, and every operation in the document is a route")
    func routesMatchDocument() async throws {
        try await harness.test { _ in }
        let served = Set(harness.routes.routes.map { "\($0.method) \($0.path)" })
        let text = try #require(OpenAPIDocument.text)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        var documented: Set<String> = []
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys where Self.methods.contains(method) { documented.insert("\(method.uppercased()) \(path)") }
        }
        #expect(served.count == 32)
        #expect(served == documented, "served but not documented: \(served.subtracting(documented).sorted()); documented but not served: \(documented.subtracting(served).sorted())")
    }

    @Test("an unknown path is a JSON 404, and a known path with another method a 405 with Allow")
    func unknownRoutes() async throws {
        try await harness.test { client async throws in
            let missing = try await client.send(.get, "/v2/anything")
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "notFound")
            let method = try await client.send(.delete, "/v1/enrollments/le-x")
            #expect(method.status == .methodNotAllowed)
            #expect(method.headers[.allow] == "GET, HEAD")
        }
    }

    @Test("a well-formed X-Request-Id is kept, anything else replaced, and the id is in the log line")
    func requestIDs() async throws {
        try await harness.test { client async throws in
            let kept = try await client.send(.get, "/health", headers: [HTTPField.Name("X-Request-Id")!: "abc-123"])
            #expect(kept.headers[HTTPField.Name("X-Request-Id")!] == "abc-123")
            let replaced = try await client.send(.get, "/health", headers: [HTTPField.Name("X-Request-Id")!: "evil\"id with spaces"])
            let id = try #require(replaced.headers[HTTPField.Name("X-Request-Id")!])
            #expect(id != "evil\"id with spaces")
            #expect(id.count == 36)
        }
        let lines = harness.logs.all.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let request = try #require(lines.first { $0["request.id"] as? String == "abc-123" })
        #expect(request["route"] as? String == "/health")
        #expect(request["status"] as? String == "200")
        #expect(request["method"] as? String == "GET")
        #expect(request["duration.ms"] != nil)
    }

    @Test("logs name route templates, never raw paths, personnummer or answers")
    func logsHoldNoPersonalData() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": EnrollmentTests.newcomerAnswers])
            _ = try await client.send(.post, "/v1/agency-events", token: agency, json: AgencyEventTests.event("m-1",
                person: OfficialTestNumbers.personnummer, type: "received"))
            _ = try await client.send(.get, "/v1/people/\(citizen.person)", token: agency)
            _ = try await client.send(.post, "/v1/agency-events", token: agency, json: AgencyEventTests.event("m-2",
                person: "19900101-0000", type: "received"))
            let log = harness.logs.all.joined(separator: "\n")
            #expect(log.contains("/v1/enrollments/{enrollmentId}/facts"))
            #expect(!log.contains(citizen.enrollment.rawValue))
            #expect(!log.contains(citizen.person.rawValue))
        }
        let log = harness.logs.all.joined(separator: "\n")
        for secret in [OfficialTestNumbers.personnummer, "19900101", "900101", "Test Testsson", "Testgatan"] {
            #expect(!log.contains(secret))
        }
    }
}
