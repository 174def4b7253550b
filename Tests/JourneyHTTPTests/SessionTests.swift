import Foundation
import HTTPTypes
import JourneyAdapters
import JourneyHTTP
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `POST /v1/sessions`: a citizen logs in with e-legitimation at the sandbox's OpenID Connect provider (real HTTP on
/// loopback, approved in its simulated BankID app) and exchanges the ID token for a short-lived Lotsen token.
@Suite("Citizen sessions from an eID login")
struct SessionTests {
    @Test("an ID token from the provider becomes a citizen session bound to the proven person, which starts and reads their journey")
    func sessionFromIDToken() async throws {
        try await LoginHarness.with { login in
            let harness = try Harness(identity: login.provider)
            try await harness.test { client in
                let idToken = try await login.idToken(nonce: "n-1")
                let created = try await client.send(.post, "/v1/sessions", json: ["idToken": idToken, "nonce": "n-1"])
                #expect(created.status == .created)
                #expect(created.headers[.cacheControl] == "no-store")
                #expect(created.string("assurance") == "http://id.elegnamnden.se/loa/1.0/loa3")
                #expect(!created.text.contains(SandboxSeed.registeredPerson))
                let person = PersonID(created.string("person"))
                let stored = try #require(try await harness.store.person(id: person))
                let number = try Personnummer(parsing: SandboxSeed.registeredPerson)
                #expect(stored.isProven && stored.identity == number)

                let started = try await client.send(.post, "/v1/enrollments", token: created.string("token"), json: ["journey": "new-in-sweden"])
                #expect(started.status == .created)
                #expect(started.string("person") == person.rawValue)
            }
        }
    }

    @Test("attack: an ID token is exchanged once; the same token again (its nonce is in its claims) makes no second session")
    func idTokenIsSingleUse() async throws {
        try await LoginHarness.with { login in
            let harness = try Harness(identity: login.provider)
            try await harness.test { client in
                let idToken = try await login.idToken(nonce: "n-once")
                let first = try await client.send(.post, "/v1/sessions", json: ["idToken": idToken, "nonce": "n-once"])
                #expect(first.status == .created)
                let replayed = try await client.send(.post, "/v1/sessions", json: ["idToken": idToken, "nonce": "n-once"])
                #expect(replayed.status == .unauthorized && replayed.errorCode == "invalidLogin")
                #expect(try await harness.store.tokens().count == 1)
                // A new login still works.
                let again = try await login.idToken(nonce: "n-twice")
                #expect(try await client.send(.post, "/v1/sessions", json: ["idToken": again, "nonce": "n-twice"]).status == .created)
            }
        }
    }

