import Foundation
import HTTPTypes
import JourneyEngine
import JourneyHTTP
import JourneyModel
import Testing

/// Request bodies are held to what the OpenAPI document says, and every refusal says what, where and how to fix it.
@Suite("API: strict request bodies")
struct StrictBodyTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test("a key given twice is refused with 400 naming it, at the top and inside answers")
    func duplicateKeys() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let twice = try await client.send(.post, "/v1/enrollments", token: citizen.token,
                body: #"{"journey": "new-in-sweden", "journey": "starting-a-business"}"#)
            #expect(twice.status == .badRequest)
            #expect(twice.errorCode == "duplicateField")
            #expect(twice.errorField == "journey")
            let nested = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                body: #"{"answers": {"fullName": "Test Testsson", "fullName": "Someone Else"}}"#)
            #expect(nested.status == .badRequest)
            #expect(nested.errorField == "answers.fullName")
            // The same key escaped differently is the same key.
            let escaped = try await client.send(.post, "/v1/enrollments", token: citizen.token,
                body: #"{"journey": "new-in-sweden", "j\u006furney": "new-in-sweden"}"#)
            #expect(escaped.errorCode == "duplicateField")
            // A pair is one character, so keys that differ only in it are different keys, not a duplicate.
            let paired = try await client.send(.post, "/v1/enrollments", token: citizen.token,
                body: #"{"journey": "new-in-sweden", "\ud83d\ude00": 1, "\ud83d\ude01": 2}"#)
            #expect(paired.errorCode != "duplicateField" && paired.errorCode != "malformedJSON", "\(paired.text)")
        }
    }

    @Test("malformed JSON is refused naming the line and column of the problem")
    func malformedJSONPosition() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let cases: [(body: String, place: String)] = [
                ("{\"journey\":\n  \"new-in-sweden\",}", "line 2, column 19"),
                ("{\"journey\": \"new-in-sweden\"", "line 1, column 28"),
                ("{\"journey\": 'new-in-sweden'}", "line 1, column 13"),
                ("{\"journey\": \"new-in-sweden\"} x", "line 1, column 30"),
                (String(repeating: "[", count: 100), "nested deeper than 32 levels"),
                // FuzzJSONSyntax, crash-54583d18: beyond a double's range, which JSONSerialization refused without a place.
                ("{\"journey\":\n 1e400}", "line 2, column 2"),
                // Surrogate halves alone stand for no character; the decoder refused them without a place.
                (#"{"journey": "new\ud800-in-sweden"}"#, "line 1, column 17"),
                (#"{"journey": "new\udc00"}"#, "line 1, column 17"),
                (#"{"journey": "\ud83d\u0041"}"#, "line 1, column 14"),
            ]
            for (body, place) in cases {
                let reply = try await client.send(.post, "/v1/enrollments", token: citizen.token, body: body)
                #expect(reply.status == .badRequest)
                #expect(reply.errorCode == "malformedJSON")
                #expect((reply.error["message"] as? String)?.contains(place) == true, "\(reply.text) should name \(place)")
            }
        }
    }

    @Test("an agency event's texts are held to the document's minLength, maxLength and \\S pattern", arguments: [
        ("messageId", "\t\n"), ("messageId", ""), ("messageId", String(repeating: "m", count: 201)), ("agency", "\u{2003}"),
        ("service", " \r\n"), ("caseReference", "\u{A0}"), ("message", String(repeating: "é", count: 2001)),
    ])
    func agencyTextsFollowTheSchema(field: String, value: String) async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let reply = try await client.send(.post, "/v1/agency-events", token: agency,
                json: AgencyEventTests.event("m-1", person: OfficialTestNumbers.personnummer, type: "received", extra: [field: value]))
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == field)
        }
    }

    @Test("a value outside an enum is refused naming the field and listing the values it takes")
    func enumsListTheirValues() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let cases: [(field: String, value: String, listed: String)] = [
                ("type", "sent", "received, needsAction, decided"), ("decision", "maybe", "approved, rejected"), ("language", "de", "sv, en"),
            ]
            for (field, value, listed) in cases {
                let reply = try await client.send(.post, "/v1/agency-events", token: agency,
                    json: AgencyEventTests.event("m-1", person: OfficialTestNumbers.personnummer, type: "decided", decision: "approved",
                        extra: [field: value]))
                #expect(reply.status == .badRequest)
                #expect(reply.errorField == field)
                #expect((reply.error["message"] as? String)?.contains(listed) == true, "\(reply.text) should list \(listed)")
            }
        }
    }

    @Test("a body that is not application/json is refused with 415 and the error JSON; JSON with a charset is taken")
    func unsupportedMediaType() async throws {
        try await harness.test { client async throws in
            let token = try await harness.token(.citizen, identity: OfficialTestNumbers.personnummer)
            for type in ["text/plain", "application/x-www-form-urlencoded", "application/jsonx"] {
                let reply = try await client.send(.post, "/v1/enrollments", token: token, body: #"{"journey": "new-in-sweden"}"#,
                    headers: [.contentType: type])
                #expect(reply.status == .unsupportedMediaType)
                #expect(reply.errorCode == "unsupportedMediaType")
                #expect(reply.errorField == "Content-Type")
                #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            let charset = try await client.send(.post, "/v1/enrollments", token: token, body: #"{"journey": "new-in-sweden"}"#,
                headers: [.contentType: "Application/JSON; charset=utf-8"])
            #expect(charset.status == .created)
        }
    }

    @Test("hints speak of routes and fields, never of command-line commands")
    func hintsInAPIWording() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let replies = [
                try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/steps/qqqqqqqqqqqq/start", token: citizen.token),
                try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                    json: ["answers": ["qqqqqqqqqqqq": "x"]]),
                try await client.send(.post, "/v1/enrollments", token: citizen.token, json: ["journey": "qqqqqqqqqqqq"]),
                try await client.send(.get, "/v1/journeys"),
            ]
            for reply in replies {
                #expect(reply.status.code >= 400)
                let hint = try #require(reply.error["hint"] as? String, "\(reply.text) should have a hint")
                #expect(!hint.contains("lotsen "), "\(hint)")
                #expect(!hint.contains("--"), "\(hint)")
            }
        }
        // The engine's command-line hints are mapped at the boundary, whatever the code.
        let mapped = APIError(EngineError(.notEnrolled, "this person has not started 'x'", hint: "start it with: lotsen start x --person ..."))
        #expect(mapped.hint == "start the journey with POST /v1/enrollments")
        let agency = APIError(EngineError(.agencyFailed, "the agency did not answer", hint: "Lotsen keeps the request and tries again: run 'lotsen sync' later"))
        #expect(agency.hint?.contains("lotsen ") == false)
        let kept = APIError(EngineError(.unknownFact, "no fact 'ful'", hint: "did you mean 'fullName'?"))
        #expect(kept.hint == "did you mean 'fullName'?")
    }
}
