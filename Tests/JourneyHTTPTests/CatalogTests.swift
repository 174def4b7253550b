import Foundation
import HTTPTypes
import JourneyModel
import Testing

@Suite("The journey catalogue, in Swedish or English")
struct CatalogTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test("the list names every shipped journey, in English by default and in Swedish when asked")
    func list() async throws {
        let token = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let english = try await client.send(.get, "/v1/journeys", token: token)
            #expect(english.status == .ok)
            #expect(english.headers[.contentLanguage] == "en")
            let journeys = try #require(english.json["journeys"] as? [[String: Any]])
            #expect(journeys.map { $0["id"] as? String } == ["becoming-a-parent", "new-in-sweden", "starting-a-business", "to-and-from-sweden"])
            #expect(journeys.first?["title"] as? String == "Becoming a parent")
            let swedish = try await client.send(.get, "/v1/journeys", token: token, headers: [.acceptLanguage: "sv-SE,sv;q=0.9,en;q=0.8"])
            #expect(swedish.headers[.contentLanguage] == "sv")
            #expect((swedish.json["journeys"] as? [[String: Any]])?.first?["title"] as? String == "Bli förälder")
            let weighted = try await client.send(.get, "/v1/journeys", token: token, headers: [.acceptLanguage: "sv;q=0.2, en;q=0.9"])
            #expect(weighted.headers[.contentLanguage] == "en")
        }
    }

    @Test("one definition has its steps and facts")
    func definition() async throws {
        let token = try await harness.token(.citizen, identity: OfficialTestNumbers.personnummer)
        try await harness.test { client async throws in
            let reply = try await client.send(.get, "/v1/journeys/new-in-sweden", token: token, headers: [.acceptLanguage: "sv"])
            #expect(reply.status == .ok)
            let steps = try #require(reply.json["steps"] as? [[String: Any]])
            let permit = try #require(steps.first { $0["id"] as? String == "residence-permit" })
            #expect(permit["title"] as? String == "Uppehållstillstånd")
            #expect(permit["service"] as? String == "migrationsverket.residence-permit")
            #expect(permit["when"] as? String == "citizenship not in EU_EEA_CH")
            #expect(permit["member"] == nil)
            // The household's copies: each says whose it is and reads its member's facts.
            let child = try #require(steps.first { $0["id"] as? String == "school-place.child-2" })
            #expect(child["member"] as? String == "child-2")
            #expect(child["title"] as? String == "Plats i förskola eller skola (barn 2)")
            #expect(child["needs"] as? [String] == ["address", "fullName.child-2", "childDateOfBirth.child-2"])
            let declaredFacts = try #require(reply.json["facts"] as? [[String: Any]])
            #expect(declaredFacts.first { $0["id"] as? String == "passportNumber.partner" }?["member"] as? String == "partner")
            let facts = try #require(reply.json["facts"] as? [[String: Any]])
            #expect(facts.contains { $0["id"] as? String == "citizenship" && $0["type"] as? String == "country" })
        }
    }

    @Test("an unknown journey is 404 with a JSON error")
    func unknownJourney() async throws {
        let token = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let reply = try await client.send(.get, "/v1/journeys/moving-to-mars", token: token)
            #expect(reply.status == .notFound)
            #expect(reply.errorCode == "unknownJourney")
        }
    }
}
