import Foundation
import HTTPTypes
import JourneyModel
import JourneyStore
import Testing

@Suite("Web view: a person's facts, values only with a purpose")
struct WebFactsTests {
    typealias Browser = WebViewTests.Browser

    /// A caseworker signed in, and a citizen who answered their citizenship.
    func world(_ harness: Harness, _ client: Client) async throws -> (Browser, Citizen) {
        let token = try await harness.token(.caseworker)
        let citizen = try await harness.citizen(client: client)
        let answered = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
            json: ["answers": ["citizenship": "Tyskland"]])
        #expect(answered.status == .ok, "\(answered.text)")
        let (_, signedIn) = try await Browser.signIn(client, token: token)
        return (try #require(signedIn), citizen)
    }

    @Test("the person page names each fact and its source but shows no value")
    func sourcesWithoutValues() async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let (browser, citizen) = try await world(harness, client)
            let page = try await browser.get(client, "/people/\(citizen.person.rawValue)")
            #expect(page.status == .ok)
            #expect(page.text.contains("<th scope=\"row\">citizenship</th><td>the person&#39;s answer</td>"))
            #expect(!page.text.contains("<td>DE</td>") && !page.text.contains(OfficialTestNumbers.personnummer))
            #expect(page.text.contains("action=\"/people/\(citizen.person.rawValue)/facts\""))
        }
    }

    @Test("values asked for with a purpose are shown, and the read is journaled with that purpose")
    func valuesWithPurposeAreJournaled() async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let (browser, citizen) = try await world(harness, client)
            let path = "/people/\(citizen.person.rawValue)/facts"
            let shown = try await browser.post(client, path, "csrf=\(browser.csrf)&purpose=Phone+call+about+case+12%0D%0A%09")
            #expect(shown.status == .ok)
            #expect(shown.text.contains("<td>DE</td>") && shown.text.contains(OfficialTestNumbers.personnummer))
            let reads = try await harness.requests(about: citizen.person).filter { $0.requester?.role == .caseworker }
            #expect(reads.last?.requester?.purpose == "POST /people/{personId}/facts: Phone call about case 12")
            // The person reads it in their own journal through the API.
            let journal = try await client.send(.get, "/v1/people/\(citizen.person.rawValue)/journal", token: citizen.token)
            #expect(journal.text.contains("Phone call about case 12"))
        }
    }

    @Test("without the session's CSRF token, or without a purpose, no value is shown and nothing is journaled",
        arguments: ["purpose=Phone+call+about+case+12", "csrf=wrong&purpose=Phone+call+about+case+12", "csrf=CSRF&purpose=", "csrf=CSRF&purpose=+++ab+++",
            "csrf=CSRF&purpose=" + String(repeating: "x", count: 201)])
    func refusedWithoutTokenOrPurpose(body: String) async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let (browser, citizen) = try await world(harness, client)
            let before = try await harness.requests(about: citizen.person).count
            let reply = try await browser.post(client, "/people/\(citizen.person.rawValue)/facts", body.replacingOccurrences(of: "CSRF", with: browser.csrf))
            #expect(reply.status == (body.contains("csrf=CSRF") ? .unprocessableContent : .forbidden))
            #expect(!reply.text.contains("<td>DE</td>") && !reply.text.contains(OfficialTestNumbers.personnummer))
            #expect(try await harness.requests(about: citizen.person).count == before)
        }
    }

    @Test("a citizen's own token cannot sign in to see anyone's facts, and no session means the sign-in page")
    func noSessionNoValues() async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let (_, citizen) = try await world(harness, client)
            let reply = try await client.send(.post, "/people/\(citizen.person.rawValue)/facts", body: "purpose=Phone+call+about+case+12",
                headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(reply.status == .seeOther || reply.status == .found)
            #expect(!reply.text.contains("<td>DE</td>") && !reply.text.contains(OfficialTestNumbers.personnummer))
        }
    }
}
