import Foundation
import HTTPTypes
import JourneyModel
import Testing

@testable import JourneyHTTP

/// Issue 17, practice mode said everywhere: with the sandbox agencies, no API answer may pass for a real application.
@Suite("Practice mode in the API")
struct PracticeTests {
    @Test("with the sandbox agencies every response says Lotsen-Practice, errors too, and an enrollment says it in the reader's language")
    func practiceIsSaidEverywhere() async throws {
        let harness = try Harness(practice: true)
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let english = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(english.headers[APIServices.practiceHeader] == "sandbox")
            #expect(english.string("practice") == "Practice: sandbox agencies answer; no real agency is contacted.")
            let swedish = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token, headers: [.acceptLanguage: "sv"])
            #expect(swedish.string("practice") == "Övning: sandlådemyndigheter svarar; ingen riktig myndighet kontaktas.")
            // A translated language reads the guide's own translation of the line.
            let ukrainian = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token, headers: [.acceptLanguage: "uk"])
            let translated = Harness.library.guideTranslation(.uk)?.entry("practice")?.text
            #expect(translated != nil)
            #expect(ukrainian.string("practice") == translated)
            let refused = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)")
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[APIServices.practiceHeader] == "sandbox")
        }
    }

    @Test("with real agencies nothing says practice")
    func realAgenciesSayNothing() async throws {
        let harness = try Harness()
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let reply = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(reply.headers[APIServices.practiceHeader] == nil)
            #expect(reply.json["practice"] == nil)
        }
    }
}
