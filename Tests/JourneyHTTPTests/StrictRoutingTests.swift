import Foundation
import HTTPTypes
import JourneyModel
import Testing

/// Paths, methods, cursors and the HTTP layer's own refusals: each answered as the OpenAPI document says, with the
/// documented error JSON.
@Suite("API: strict paths, methods, cursors and HTTP-layer errors")
struct StrictRoutingTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    /// `value` with every character percent-encoded, as a client may send it.
    static func percentEncoded(_ value: String) -> String {
        value.utf8.map { String(format: "%%%02X", $0) }.joined()
    }

    @Test("a percent-encoded path parameter is decoded once")
    func percentEncodedParameters() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let id = citizen.enrollment.rawValue
            let dashEncoded = id.replacingOccurrences(of: "-", with: "%2D")
            for path in ["/v1/enrollments/\(dashEncoded)", "/v1/enrollments/\(Self.percentEncoded(id))"] {
                let reply = try await client.send(.get, path, token: citizen.token)
                #expect(reply.status == .ok, "\(path): \(reply.text)")
                #expect(reply.string("id") == id)
            }
            let person = try await client.send(.get, "/v1/people/\(Self.percentEncoded(citizen.person.rawValue))", token: caseworker)
            #expect(person.status == .ok)
            let journey = try await client.send(.get, "/v1/journeys/new%2Din%2Dsweden", token: citizen.token)
            #expect(journey.string("id") == "new-in-sweden")
            // Decoded once: `%252D` is the text `%2D`, not a dash.
            let twice = try await client.send(.get, "/v1/enrollments/\(id.replacingOccurrences(of: "-", with: "%252D"))", token: citizen.token)
            #expect(twice.status == .notFound)
        }
    }

    @Test("a path parameter that does not decode to valid text is refused with 400 naming it", arguments: [
        ("/v1/enrollments/le%ZZ", "enrollmentId"), ("/v1/enrollments/le%FF%FE", "enrollmentId"), ("/v1/enrollments/le%00x", "enrollmentId"),
        ("/v1/enrollments/le%1B%5B2J", "enrollmentId"), ("/v1/journeys/%", "journeyId"),
        ("/v1/journeys/" + String(repeating: "j", count: 201), "journeyId"), ("/v1/people/lp%0Ax", "personId"),
    ])
    func invalidParameters(path: String, parameter: String) async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let reply = try await client.send(.get, path, token: caseworker)
            #expect(reply.status == .badRequest, "\(path): \(reply.text)")
            #expect(reply.errorCode == "invalidParameter")
            #expect(reply.errorField == parameter)
        }
    }

    @Test("HEAD is answered wherever GET is, with GET's status and headers and no body")
    func headWhereverGet() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            for path in ["/health", "/openapi.yaml", "/metrics", "/v1/journeys", "/v1/journeys/new-in-sweden", "/v1/enrollments?journey=new-in-sweden"] {
                let get = try await client.send(.get, path, token: caseworker)
                let head = try await client.send(.head, path, token: caseworker)
                #expect(head.status == get.status, "\(path)")
                #expect(head.text.isEmpty, "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
                if !path.hasPrefix("/metrics") {
                    #expect(head.headers[.contentLength] == String(get.text.utf8.count), "\(path)")
                }
            }
            let unauthenticated = try await client.send(.head, "/v1/journeys")
            #expect(unauthenticated.status == .unauthorized)
            #expect(unauthenticated.text.isEmpty)
            let post = try await client.send(.head, "/v1/agency-events")
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "POST")
        }
    }

    @Test("a cursor used with other filters than the list it came from is refused with 400 naming it")
    func cursorBoundToFilters() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            for number in [OfficialTestNumbers.personnummer, OfficialTestNumbers.leapDayPersonnummer] {
                _ = try await harness.citizen(identity: number, client: client)
                harness.advance(days: 1)
            }
            let first = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&limit=1", token: caseworker)
            let cursor = try #require(first.json["nextCursor"] as? String)
            let same = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&limit=5&cursor=\(cursor)", token: caseworker)
            #expect(same.status == .ok)
            #expect((same.json["items"] as? [[String: Any]])?.count == 1)
            for filters in ["journey=new-in-sweden&status=active", "journey=new-in-sweden&ball=person", "journey=new-in-sweden&unchangedForDays=0",
                "journey=starting-a-business", "journey=new-in-sweden&step=residence-permit"]
            {
                let other = try await client.send(.get, "/v1/enrollments?\(filters)&cursor=\(cursor)", token: caseworker)
                #expect(other.status == .badRequest, "\(filters)")
                #expect(other.errorField == "cursor")
                #expect((other.error["message"] as? String)?.contains("other filters") == true)
            }
        }
    }

    @Test("errors of the HTTP layer are the documented JSON: a 100 KB path, unknown routes, 405 and too-large bodies")
    func httpLayerErrorsAreJSON() async throws {
        let token = try await harness.token(.citizen, identity: OfficialTestNumbers.personnummer)
        try await harness.testLive { client async throws in
            let long = try await client.send(.get, "/v1/enrollments/" + String(repeating: "a", count: 100_000), token: token)
            #expect(long.status == .badRequest)
            #expect(long.errorCode == "malformedRequest")
            #expect(long.headers[.contentType]?.hasPrefix("application/json") == true)
        }
        try await harness.testLive { client async throws in
            let replies = [
                try await client.send(.get, "/nowhere"), try await client.send(.put, "/v1/journeys", token: token),
                try await client.send(.post, "/v1/enrollments", token: token, json: ["journey": String(repeating: "x", count: 70 * 1024)]),
                try await client.send(.get, "/v1/enrollments/%ZZ", token: token),
            ]
            #expect(replies.map(\.status) == [.notFound, .methodNotAllowed, .contentTooLarge, .badRequest])
            for reply in replies {
                #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(reply.errorCode != nil && reply.error["message"] is String, "\(reply.text)")
                #expect(Set(reply.error.keys).isSubset(of: ["code", "message", "field", "hint"]))
            }
        }
    }
}
