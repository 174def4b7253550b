import Foundation
import HTTPTypes
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

/// Issue 15, "Why" 2: completing a done step again returned 200 and overwrote the facts it produced, and `POST …/facts`
/// took facts only an agency supplies (`personnummer`, `hasResidencePermit`). Each test failed before facts an agency
/// supplies became the agency's.
@Suite("Agency facts are the agency's: answers and steps done again do not replace them")
struct AgencyFactsTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    func facts(_ person: PersonID) async throws -> [FactID: KnownFact] { try await harness.engine.overview(.id(person)).facts }

    @Test("a citizen cannot give a fact only an agency supplies: personnummer and hasResidencePermit are refused, nothing is recorded")
    func agencyOnlyFactsAreNotAnswers() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let own = try await facts(citizen.person)["personnummer"]
            for (fact, value) in [("personnummer", OfficialTestNumbers.leapDayPersonnummer), ("hasResidencePermit", "yes")] {
                let reply = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                    json: ["answers": [fact: value, "fullName": "Test Testsson"]])
                #expect(reply.status == .unprocessableContent, "\(fact): \(reply.status)")
                #expect(reply.errorField == "answers.\(fact)")
                #expect(reply.errorCode == "agencySupplied")
                #expect(!reply.text.contains(OfficialTestNumbers.leapDayPersonnummer))
            }
            let single = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": ["hasResidencePermit": true]])
            #expect(single.errorCode == "agencySupplied")
            let after = try await facts(citizen.person)
            #expect(after["personnummer"] == own)
            #expect(after["hasResidencePermit"] == nil && after["fullName"] == nil)
        }
    }

    @Test("an answer does not replace what an agency supplied: it is the person's claim beside it, shown to caseworkers")
    func answersAreClaimsBesideAgencyValues() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            try await harness.engine.record([(fact: "fullName", value: .text("Tolvan Tolvansson"))], source: .agency("skatteverket.population-record"),
                validUntil: nil, person: citizen.person, journey: "new-in-sweden", actor: .system)
            let reply = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": ["fullName": "Someone Else"]])
            #expect(reply.status == .ok)
            let kept = try await facts(citizen.person)["fullName"]
            #expect(kept?.value == .text("Tolvan Tolvansson") && kept?.source == .agency("skatteverket.population-record"))
            #expect(try await harness.engine.overview(.id(citizen.person)).claims["fullName"]?.value == .text("Someone Else"))
            let shown = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: caseworker)
            let claims = shown.json["claims"] as? [[String: Any]]
            #expect(claims?.count == 1)
            #expect(claims?.first?["fact"] as? String == "fullName" && claims?.first?["value"] as? String == "Someone Else")
            #expect(claims?.first?["source"] as? String == "person")
            // The agency's value again withdraws the claim.
            let same = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": ["fullName": "Tolvan Tolvansson"]])
            #expect(same.status == .ok)
            #expect(same.json["claims"] == nil)
            #expect(try await harness.engine.overview(.id(citizen.person)).claims.isEmpty)
        }
    }

    @Test("a person may dispute a fact only agencies supply once an agency has supplied it; planning keeps the agency's value")
    func disputingAnAgencyOnlyFact() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            try await harness.engine.record([(fact: "hasResidencePermit", value: .bool(false))], source: .agency("migrationsverket.permit-record"),
                validUntil: nil, person: citizen.person, journey: "new-in-sweden", actor: .system)
            let reply = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": ["hasResidencePermit": true]])
            #expect(reply.status == .ok)
            let overview = try await harness.engine.overview(.id(citizen.person))
            #expect(overview.facts["hasResidencePermit"]?.value == .bool(false))
            #expect(overview.claims["hasResidencePermit"]?.value == .bool(true) && overview.claims["hasResidencePermit"]?.source == .person)
        }
    }

    @Test("completing a done step again with facts changes nothing and says so; without facts it stays a safe retry")
    func completingADoneStepAgainChangesNothing() async throws {
        try await harness.test { client async throws in
            let person = try await harness.engine.enroll(.new, in: "new-in-sweden").enrollment.person
            _ = try await harness.engine.answer(person: person, answers: [("citizenship", "Germany"), ("stayAtLeastOneYear", "yes"),
                ("fullName", "Testa Testsson"), ("address", "Provgatan 2, 543 21 Provstad"), ("alreadyRegistered", "no")])
            for step in ["population-registration", "identity-visit"] { _ = try await harness.engine.apply(.complete, step: StepID(step), person: person) }
            let token = try await harness.token(.citizen, person: person)
            let enrollment = try await harness.engine.overview(.id(person)).enrollments[0].enrollment.id
            let path = "/v1/enrollments/\(enrollment)/steps/receive-personnummer/complete"
            let first = try await client.send(.post, path, token: token, json: ["facts": ["personnummer": OfficialTestNumbers.personnummer]])
            #expect(first.status == .ok)
            let revision = first.json["revision"] as? Int

            let again = try await client.send(.post, path, token: token, json: ["facts": ["personnummer": OfficialTestNumbers.leapDayPersonnummer]])
            #expect(again.status == .conflict)
            #expect(again.errorCode == "alreadyDone")
            #expect(!again.text.contains(OfficialTestNumbers.leapDayPersonnummer))
            #expect(try await facts(person)["personnummer"]?.value == .personnummer(try Personnummer(parsing: OfficialTestNumbers.personnummer)))

            let retry = try await client.send(.post, path, token: token)
            #expect(retry.status == .ok)
            #expect(retry.json["revision"] as? Int == revision)
            #expect(retry.steps["receive-personnummer"] == "done")
        }
    }
}
