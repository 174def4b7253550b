import Foundation
import HTTPTypes
import JourneyModel
import JourneyStore
import Testing

/// The caseworkers' web view over real HTTP on loopback: sign-in, its cookie, CSRF, expiry and the journal of reads.
@Suite("Web view")
struct WebViewTests {
    /// A browser's session: signs in through the form as a browser would, and keeps the session cookie and CSRF token.
    struct Browser {
        let cookie: String
        let csrf: String

        static func signIn(_ client: Client, token: String, headers: HTTPFields = [:]) async throws -> (Client.Reply, Browser?) {
            let form = try await client.send(.get, "/sign-in", headers: headers)
            let signInCookie = try #require(form.cookies.first { $0.hasPrefix("lotsen_signin=") }).split(separator: ";")[0]
            let csrf = try #require(form.hiddenCSRF)
            var posted = headers
            posted[.cookie] = String(signInCookie)
            posted[.contentType] = "application/x-www-form-urlencoded"
            let reply = try await client.send(.post, "/sign-in", body: "csrf=\(csrf)&token=\(token)", headers: posted)
            guard let session = reply.cookies.first(where: { $0.hasPrefix("lotsen_session=") }) else { return (reply, nil) }
            let cookie = String(session.split(separator: ";")[0])
            var home = try await client.send(.get, "/", headers: [.cookie: cookie])
            // A counter's home is its person's page.
            if home.status == .seeOther, let location = home.headers[.location] { home = try await client.send(.get, location, headers: [.cookie: cookie]) }
            return (reply, Browser(cookie: cookie, csrf: try #require(home.hiddenCSRF)))
        }

        func get(_ client: Client, _ path: String) async throws -> Client.Reply {
            try await client.send(.get, path, headers: [.cookie: cookie])
        }

        func post(_ client: Client, _ path: String, _ body: String) async throws -> Client.Reply {
            try await client.send(.post, path, body: body, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"])
        }
    }

    @Test("a caseworker signs in; the session cookie is HttpOnly and SameSite=Strict, and Secure only behind https")
    func sessionCookieFlags() async throws {
        let harness = try Harness()
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client in
            let (reply, browser) = try await Browser.signIn(client, token: token)
            #expect(reply.status == .seeOther)
            #expect(reply.headers[.location] == "/")
            let cookie = try #require(reply.cookies.first { $0.hasPrefix("lotsen_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            #expect(browser != nil)
            let (secure, _) = try await Browser.signIn(client, token: token, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(try #require(secure.cookies.first { $0.hasPrefix("lotsen_session=") }).contains("Secure"))
        }
    }

    @Test("citizen and agency tokens, and unknown ones, are refused at sign-in", arguments: [StoredToken.Role.citizen, .agency])
    func otherRolesRefused(role: StoredToken.Role) async throws {
        let harness = try Harness()
        let token = try await harness.token(role, identity: role == .citizen ? OfficialTestNumbers.personnummer : nil,
            agency: role == .agency ? "migrationsverket" : nil)
        try await harness.testLive { client in
            let (reply, browser) = try await Browser.signIn(client, token: token)
            #expect(reply.status == .unauthorized)
            #expect(browser == nil)
            #expect(reply.text.contains("sign-in-error"))
            let (unknown, _) = try await Browser.signIn(client, token: "lt-nonsense")
            #expect(unknown.status == .unauthorized)
        }
    }

    @Test("forms posted without the CSRF token or with a wrong one are refused, and the session lives on")
    func csrfRefused() async throws {
        let harness = try Harness()
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client in
            let (_, signedIn) = try await Browser.signIn(client, token: token)
            let browser = try #require(signedIn)
            #expect(try await browser.post(client, "/sign-out", "").status == .forbidden)
            #expect(try await browser.post(client, "/sign-out", "csrf=wrong").status == .forbidden)
            #expect(try await browser.get(client, "/").status == .ok)
            // Sign-in itself needs the token of its form's cookie.
            let bare = try await client.send(.post, "/sign-in", body: "token=\(token)", headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(bare.status == .forbidden)
            #expect(!bare.cookies.contains { $0.hasPrefix("lotsen_session=") })
            // With the right token, signing out ends the session.
            #expect(try await browser.post(client, "/sign-out", "csrf=\(browser.csrf)").status == .seeOther)
            #expect(try await browser.get(client, "/").headers[.location] == "/sign-in")
        }
    }

    @Test("a session left idle expires, and revoking the token ends it")
    func sessionExpires() async throws {
        let harness = try Harness()
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client in
            let (_, first) = try await Browser.signIn(client, token: token)
            let browser = try #require(first)
            harness.advance(days: 29.0 / 1440)
            #expect(try await browser.get(client, "/").status == .ok)
            harness.advance(days: 31.0 / 1440)
            let expired = try await browser.get(client, "/")
            #expect(expired.status == .seeOther)
            #expect(expired.headers[.location] == "/sign-in")
            // A live session whose token is revoked ends at its next request.
            let (_, second) = try await Browser.signIn(client, token: token)
            let again = try #require(second)
            #expect(try await again.get(client, "/").status == .ok)
            let id = try #require(try await harness.store.tokens().first { $0.role == .caseworker }).id
            _ = try await harness.store.revokeToken(id: id, at: Date())
            #expect(try await again.get(client, "/").headers[.location] == "/sign-in")
        }
    }

    @Test("a person shown in the list or on their page is journaled as a read, as the API journals it")
    func personViewsJournaled() async throws {
        let harness = try Harness()
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client in
            let citizen = try await harness.citizen(client: client)
            let (_, signedIn) = try await Browser.signIn(client, token: token)
            let browser = try #require(signedIn)
            let list = try await browser.get(client, "/journeys/new-in-sweden/enrollments")
            #expect(list.status == .ok)
            #expect(list.text.contains("/people/\(citizen.person.rawValue)"))
            let page = try await browser.get(client, "/people/\(citizen.person.rawValue)")
            #expect(page.status == .ok)
            let reads = try await harness.requests(about: citizen.person).filter { $0.action == .read && $0.requester?.role == .caseworker }
            #expect(reads.map { $0.requester?.purpose } == ["GET /journeys/{journeyId}/enrollments", "GET /people/{personId}"])
            #expect(page.text.contains("GET /people/{personId}"))
        }
    }

    @Test("the funnel counts open steps per step and state and draws them as SVG, in Swedish when asked")
    func funnelPage() async throws {
        let harness = try Harness()
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client in
            _ = try await harness.citizen(client: client)
            let (_, signedIn) = try await Browser.signIn(client, token: token)
            let browser = try #require(signedIn)
            let english = try await browser.get(client, "/journeys/new-in-sweden/funnel")
            #expect(english.status == .ok)
            #expect(english.text.contains("<svg class=\"chart\" role=\"img\""))
            #expect(english.text.contains("Caseload"))
            let swedish = try await client.send(.get, "/journeys/new-in-sweden/funnel", headers: [.cookie: browser.cookie, .acceptLanguage: "sv-SE"])
            #expect(swedish.text.contains("<html lang=\"sv\">"))
            #expect(swedish.text.contains("Ärendeläge"))
        }
    }

