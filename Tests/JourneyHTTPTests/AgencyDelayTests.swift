import Foundation
import HTTPTypes
import JourneyModel
import JourneyStore
import Testing

@Suite("Cases overdue at the agency: lists, counts and what the person reads")
struct AgencyDelayTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test("a case waiting past the service's processing time is overdue at the agency in the step, the list and the counts")
    func waitingPastProcessingTime() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": EnrollmentTests.newcomerAnswers])
            let received = try await client.send(.post, "/v1/agency-events", token: agency,
                json: AgencyEventTests.event("mig-1", person: OfficialTestNumbers.personnummer, type: "received", extra: ["caseReference": "MIG-2026-1"]))
            #expect(received.status == .accepted && received.string("status") == "accepted")

            func permit() async throws -> [String: Any] {
                let document = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
                return try #require((document.json["steps"] as? [[String: Any]])?.first { $0["id"] as? String == "residence-permit" })
            }
            func caseload() async throws -> [String: Any] {
                try await client.send(.get, "/v1/caseload?journey=new-in-sweden", token: caseworker).json
            }
            func listed() async throws -> [String] {
                let page = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&due=overdueAtAgency", token: caseworker)
                #expect(page.status == .ok, "\(page.text)")
                return (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            }
            // Migrationsverket's residence permit is expected within four months (the step's processingTime).
            #expect(try await permit()["overdueAtAgency"] as? Bool == false)
            #expect(try await permit()["expectedBy"] is String)
            #expect(try await listed() == [])
            #expect(try await caseload()["overdueAtAgency"] as? Int == 0)

            harness.advance(days: 130)
            #expect(try await permit()["overdueAtAgency"] as? Bool == true)
            #expect(try await listed() == [citizen.enrollment.rawValue])
            let counts = try await caseload()
            #expect(counts["overdueAtAgency"] as? Int == 1)
            #expect(counts["journey"] as? String == "new-in-sweden")

            // Decided: no longer waiting, no longer overdue anywhere.
            _ = try await client.send(.post, "/v1/agency-events", token: agency,
                json: AgencyEventTests.event("mig-2", person: OfficialTestNumbers.personnummer, type: "decided", decision: "approved"))
            #expect(try await permit()["overdueAtAgency"] == nil)
            #expect(try await listed() == [])
            #expect(try await caseload()["overdueAtAgency"] as? Int == 0)

            let refused = try await client.send(.get, "/v1/caseload?journey=new-in-sweden", token: citizen.token)
            #expect(refused.status == .forbidden)
            #expect(try await client.send(.get, "/v1/caseload", token: caseworker).status == .badRequest)
        }
    }
}
