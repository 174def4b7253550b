import Foundation
import HTTPTypes
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

@Suite("Authentication and authorization: deny by default, each role only what it may")
struct AuthorizationTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test("health and the OpenAPI document need no token")
    func publicRoutes() async throws {
        try await harness.test { client async throws in
            let health = try await client.send(.get, "/health")
            #expect(health.status == .ok)
            #expect(health.string("status") == "ok")
            let document = try await client.send(.get, "/openapi.yaml")
            #expect(document.status == .ok)
            #expect(document.text.hasPrefix("openapi: 3.1.0"))
            #expect(document.headers[.contentType]?.hasPrefix("application/yaml") == true)
        }
    }

    @Test("every /v1 route refuses a request without a token, with 401, a JSON error and WWW-Authenticate")
    func noToken() async throws {
        try await harness.test { client async throws in
            for (method, path) in [(HTTPRequest.Method.get, "/v1/journeys"), (.get, "/v1/journeys/new-in-sweden"), (.post, "/v1/enrollments"),
                (.get, "/v1/enrollments?journey=new-in-sweden"), (.get, "/v1/enrollments/le-x"), (.post, "/v1/enrollments/le-x/facts"),
                (.post, "/v1/enrollments/le-x/steps/s/start"), (.post, "/v1/enrollments/le-x/steps/s/complete"),
                (.post, "/v1/enrollments/le-x/steps/s/skip"), (.get, "/v1/people/lp-x"), (.post, "/v1/agency-events")]
            {
                let reply = try await client.send(method, path)
                #expect(reply.status == .unauthorized, "\(method) \(path)")
                #expect(reply.errorCode == "unauthenticated")
                #expect(reply.headers[.wwwAuthenticate] == "Bearer realm=\"lotsen\"")
            }
        }
    }

    @Test("a malformed Authorization header, an unknown token and a revoked token are refused with 401")
    func badTokens() async throws {
        let revoked = try await harness.token(.caseworker, revoked: true)
        try await harness.test { client async throws in
            #expect(try await client.send(.get, "/v1/journeys", headers: [.authorization: "Basic abc"]).status == .unauthorized)
            #expect(try await client.send(.get, "/v1/journeys", token: "lotsen_not-a-real-token").status == .unauthorized)
            #expect(try await client.send(.get, "/v1/journeys", token: revoked).status == .unauthorized)
        }
    }

    @Test("a request without a valid token names nobody: it is refused and written into no one's journal, so anyone cannot flood one")
    func unauthenticatedRefusalIsNotJournaled() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            #expect(try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)").status == .unauthorized)
            #expect(try await client.send(.get, "/v1/people/\(citizen.person)/journal", token: "lotsen_not-a-real-token").status == .unauthorized)
            #expect(try await harness.requests(about: citizen.person).map(\.action) == [.change])
        }
    }

    @Test("a citizen asking for someone else's journey or reference gets the answer for one that does not exist, and each refusal is recorded")
    func citizenSeesOnlyOwnData() async throws {
        try await harness.test { client async throws in
            let first = try await harness.citizen(identity: OfficialTestNumbers.personnummer, client: client)
            let second = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
            #expect(first.person != second.person)
            let missingEnrollment = "le-0000000000"
            let missingPerson = "lp-0000000000"
            /// The same request about something that does not exist: status and body must match but for the id.
            func expectHidden(_ method: HTTPRequest.Method, _ path: String, json: [String: Any]? = nil, id: String, missing: String) async throws {
                let refused = try await client.send(method, path, token: second.token, json: json)
                let absent = try await client.send(method, path.replacingOccurrences(of: id, with: missing), token: second.token, json: json)
                #expect(refused.status == .notFound, "\(method) \(path)")
                #expect(refused.status == absent.status, "\(method) \(path)")
                #expect(refused.text.replacingOccurrences(of: id, with: missing) == absent.text, "\(method) \(path)")
            }

            #expect(try await client.send(.get, "/v1/enrollments/\(first.enrollment)", token: first.token).status == .ok)
            let enrollment = first.enrollment.rawValue
            try await expectHidden(.get, "/v1/enrollments/\(enrollment)", id: enrollment, missing: missingEnrollment)
            try await expectHidden(.get, "/v1/people/\(first.person)", id: first.person.rawValue, missing: missingPerson)
            try await expectHidden(.post, "/v1/enrollments/\(enrollment)/facts", json: ["answers": ["citizenship": "Tyskland"]], id: enrollment,
                missing: missingEnrollment)
            try await expectHidden(.post, "/v1/enrollments/\(enrollment)/steps/residence-permit/start", id: enrollment, missing: missingEnrollment)
            let read = try await client.send(.get, "/v1/enrollments/\(enrollment)", token: second.token)
            #expect(!read.text.contains(first.person.rawValue))
            #expect(try await client.send(.get, "/v1/enrollments?journey=new-in-sweden", token: second.token).status == .forbidden)
            #expect(try await client.send(.post, "/v1/agency-events", token: second.token, json: [:]).status == .forbidden)
            // The refused attempts on the first citizen's data are in their journal, though the answer hid them; the second
            // refused read of the enrollment came in the same minute as the first and is coalesced with it.
            let refused = try await harness.requests(about: first.person).filter { $0.outcome == .refused }
            #expect(refused.map { $0.requester?.purpose } == [
                "GET /v1/enrollments/{enrollmentId}", "GET /v1/people/{personId}", "POST /v1/enrollments/{enrollmentId}/facts",
                "POST /v1/enrollments/{enrollmentId}/steps/{stepId}/start",
            ])
            #expect(refused.allSatisfy { $0.requester?.role == .citizen && $0.detail == "forbidden" })
            #expect(Set(refused.compactMap(\.requester?.token)).count == 1)
            #expect(try await harness.requests(about: second.person).allSatisfy { $0.requester?.role == .person })
        }
    }

    @Test("a caseworker reads every journey but does not act for the person")
    func caseworkerReadsButDoesNotAct() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            #expect(try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: caseworker).status == .ok)
            #expect(try await client.send(.get, "/v1/people/\(citizen.person)", token: caseworker).status == .ok)
            #expect(try await client.send(.get, "/v1/enrollments?journey=new-in-sweden", token: caseworker).status == .ok)
            #expect(try await client.send(.post, "/v1/enrollments", token: caseworker, json: ["journey": "new-in-sweden"]).status == .forbidden)
            #expect(try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: caseworker,
                json: ["answers": ["citizenship": "Tyskland"]]).status == .forbidden)
            for action in ["start", "complete", "skip"] {
                #expect(try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/steps/residence-permit/\(action)", token: caseworker)
                    .status == .forbidden)
            }
            #expect(try await client.send(.post, "/v1/agency-events", token: caseworker, json: [:]).status == .forbidden)
            let journal = try await harness.requests(about: citizen.person).filter { $0.requester?.role == .caseworker }
            #expect(journal.filter { $0.outcome == .completed }.map { $0.requester?.purpose } == [
                "GET /v1/enrollments/{enrollmentId}", "GET /v1/people/{personId}", "GET /v1/enrollments",
            ])
            #expect(journal.filter { $0.outcome == .refused && $0.action == .change }.count == 4)
        }
    }

    @Test("an agency token pushes events but reads no journeys")
    func agencyReadsNothing() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            #expect(try await client.send(.get, "/v1/journeys", token: agency).status == .ok)
            #expect(try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: agency).status == .forbidden)
            #expect(try await client.send(.get, "/v1/people/\(citizen.person)", token: agency).status == .forbidden)
            #expect(try await client.send(.get, "/v1/enrollments?journey=new-in-sweden", token: agency).status == .forbidden)
            #expect(try await client.send(.post, "/v1/enrollments", token: agency, json: ["journey": "new-in-sweden"]).status == .forbidden)
            let refused = try await harness.requests(about: citizen.person).filter { $0.requester?.role == .agency }
            #expect(refused.map { $0.requester?.purpose } == ["GET /v1/enrollments/{enrollmentId}", "GET /v1/people/{personId}"])
            #expect(refused.allSatisfy { $0.outcome == .refused && $0.actor == .agency })
        }
    }

    @Test("an agency token pushes events only for its own agency's services")
    func agencyOnlyForOwnServices() async throws {
        let agency = try await harness.token(.agency, agency: "skatteverket")
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let foreign = try await client.send(.post, "/v1/agency-events", token: agency, json: [
                "messageId": "m-1", "agency": "skatteverket", "service": "migrationsverket.residence-permit", "person": citizen.person.rawValue,
                "type": "received", "language": "sv",
            ])
            #expect(foreign.status == .forbidden)
            let impersonated = try await client.send(.post, "/v1/agency-events", token: agency, json: [
                "messageId": "m-2", "agency": "migrationsverket", "service": "migrationsverket.residence-permit", "person": citizen.person.rawValue,
                "type": "received", "language": "sv",
            ])
            #expect(impersonated.status == .forbidden)
            // Both refusals are the same token on the same route with the same code in one minute: one entry.
            let refused = try await harness.requests(about: citizen.person).filter { $0.outcome == .refused }
            #expect(refused.map { $0.requester?.purpose } == ["POST /v1/agency-events"])
        }
    }
}
