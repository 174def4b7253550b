import Foundation
import HTTPTypes
import JourneyModel
import JourneyStore
import Testing

@Suite("Due dates in the API and in caseworker lists")
struct DeadlineTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test("a step shows when it is due and how it stands, and caseworkers list due-soon and overdue steps, soonest first")
    func dueStepsAreShownAndListed() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizen = try await harness.founder(client)
            let document = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            let steps = try #require(document.json["steps"] as? [[String: Any]])
            let register = try #require(steps.first { $0["id"] as? String == "register-limited-company" })
            #expect(register["dueStanding"] as? String == "due")
            #expect(register["due"] is String)
            #expect(steps.first { $0["id"] as? String == "name-check" }?["due"] == nil)

            func listed(_ due: String) async throws -> [String] {
                let page = try await client.send(.get, "/v1/enrollments?journey=starting-a-business&due=\(due)", token: caseworker)
                #expect(page.status == .ok, "\(page.text)")
                return (page.json["items"] as? [[String: Any]] ?? []).compactMap { ($0["step"] as? [String: Any])?["id"] as? String }
            }
            #expect(try await listed("soon") == [])
            #expect(try await listed("overdue") == [])
            harness.advance(days: 180)
            #expect(try await listed("soon") == ["register-limited-company"])
            harness.advance(days: 10)
            #expect(try await listed("overdue") == ["register-limited-company"])
            let late = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            let standing = (late.json["steps"] as? [[String: Any]])?.first { $0["id"] as? String == "register-limited-company" }?["dueStanding"]
            #expect(standing as? String == "overdue")

            let refused = try await client.send(.get, "/v1/enrollments?journey=starting-a-business&due=late", token: caseworker)
            #expect(refused.status == .badRequest)
            #expect(refused.errorField == "due")
            let combined = try await client.send(.get, "/v1/enrollments?journey=starting-a-business&due=soon&unchangedForDays=3", token: caseworker)
            #expect(combined.errorField == "due")
        }
    }
}

extension Harness {
    /// A founder of a limited company who has signed the memorandum: registering is due six months later.
    func founder(_ client: Client) async throws -> Citizen {
        let citizen = try await citizen(journey: "starting-a-business", client: client)
        let base = "/v1/enrollments/\(citizen.enrollment)"
        _ = try await client.send(.post, "\(base)/facts", token: citizen.token, json: ["answers": ["businessForm": "aktiebolag", "companyName": "Testbolaget AB"]])
        for step in ["name-check", "articles-of-association"] {
            let done = try await client.send(.post, "\(base)/steps/\(step)/complete", token: citizen.token)
            #expect(done.status == .ok, "\(step): \(done.text)")
        }
        return citizen
    }
}
