import Foundation
import HTTPTypes
import JourneyModel
import Testing

@Suite("Enrollments: start, read, record facts, move steps, with the command line's validation")
struct EnrollmentTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    nonisolated(unsafe) static let newcomerAnswers: [String: Any] = [
        "citizenship": "USA", "stayAtLeastOneYear": true, "movingWithPartner": false, "hasChildren": "nej", "lookingForWork": false, "hasForeignDrivingLicence": "no",
        "fullName": "Test Testsson", "address": "Testgatan 1, 111 11 Stockholm", "alreadyRegistered": false,
        "passportNumber": "X1234567", "permitGround": "work",
    ]

    @Test("starting is idempotent per person and journey: 201, then 200 with the same enrollment")
    func startIsIdempotent() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let again = try await client.send(.post, "/v1/enrollments", token: citizen.token, json: ["journey": "new-in-sweden"])
            #expect(again.status == .ok)
            #expect(again.string("id") == citizen.enrollment.rawValue)
            let other = try await client.send(.post, "/v1/enrollments", token: citizen.token, json: ["journey": "starting-a-business"])
            #expect(other.status == .created)
            #expect(other.string("person") == citizen.person.rawValue)
            #expect(other.headers[.location] == "/v1/enrollments/\(other.string("id"))")
        }
    }

    @Test("starting refuses an unknown journey (404) and bodies that are not exactly the request's fields (400)")
    func startRefusals() async throws {
        let token = try await harness.token(.citizen, identity: OfficialTestNumbers.personnummer)
        try await harness.test { client async throws in
            let unknown = try await client.send(.post, "/v1/enrollments", token: token, json: ["journey": "moving-to-mars"])
            #expect(unknown.status == .notFound)
            #expect(unknown.errorCode == "unknownJourney")
            let extra = try await client.send(.post, "/v1/enrollments", token: token, json: ["journey": "new-in-sweden", "person": "x"])
            #expect(extra.status == .badRequest)
            #expect(extra.errorCode == "unknownField")
            #expect(extra.errorField == "person")
            let wrongType = try await client.send(.post, "/v1/enrollments", token: token, json: ["journey": 7])
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.errorField == "journey")
            let missing = try await client.send(.post, "/v1/enrollments", token: token, json: [String: Any]())
            #expect(missing.errorCode == "missingField")
            #expect(missing.errorField == "journey")
            let malformed = try await client.send(.post, "/v1/enrollments", token: token, body: "{\"journey\": ")
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorCode == "malformedJSON")
            let array = try await client.send(.post, "/v1/enrollments", token: token, body: "[]")
            #expect(array.errorCode == "malformedJSON")
            let empty = try await client.send(.post, "/v1/enrollments", token: token)
            #expect(empty.errorCode == "missingBody")
            let large = try await client.send(.post, "/v1/enrollments", token: token,
                json: ["journey": String(repeating: "x", count: 70 * 1024)])
            #expect(large.status == .contentTooLarge)
            #expect(large.errorCode == "tooLarge")
        }
    }

    @Test("an enrollment shows every step's state and the next actions")
    func readEnrollment() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let reply = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(reply.status == .ok)
            #expect(reply.string("status") == "active")
            #expect(reply.string("ball") == "person")
            #expect(reply.steps["residence-permit"] == "locked")
            let actions = try #require(reply.json["nextActions"] as? [[String: Any]])
            #expect(actions.contains { $0["kind"] as? String == "answer" && $0["fact"] as? String == "citizenship" })
            let missing = try await client.send(.get, "/v1/enrollments/le-none", token: citizen.token)
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "unknownEnrollment")
        }
    }

    @Test("facts are recorded all or nothing, with the command line's checks")
    func recordFacts() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let path = "/v1/enrollments/\(citizen.enrollment)/facts"
            let recorded = try await client.send(.post, path, token: citizen.token, json: ["answers": Self.newcomerAnswers])
            #expect(recorded.status == .ok)
            #expect(recorded.steps["residence-permit"] == "available")
            let invalid = try await client.send(.post, path, token: citizen.token, json: ["answers": ["hasChildren": "kanske", "lookingForWork": "ja"]])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.errorCode == "invalidValue")
            let unknown = try await client.send(.post, path, token: citizen.token, json: ["answers": ["citizenshp": "Tyskland"]])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorCode == "unknownFact")
            #expect((unknown.error["hint"] as? String)?.contains("citizenship") == true)
            let wrongShape = try await client.send(.post, path, token: citizen.token, json: ["answers": "citizenship=Tyskland"])
            #expect(wrongShape.status == .badRequest)
            #expect(wrongShape.errorField == "answers")
            let nested = try await client.send(.post, path, token: citizen.token, json: ["answers": ["citizenship": ["Tyskland"]]])
            #expect(nested.status == .badRequest)
            #expect(nested.errorField == "answers.citizenship")
            let none = try await client.send(.post, path, token: citizen.token, json: ["answers": [String: Any]()])
            #expect(none.status == .badRequest)
            let after = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(after.string("revision") == recorded.string("revision"))
        }
    }

    @Test("steps start, complete and skip as on the command line, and refuse what the journey does not allow")
    func stepCommands() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let base = "/v1/enrollments/\(citizen.enrollment)"
            let locked = try await client.send(.post, "\(base)/steps/population-registration/complete", token: citizen.token)
            #expect(locked.status == .unprocessableContent)
            #expect(locked.errorCode == "invalidTransition")
            _ = try await client.send(.post, "\(base)/facts", token: citizen.token, json: ["answers": Self.newcomerAnswers])
            let started = try await client.send(.post, "\(base)/steps/residence-permit/start", token: citizen.token)
            #expect(started.status == .ok)
            #expect(started.steps["residence-permit"] == "inProgress")
            let withBody = try await client.send(.post, "\(base)/steps/residence-permit/start", token: citizen.token, json: ["reason": "x"])
            #expect(withBody.status == .badRequest)
            #expect(withBody.errorField == "reason")
            let completed = try await client.send(.post, "\(base)/steps/residence-permit/complete", token: citizen.token,
                json: ["facts": ["hasResidencePermit": true]])
            #expect(completed.status == .ok)
            #expect(completed.steps["residence-permit"] == "done")
            #expect(completed.steps["population-registration"] == "available")
            let notProduced = try await client.send(.post, "\(base)/steps/population-registration/complete", token: citizen.token,
                json: ["facts": ["citizenship": "Tyskland"]])
            #expect(notProduced.status == .unprocessableContent)
            let required = try await client.send(.post, "\(base)/steps/population-registration/skip", token: citizen.token)
            #expect(required.status == .unprocessableContent)
            #expect(required.errorCode == "invalidTransition")
            let unknown = try await client.send(.post, "\(base)/steps/moon-landing/start", token: citizen.token)
            #expect(unknown.status == .notFound)
            #expect(unknown.errorCode == "unknownStep")
            let lockedOptional = try await client.send(.post, "\(base)/steps/unemployment-fund/skip", token: citizen.token)
            #expect(lockedOptional.status == .unprocessableContent)
            let business = try await client.send(.post, "/v1/enrollments", token: citizen.token, json: ["journey": "starting-a-business"])
            let businessBase = "/v1/enrollments/\(business.string("id"))"
            _ = try await client.send(.post, "\(businessBase)/facts", token: citizen.token,
                json: ["answers": ["businessForm": "enskildFirma", "companyName": "Testbolaget"]])
            #expect(try await client.send(.post, "\(businessBase)/steps/name-check/complete", token: citizen.token).status == .ok)
            let skipped = try await client.send(.post, "\(businessBase)/steps/register-sole-trader/skip", token: citizen.token, json: [String: Any]())
            #expect(skipped.status == .ok)
            #expect(skipped.steps["register-sole-trader"] == "skipped")
        }
    }
}
