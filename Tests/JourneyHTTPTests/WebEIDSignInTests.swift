import AsyncHTTPClient
import Foundation
import HTTPTypes
import JourneyHTTP
import JourneyModel
import JourneySandbox
import JourneyStore
import NIOCore
import Testing

/// Staff sign in to the web view with e-legitimation at the sandbox's OpenID Connect provider, over real HTTP on
/// loopback: the form, the provider's authorize endpoint, its simulated BankID app, and the way back with the code.
@Suite("Web view: staff sign in with e-legitimation")
struct WebEIDSignInTests {
    static let publicURL = URL(string: "https://lotsen.example.org")!
    static let staffNumber = SandboxSeed.registeredPerson

    /// A browser's walk: the sign-in form, the e-legitimation form posted, the provider approving in its BankID app.
    /// Returns the callback's path and query and the state cookie, without calling it.
    static func outAndBack(_ client: Client, login: LoginHarness, hint: String = staffNumber) async throws -> (callback: String, stateCookie: String) {
        let form = try await client.send(.get, "/sign-in")
        #expect(form.text.contains("action=\"/sign-in/eid\""))
        let signInCookie = try #require(form.cookies.first { $0.hasPrefix("lotsen_signin=") }).split(separator: ";")[0]
        let csrf = try #require(form.hiddenCSRF)
        let out = try await client.send(.post, "/sign-in/eid", body: "csrf=\(csrf)&hint=\(hint)",
            headers: [.cookie: String(signInCookie), .contentType: "application/x-www-form-urlencoded"])
        #expect(out.status == .seeOther)
        let stateCookie = try #require(out.cookies.first { $0.hasPrefix("lotsen_eid=") })
        #expect(stateCookie.contains("SameSite=Lax") && stateCookie.contains("HttpOnly"))
        let authorize = try #require(out.headers[.location])
        #expect(authorize.hasPrefix(login.issuer.absoluteString) && authorize.contains("redirect_uri=https://lotsen.example.org/sign-in/callback"))

        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            let app = try await http.execute(HTTPClientRequest(url: authorize), timeout: .seconds(10))
            let bankID = try #require(app.headers.first(name: "location"))
            let userCode = try #require(URLComponents(string: bankID)?.queryItems?.first { $0.name == "user_code" }?.value)
            var approve = HTTPClientRequest(url: login.issuer.appendingPathComponent("bankid").absoluteString)
            approve.method = .POST
            approve.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            approve.body = .bytes(ByteBuffer(string: "user_code=\(userCode)&decision=approve"))
            let back = try await http.execute(approve, timeout: .seconds(10))
            let callback = try #require(back.headers.first(name: "location"))
            try await http.shutdown()
            #expect(callback.hasPrefix("https://lotsen.example.org/sign-in/callback?"))
            return (String(callback.dropFirst("https://lotsen.example.org".count)), String(stateCookie.split(separator: ";")[0]))
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    @Test("a caseworker whose number is on their token signs in with e-legitimation; revoking the token ends the session")
    func staffSignIn() async throws {
        try await LoginHarness.with { login in
            let harness = try Harness(identity: login.provider, publicURL: Self.publicURL)
            try await harness.store.insertToken(StoredToken(id: "tk-staff", role: .caseworker, identity: try Personnummer(parsing: Self.staffNumber),
                createdAt: Date()), secretHash: TokenSecret.hash("staff-secret"))
            try await harness.testLive { client in
                let (callback, stateCookie) = try await Self.outAndBack(client, login: login)
                let landed = try await client.send(.get, callback, headers: [.cookie: stateCookie])
                #expect(landed.status == .ok)
                #expect(landed.text.contains("<meta http-equiv=\"refresh\" content=\"0;url=/\">"))
                let session = try #require(landed.cookies.first { $0.hasPrefix("lotsen_session=") })
                #expect(session.contains("SameSite=Strict") && session.contains("HttpOnly"))
                #expect(landed.cookies.contains { $0.hasPrefix("lotsen_eid=;") && $0.contains("Max-Age=0") })
                let cookie = String(session.split(separator: ";")[0])
                let home = try await client.send(.get, "/", headers: [.cookie: cookie])
                #expect(home.status == .ok && home.text.contains("/journeys/new-in-sweden/funnel"))
                #expect(!home.text.contains(Self.staffNumber) && !landed.text.contains(Self.staffNumber))

                // The same callback again: the provider's code is used once, and the state cookie is gone.
                #expect(try await client.send(.get, callback, headers: [.cookie: stateCookie]).cookies.allSatisfy { !$0.hasPrefix("lotsen_session=") })

                _ = try await harness.store.revokeToken(id: "tk-staff", at: Date())
                #expect(try await client.send(.get, "/", headers: [.cookie: cookie]).status == .seeOther)
            }
        }
    }

    @Test("attack: a wrong or missing state, or a number that is no caseworker's, opens no session")
    func refusedWayBack() async throws {
        try await LoginHarness.with { login in
            let harness = try Harness(identity: login.provider, publicURL: Self.publicURL)
            // A citizen's token names the number, and a revoked caseworker token: neither makes its holder staff.
            let number = try Personnummer(parsing: Self.staffNumber)
            try await harness.store.insertToken(StoredToken(id: "tk-citizen", role: .citizen, identity: number, createdAt: Date()),
                secretHash: TokenSecret.hash("citizen"))
            try await harness.store.insertToken(StoredToken(id: "tk-gone", role: .caseworker, identity: number, createdAt: Date(), revokedAt: Date()),
                secretHash: TokenSecret.hash("gone"))
            try await harness.testLive { client in
                let (callback, stateCookie) = try await Self.outAndBack(client, login: login)
                let noCookie = try await client.send(.get, callback)
                #expect(noCookie.status == .forbidden && !noCookie.cookies.contains { $0.hasPrefix("lotsen_session=") })
                let otherState = try await client.send(.get, callback, headers: [.cookie: "lotsen_eid=forged.forged"])
                #expect(otherState.status == .forbidden && !otherState.cookies.contains { $0.hasPrefix("lotsen_session=") })
                let notStaff = try await client.send(.get, callback, headers: [.cookie: stateCookie])
                #expect(notStaff.status == .forbidden && !notStaff.cookies.contains { $0.hasPrefix("lotsen_session=") })
                #expect(notStaff.text.contains("belongs to no caseworker"))
                let declined = try await client.send(.get, "/sign-in/callback?error=access_denied&state=x", headers: [.cookie: "lotsen_eid=x.y"])
                #expect(declined.status == .unauthorized && !declined.cookies.contains { $0.hasPrefix("lotsen_session=") })
            }
        }
    }

    @Test("without an identity provider or a public address there is no e-legitimation button, and its form is refused")
    func notConfigured() async throws {
        let harness = try Harness()
        try await harness.testLive { client in
            let form = try await client.send(.get, "/sign-in")
            #expect(!form.text.contains("/sign-in/eid"))
            let signInCookie = try #require(form.cookies.first { $0.hasPrefix("lotsen_signin=") }).split(separator: ";")[0]
            let posted = try await client.send(.post, "/sign-in/eid", body: "csrf=\(try #require(form.hiddenCSRF))",
                headers: [.cookie: String(signInCookie), .contentType: "application/x-www-form-urlencoded"])
            #expect(posted.status == .serviceUnavailable)
        }
    }
}
