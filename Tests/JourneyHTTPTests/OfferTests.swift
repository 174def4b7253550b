import Foundation
import HTTPTypes
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

@Suite("Proactive offers: an agency's life event offers a journey, the person accepts or declines it")
struct OfferTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static func birth(_ messageID: String, person: String = OfficialTestNumbers.personnummer, birthDate: String = "2025-12-30") -> [String: Any] {
        ["messageId": messageID, "agency": "skatteverket", "event": "birth-registered", "person": person,
         "fields": ["birthDate": birthDate, "parentsMarried": false]]
    }

    static func items(_ reply: Client.Reply) -> [[String: Any]] { reply.json["items"] as? [[String: Any]] ?? [] }

    /// A citizen on new-in-sweden whose number is proven, as after an eID login.
    func provenCitizen(_ client: Client) async throws -> Citizen {
        let citizen = try await harness.citizen(client: client)
        _ = try await harness.engine.prove(ProvenIdentity(number: try Personnummer(parsing: OfficialTestNumbers.personnummer), proof: MandateTests.login),
            person: citizen.person)
        return citizen
    }

    @Test("end to end over loopback: a birth offers 'becoming a parent' with the birth date filled in; accepting it makes the name step due three months after the birth")
    func birthOffersBecomingAParent() async throws {
        let skatteverket = try await harness.token(.agency, agency: "skatteverket")
        try await harness.testLive { client async throws in
            let citizen = try await provenCitizen(client)
            let offers = "/v1/people/\(citizen.person)/offers"
            #expect(Self.items(try await client.send(.get, offers, token: citizen.token)).isEmpty)

            let sent = try await client.send(.post, "/v1/life-events", token: skatteverket, json: Self.birth("birth-1"))
            #expect(sent.status == .accepted, "\(sent.text)")
            #expect(sent.json["duplicate"] as? Bool == false && sent.string("status") == "accepted")
            #expect(Set(sent.json.keys) == ["messageId", "agency", "event", "status", "duplicate", "receivedAt"])
            let again = try await client.send(.post, "/v1/life-events", token: skatteverket, json: Self.birth("birth-1"))
            #expect(again.status == .accepted && again.json["duplicate"] as? Bool == true)
            #expect(try await client.send(.post, "/v1/life-events", token: skatteverket, json: Self.birth("birth-1", birthDate: "2025-12-29")).status
                == .conflict)

            let listed = Self.items(try await client.send(.get, offers, token: citizen.token))
            #expect(listed.count == 1)
            let offer = try #require(listed.first)
            #expect(offer["journey"] as? String == "becoming-a-parent" && offer["status"] as? String == "open")
            #expect(offer["facts"] as? [String: String] == ["childBirthDate": "2025-12-30", "parentsMarried": "false"])
            let id = try #require(offer["id"] as? String)

            let accepted = try await client.send(.post, "\(offers)/\(id)/accept", token: citizen.token)
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(accepted.string("status") == "accepted")
            let enrollment = accepted.string("enrollment")
            #expect(enrollment.hasPrefix("le-"))
            #expect(try await client.send(.post, "\(offers)/\(id)/accept", token: citizen.token).errorCode == "offerClosed")

            let journey = try await client.send(.get, "/v1/enrollments/\(enrollment)", token: citizen.token)
            #expect(journey.string("journey") == "becoming-a-parent")
            let steps = journey.json["steps"] as? [[String: Any]] ?? []
            let name = try #require(steps.first { $0["id"] as? String == "child-name" })
            // Born on 30 December 2025: the name is due by the end of 30 March 2026.
            #expect(name["due"] as? String == "2026-03-31T00:00:00Z")
            let facts = try await client.send(.get, "/v1/people/\(citizen.person)/facts", token: citizen.token)
            #expect(facts.text.contains("skatteverket.birth-record"), "\(facts.text)")

            // The person was told, the journeys were not: the agency's life event and the decision are in the journal.
            let entries = try await harness.requests(about: citizen.person)
            #expect(entries.contains { $0.action == .change && $0.requester?.purpose == "POST /v1/life-events" && $0.journey == "becoming-a-parent" })
            #expect(entries.contains { $0.action == .change && $0.requester?.purpose == "POST /v1/people/{personId}/offers/{offerId}/accept" })
        }
    }

    @Test("only a person Lotsen knows by a proven number, not already on the journey, gets an offer; an unknown number creates no one")
    func onlyProvenPeopleNotOnTheJourney() async throws {
        let skatteverket = try await harness.token(.agency, agency: "skatteverket")
        try await harness.test { client async throws in
            let unproven = try await harness.citizen(client: client)
            let sent = try await client.send(.post, "/v1/life-events", token: skatteverket, json: Self.birth("birth-1"))
            #expect(sent.status == .accepted)
            #expect(Self.items(try await client.send(.get, "/v1/people/\(unproven.person)/offers", token: unproven.token)).isEmpty)

            let stranger = try await client.send(.post, "/v1/life-events", token: skatteverket,
                json: Self.birth("birth-2", person: OfficialTestNumbers.leapDayPersonnummer))
            #expect(stranger.status == .accepted && Set(stranger.json.keys) == Set(sent.json.keys))
            #expect(try await harness.store.person(identity: try Personnummer(parsing: OfficialTestNumbers.leapDayPersonnummer)) == nil)

            let parent = try await harness.citizen(identity: OfficialTestNumbers.samordningsnummer, journey: "becoming-a-parent", client: client)
            _ = try await harness.engine.prove(ProvenIdentity(number: try Personnummer(parsing: OfficialTestNumbers.samordningsnummer),
                proof: MandateTests.login), person: parent.person)
            _ = try await client.send(.post, "/v1/life-events", token: skatteverket, json: Self.birth("birth-3", person: OfficialTestNumbers.samordningsnummer))
            #expect(Self.items(try await client.send(.get, "/v1/people/\(parent.person)/offers", token: parent.token)).isEmpty)
        }
    }

    @Test("declining closes the offer; an offer not taken in time expires and can no longer be accepted")
    func declineAndExpiry() async throws {
        let skatteverket = try await harness.token(.agency, agency: "skatteverket")
        try await harness.test { client async throws in
            let citizen = try await provenCitizen(client)
            let offers = "/v1/people/\(citizen.person)/offers"
            _ = try await client.send(.post, "/v1/life-events", token: skatteverket, json: Self.birth("birth-1"))
            let first = try #require(Self.items(try await client.send(.get, offers, token: citizen.token)).first?["id"] as? String)
            let declined = try await client.send(.post, "\(offers)/\(first)/decline", token: citizen.token)
            #expect(declined.status == .ok && declined.string("status") == "declined" && declined.json["enrollment"] == nil)

            // A second child: a new offer, which lasts 60 days.
            _ = try await client.send(.post, "/v1/life-events", token: skatteverket, json: Self.birth("birth-2", birthDate: "2025-12-31"))
            let second = try #require(Self.items(try await client.send(.get, offers, token: citizen.token)).first?["id"] as? String)
            #expect(second != first)
            harness.advance(days: 61)
            #expect(Self.items(try await client.send(.get, offers, token: citizen.token)).map { $0["status"] as? String } == ["expired", "declined"])
            let late = try await client.send(.post, "\(offers)/\(second)/accept", token: citizen.token)
            #expect(late.status == .conflict && late.errorCode == "offerClosed")
            #expect(try await client.send(.post, "\(offers)/999999/accept", token: citizen.token).errorCode == "unknownOffer")
        }
    }

    @Test("garbage is refused, naming the field: an unknown event or field, a field of the wrong type, a bad number, another agency's event")
    func garbageIsRefused() async throws {
        let skatteverket = try await harness.token(.agency, agency: "skatteverket")
        try await harness.test { client async throws in
            func send(_ body: [String: Any]) async throws -> Client.Reply { try await client.send(.post, "/v1/life-events", token: skatteverket, json: body) }
            var body = Self.birth("g-1")
            body["event"] = "birth-registred"
            #expect(try await send(body).errorField == "event")
            body = Self.birth("g-2")
            body["fields"] = ["birthdate": "2025-12-30"]
            #expect(try await send(body).errorField == "fields.birthdate")
            body["fields"] = ["birthDate": "last tuesday"]
            let wrong = try await send(body)
            #expect(wrong.status == .unprocessableContent && wrong.errorField == "fields.birthDate")
            #expect(try await send(Self.birth("g-3", person: "19121212-1213")).errorField == "person")
            body = Self.birth("g-4")
            body["colour"] = "blue"
            #expect(try await send(body).status == .badRequest)
            body = Self.birth("g-5")
            body["agency"] = "bolagsverket"
            #expect(try await send(body).status == .forbidden)
        }
    }
}
