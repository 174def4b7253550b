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

    @Test("due=any lists every open step with a due date, soonest first, whether or not it is near")
    func anyDueDateSortsTheListByDueDate() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let first = try await harness.founder(client)
            harness.advance(days: 20)
            let second = try await harness.founder(client, identity: OfficialTestNumbers.leapDayPersonnummer)
            let page = try await client.send(.get, "/v1/enrollments?journey=starting-a-business&due=any", token: caseworker)
            #expect(page.status == .ok, "\(page.text)")
            let items = page.json["items"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["id"] as? String } == [first.enrollment.rawValue, second.enrollment.rawValue])
            let dues = items.compactMap { ($0["step"] as? [String: Any])?["due"] as? String }
            #expect(dues.count == 2 && dues == dues.sorted())
            // Neither is overdue nor due within a week: only `any` shows them.
            let soon = try await client.send(.get, "/v1/enrollments?journey=starting-a-business&due=soon", token: caseworker)
            #expect((soon.json["items"] as? [[String: Any]])?.isEmpty == true)
        }
    }
}

extension Harness {
    /// A founder of a limited company who has signed the memorandum: registering is due six months later.
    func founder(_ client: Client, identity: String = OfficialTestNumbers.personnummer) async throws -> Citizen {
        let citizen = try await citizen(identity: identity, journey: "starting-a-business", client: client)
        let base = "/v1/enrollments/\(citizen.enrollment)"
        _ = try await client.send(.post, "\(base)/facts", token: citizen.token, json: ["answers": ["businessForm": "aktiebolag", "companyName": "Testbolaget AB"]])
        for step in ["name-check", "articles-of-association"] {
            let done = try await client.send(.post, "\(base)/steps/\(step)/complete", token: citizen.token)
            #expect(done.status == .ok, "\(step): \(done.text)")
        }
        return citizen
    }
}
