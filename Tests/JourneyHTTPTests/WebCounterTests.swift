import Foundation
import HTTPTypes
import JourneyModel
import JourneyStore
import Testing

@Suite("Web view: a caseworker at a counter acts for the person present")
struct WebCounterTests {
    typealias Browser = WebViewTests.Browser

    /// A citizen from outside the EU (so the residence permit can start), and a counter token made for them.
    func world(_ harness: Harness, _ client: Client) async throws -> (citizen: Citizen, counter: String) {
        let citizen = try await harness.citizen(client: client)
        let answered = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
            json: ["answers": ["citizenship": "USA", "fullName": "Test Testsson", "passportNumber": "X1234567", "permitGround": "work"]])
        #expect(answered.status == .ok, "\(answered.text)")
        return (citizen, try await harness.token(.counter, person: citizen.person))
    }

    @Test("a counter token signs in to its person's page, with only the actions the steps allow, and no facts or journal")
    func counterSeesItsPerson() async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let (citizen, counter) = try await world(harness, client)
            let (_, signedIn) = try await Browser.signIn(client, token: counter)
            let browser = try #require(signedIn)
            let home = try await browser.get(client, "/")
            #expect(home.status == .seeOther && home.headers[.location] == "/people/\(citizen.person.rawValue)")
            let page = try await browser.get(client, "/people/\(citizen.person.rawValue)")
            #expect(page.status == .ok)
            #expect(page.text.contains("action=\"/enrollments/\(citizen.enrollment.rawValue)/steps/residence-permit/start\""))
            #expect(!page.text.contains("/steps/residence-permit/skip"), "a required step offers no skip")
            #expect(!page.text.contains("id=\"journal-entries\"") && !page.text.contains("id=\"fact-sources\""))
        }
    }

    @Test("a counter's button moves the step; the event's actor is a caseworker and the journal names the counter")
    func counterMovesAStep() async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let (citizen, counter) = try await world(harness, client)
            let browser = try #require(try await Browser.signIn(client, token: counter).1)
            let before = try await harness.store.events(enrollment: citizen.enrollment).count
            let moved = try await browser.post(client, "/enrollments/\(citizen.enrollment.rawValue)/steps/residence-permit/start", "csrf=\(browser.csrf)")
            #expect(moved.status == .seeOther)
            let document = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            let permit = (document.json["steps"] as? [[String: Any]])?.first { $0["id"] as? String == "residence-permit" }
            #expect(permit?["state"] as? String == "inProgress")
            let events = try await harness.store.events(enrollment: citizen.enrollment).dropFirst(before)
            #expect(!events.isEmpty && events.allSatisfy { $0.actor == .caseworker })
            let changes = try await harness.requests(about: citizen.person).filter { $0.action == .change }
            #expect(changes.last?.requester?.role == .counter)
            #expect(changes.last?.requester?.purpose == "POST /enrollments/{enrollmentId}/steps/{stepId}/{command}")
        }
    }

    @Test("attack: a counter cannot open lists, the funnel, fact values or another person; a caseworker's session moves no step; no CSRF token, no change")
    func counterAndCaseworkerLimits() async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let (citizen, counter) = try await world(harness, client)
            let other = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
            let browser = try #require(try await Browser.signIn(client, token: counter).1)
            #expect(try await browser.get(client, "/journeys/new-in-sweden/enrollments").status == .forbidden)
            #expect(try await browser.get(client, "/journeys/new-in-sweden/funnel").status == .forbidden)
            #expect(try await browser.post(client, "/people/\(citizen.person.rawValue)/facts", "csrf=\(browser.csrf)&purpose=Counter+visit+today").status == .forbidden)
            #expect(try await browser.get(client, "/people/\(other.person.rawValue)").status == .forbidden)
            let refusals = try await harness.store.journal(person: other.person).filter { $0.outcome == .refused }
            #expect(refusals.contains { $0.requester?.role == .counter })
            #expect(try await browser.post(client, "/enrollments/\(other.enrollment.rawValue)/steps/residence-permit/start", "csrf=\(browser.csrf)").status == .forbidden)
            #expect(try await browser.post(client, "/enrollments/\(citizen.enrollment.rawValue)/steps/residence-permit/start", "csrf=wrong").status == .forbidden)

            let caseworker = try await harness.token(.caseworker)
            let staff = try #require(try await Browser.signIn(client, token: caseworker).1)
            #expect(try await staff.post(client, "/enrollments/\(citizen.enrollment.rawValue)/steps/residence-permit/start", "csrf=\(staff.csrf)").status == .forbidden)
            let document = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            let permit = (document.json["steps"] as? [[String: Any]])?.first { $0["id"] as? String == "residence-permit" }
            #expect(permit?["state"] as? String == "available")
        }
    }
}