    @Test("a token with another nonce, a forged one, or none of the fields is refused, and nothing is made")
    func refusedLogins() async throws {
        try await LoginHarness.with { login in
            let harness = try Harness(identity: login.provider)
            try await harness.test { client in
                let idToken = try await login.idToken(nonce: "right")
                let wrongNonce = try await client.send(.post, "/v1/sessions", json: ["idToken": idToken, "nonce": "wrong"])
                #expect(wrongNonce.status == .unauthorized && wrongNonce.errorCode == "invalidLogin")
                let forged = try await client.send(.post, "/v1/sessions", json: ["idToken": "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "nonce": "right"])
                #expect(forged.status == .unauthorized)
                let neither = try await client.send(.post, "/v1/sessions", json: ["nonce": "right"])
                #expect(neither.status == .badRequest)
                #expect(try await harness.store.tokens().isEmpty)
            }
        }
    }

    @Test("without an identity provider the server refuses logins with 503, after checking the body")
    func noProvider() async throws {
        let harness = try Harness()
        try await harness.test { client in
            let refused = try await client.send(.post, "/v1/sessions", json: ["idToken": "x", "nonce": "n"])
            #expect(refused.status == .serviceUnavailable && refused.errorCode == "noIdentityProvider")
            #expect(try await client.send(.post, "/v1/sessions", json: ["idToken": "x"]).status == .badRequest)
            let both = try await client.send(.post, "/v1/sessions", json: ["idToken": "x", "code": "0", "redirectUri": "0", "nonce": "0"])
            #expect(both.status == .badRequest)
        }
    }

    @Test("login fields are visible ASCII, so the longest valid body fits under the body limit however it is escaped")
    func loginFieldsAreVisibleASCII() async throws {
        let harness = try Harness()
        try await harness.test { client in
            for body in [["idToken": "x", "nonce": "n\u{E9}"], ["idToken": "x y", "nonce": "n"], ["code": "c\u{1F600}", "redirectUri": "r", "nonce": "n"],
                         ["code": "c", "redirectUri": "r\u{7F}", "nonce": "n"]] {
                let refused = try await client.send(.post, "/v1/sessions", json: body)
                #expect(refused.status == .badRequest && refused.errorCode == "invalidField", "\(body.keys.sorted())")
            }
            // The longest a valid body can be, with every character one JSON must escape, is still not too large.
            let longest = ["idToken": String(repeating: "\"", count: 16_384), "nonce": String(repeating: "\\", count: 512)]
            #expect(try await client.send(.post, "/v1/sessions", json: longest).status == .serviceUnavailable)
        }
    }

    @Test("a session lapses after 15 minutes and ends at DELETE /v1/sessions/current; an operator's token cannot end itself")
    func sessionsLapseAndEnd() async throws {
        try await LoginHarness.with { login in
            let harness = try Harness(identity: login.provider)
            try await harness.test { client in
                let first = try await client.send(.post, "/v1/sessions", json: ["idToken": try await login.idToken(nonce: "a"), "nonce": "a"])
                let token = first.string("token")
                #expect(try await client.send(.get, "/v1/people/\(first.string("person"))", token: token).status == .ok)
                harness.advance(days: 16.0 / 1440)
                let lapsed = try await client.send(.get, "/v1/people/\(first.string("person"))", token: token)
                #expect(lapsed.status == .unauthorized)

                let second = try await client.send(.post, "/v1/sessions", json: ["idToken": try await login.idToken(nonce: "b"), "nonce": "b"])
                #expect(try await client.send(.delete, "/v1/sessions/current", token: second.string("token")).status == .noContent)
                #expect(try await client.send(.get, "/v1/people/\(second.string("person"))", token: second.string("token")).status == .unauthorized)

                let operatorToken = try await harness.token(.citizen, identity: OfficialTestNumbers.personnummer)
                #expect(try await client.send(.delete, "/v1/sessions/current", token: operatorToken).status == .forbidden)
            }
        }
    }

    @Test("issue 15, why 1: a number an attacker reports at receive-personnummer is not the owner's identity; the owner's login finds none of it")
    func attackerCannotClaimANumber() async throws {
        try await LoginHarness.with { login in
            let harness = try Harness(identity: login.provider)
            try await harness.test { client in
                // The attacker: a newcomer reference with an operator's citizen token.
                let newcomer = try await harness.engine.enroll(.new, in: "new-in-sweden").enrollment
                let attacker = try await harness.token(.citizen, person: newcomer.person)
                let base = "/v1/enrollments/\(newcomer.id)"
                #expect(try await client.send(.post, "\(base)/facts", token: attacker,
                    json: ["answers": ["citizenship": "Germany", "stayAtLeastOneYear": true, "fullName": "Testa Testsson",
                        "address": "Provgatan 2, 543 21 Provstad", "alreadyRegistered": false]]).status == .ok)
                for step in ["population-registration", "identity-visit"] {
                    #expect(try await client.send(.post, "\(base)/steps/\(step)/complete", token: attacker).status == .ok)
                }
                let claimed = try await client.send(.post, "\(base)/steps/receive-personnummer/complete", token: attacker,
                    json: ["facts": ["personnummer": SandboxSeed.registeredPerson]])
                #expect(claimed.status == .ok)
                #expect(try await harness.store.person(identity: try Personnummer(parsing: SandboxSeed.registeredPerson)) == nil)

                // The owner logs in: their own record, and the attacker's journey stays out of reach.
                let owner = try await client.send(.post, "/v1/sessions", json: ["idToken": try await login.idToken(nonce: "o"), "nonce": "o"])
                #expect(owner.status == .created)
                #expect(owner.string("person") != newcomer.person.rawValue)
                let look = try await client.send(.get, base, token: owner.string("token"))
                #expect(look.status == .forbidden || look.status == .notFound)
            }
        }
    }
}

/// A sandbox on loopback with its identity provider, an OpenID Connect client for it, and a way to get an ID token as
/// a person would: start a terminal login for the sandbox's registered test person, approve it, redeem it.
struct LoginHarness {
    let sandbox: SandboxAgencies
    let issuer: URL
    let provider: OIDCIdentityProvider

    static func with(_ body: (LoginHarness) async throws -> Void) async throws {
        let sandbox = try SandboxAgencies(statePath: nil)
        _ = try await sandbox.start(port: 0)
        let issuer = try #require(sandbox.identityIssuer)
        let client = SandboxAgencies.identityClient
        let provider = OIDCIdentityProvider(OIDCConfiguration(issuer: issuer, clientID: client.id, clientSecret: client.secret))
        do {
            try await body(LoginHarness(sandbox: sandbox, issuer: issuer, provider: provider))
        } catch {
            await provider.shutdown()
            await sandbox.stop()
            throw error
        }
        await provider.shutdown()
        await sandbox.stop()
    }

    func idToken(nonce: String, number: String = SandboxSeed.registeredPerson) async throws -> String {
        let order = try await provider.startLogin(nonce: nonce, hint: try Personnummer(parsing: number))
        _ = try await post("bankid", "user_code=\(order.userCode)&decision=approve")
        let json = try await post("token",
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=\(order.deviceCode)&client_id=lotsen&client_secret=sandbox-secret")
        return try #require(json["id_token"] as? String)
    }

    private func post(_ path: String, _ form: String) async throws -> [String: Any] {
        var request = URLRequest(url: issuer.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(form.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