    @Test("the funnel shows how many finished each step and the median time it took, from when it opened until it was done")
    func funnelFinishedSteps() async throws {
        let harness = try Harness()
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client in
            try await Self.finishResidencePermit(harness, client, after: 12)
            let (_, signedIn) = try await Browser.signIn(client, token: token)
            let browser = try #require(signedIn)
            let english = try await browser.get(client, "/journeys/new-in-sweden/funnel")
            #expect(english.text.contains("<table id=\"finished-time\"><caption>How long the finished steps of New in Sweden took (median)</caption>"))
            #expect(english.text.contains("<th scope=\"row\">Residence permit</th><td class=\"number\">1</td><td class=\"number\">12 days</td>"))
            #expect(english.text.contains("<th scope=\"row\">Open a bank account</th><td class=\"number\">0</td><td class=\"number\">nobody yet</td>"))
            let swedish = try await client.send(.get, "/journeys/new-in-sweden/funnel", headers: [.cookie: browser.cookie, .acceptLanguage: "sv-SE"])
            #expect(swedish.text.contains("<td class=\"number\">1</td><td class=\"number\">12 dagar</td>"))
            #expect(swedish.text.contains("<th scope=\"col\" class=\"number\">Avklarade</th>"))
        }
    }

    /// A newcomer who answers the questions, so the residence permit opens, and finishes it `days` later.
    static func finishResidencePermit(_ harness: Harness, _ client: Client, after days: Double) async throws {
        let citizen = try await harness.citizen(client: client)
        let answered = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
            json: ["answers": EnrollmentTests.newcomerAnswers])
        #expect(answered.status == .ok)
        harness.advance(days: days)
        let done = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/steps/residence-permit/complete", token: citizen.token)
        #expect(done.status == .ok)
    }

    @Test("the language switch sets its cookie and goes back only to a path on this site")
    func languageSwitch() async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let back = try await client.send(.get, "/language?to=sv&back=%2Fjourneys%2Fnew-in-sweden%2Ffunnel")
            #expect(back.status == .seeOther)
            #expect(back.headers[.location] == "/journeys/new-in-sweden/funnel")
            #expect(back.cookies.first?.hasPrefix("lotsen_lang=sv;") == true)
            // Browsers drop tabs and line breaks from a Location before reading it, so "/<tab>/evil.example" is "//evil.example".
            for elsewhere in ["https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example", "/\n/evil.example",
                "/\r/evil.example", " //evil.example"]
            {
                let refused = try await client.send(.get, "/language?to=sv&back=" + elsewhere.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                #expect(refused.headers[.location] == "/", "\(elsewhere)")
            }
            let form = try await client.send(.get, "/sign-in", headers: [.cookie: "lotsen_lang=sv"])
            #expect(form.text.contains("<html lang=\"sv\">"))
        }
    }

    @Test("the funnel page in English and Swedish matches its golden file: one person finished the residence permit in 12 days", arguments: ["en", "sv"])
    func funnelGolden(language: String) async throws {
        let harness = try Harness()
        let token = try await harness.token(.caseworker)
        try await harness.testLive { client in
            try await Self.finishResidencePermit(harness, client, after: 12)
            let (_, signedIn) = try await Browser.signIn(client, token: token)
            let browser = try #require(signedIn)
            let page = try await client.send(.get, "/journeys/new-in-sweden/funnel", headers: [.cookie: browser.cookie, .acceptLanguage: language])
            let text = page.text.replacingOccurrences(of: browser.csrf, with: "CSRF")
            let golden = Harness.root.appendingPathComponent("Tests/JourneyHTTPTests/Golden/funnel-\(language).html")
            if ProcessInfo.processInfo.environment["LOTSEN_UPDATE_GOLDEN"] == "1" {
                try text.write(to: golden, atomically: true, encoding: .utf8)
            }
            #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
        }
    }
}

extension Client.Reply {
    var cookies: [String] { headers[values: .setCookie] }

    /// The value of the page's first hidden `csrf` field.
    var hiddenCSRF: String? {
        guard let range = text.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}
