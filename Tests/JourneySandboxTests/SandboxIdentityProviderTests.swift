import Foundation
import JourneyAdapters
import JourneyModel
import JourneySandbox
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The sandbox identity provider and Lotsen's OpenID Connect client, against each other over real HTTP on loopback:
/// the client checks what the provider signs with jwt-kit, and nothing is mocked.
@Suite("Sandbox identity provider and the OpenID Connect client")
struct SandboxIdentityProviderTests {
    static let number = try! Personnummer(parsing: SandboxSeed.registeredPerson)

    @Test("a terminal login waits for the BankID approval, then yields the proven number with its level of assurance")
    func deviceLogin() async throws {
        try await IdentityHarness.with { harness in
            let order = try await harness.provider.startLogin(nonce: "n-1", hint: Self.number)
            #expect(order.verificationURL.absoluteString.hasPrefix(harness.issuer.absoluteString + "/bankid"))
            #expect(try await harness.provider.poll(order) == nil)
            try await harness.approve(order.userCode)
            let proven = try #require(try await harness.provider.poll(order))
            #expect(proven.number == Self.number)
            #expect(proven.proof.method == .eid)
            #expect(proven.proof.issuer == harness.issuer.absoluteString)
            #expect(proven.proof.assurance == "http://id.elegnamnden.se/loa/1.0/loa3")
            // A device code is redeemed once.
            await #expect(throws: IdentityProviderError.self) { try await harness.provider.poll(order) }
        }
    }

    @Test("a number that is not one of the sandbox's test people is refused before any approval")
    func unknownNumberRefused() async throws {
        try await IdentityHarness.with { harness in
            let error = try await #require(throws: IdentityProviderError.self) {
                try await harness.provider.startLogin(nonce: "n-1", hint: try Personnummer(parsing: SandboxSeed.unknownPerson))
            }
            #expect(error.code == .refused)
            #expect(!error.message.contains(SandboxSeed.unknownPerson))
        }
    }

    @Test("a declined login is refused")
    func declined() async throws {
        try await IdentityHarness.with { harness in
            let order = try await harness.provider.startLogin(nonce: "n-1", hint: Self.number)
            try await harness.approve(order.userCode, decision: "decline")
            let error = try await #require(throws: IdentityProviderError.self) { try await harness.provider.poll(order) }
            #expect(error.code == .refused)
        }
    }

    @Test("an ID token is refused with another nonce, for another client, from another issuer, or with its signature changed")
    func tokenChecks() async throws {
        try await IdentityHarness.with { harness in
            let token = try await harness.idToken(nonce: "right")
            #expect(try await harness.provider.verify(idToken: token, nonce: "right").number == Self.number)

            let checks: [(OIDCIdentityProvider, String, String)] = [
                (harness.provider, token, "wrong"),
                (harness.client(clientID: "another-client"), token, "right"),
                (harness.client(issuer: URL(string: harness.issuer.absoluteString + "/")!), token, "right"),
                (harness.provider, Self.tampered(token), "right"),
                (harness.provider, "not.a.token", "right"),
            ]
            for (client, candidate, nonce) in checks {
                let error = try await #require(throws: IdentityProviderError.self) { try await client.verify(idToken: candidate, nonce: nonce) }
                #expect(error.code == .invalidToken || error.code == .unavailable)
                if client !== harness.provider { await client.shutdown() }
            }
        }
    }

    @Test("a browser login comes back with a code that is redeemed once for a verified ID token")
    func authorizationCode() async throws {
        try await IdentityHarness.with { harness in
            let callback = harness.root.appendingPathComponent("_sandbox").absoluteString
            var authorize = URLComponents(url: harness.issuer.appendingPathComponent("authorize"), resolvingAgainstBaseURL: false)!
            authorize.queryItems = [
                URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: "lotsen"),
                URLQueryItem(name: "redirect_uri", value: callback), URLQueryItem(name: "state", value: "s-1"),
                URLQueryItem(name: "nonce", value: "n-code"), URLQueryItem(name: "login_hint", value: SandboxSeed.registeredPerson),
            ]
            // The redirect lands on the simulated BankID app, whose address carries the code to approve.
            let (_, app) = try await URLSession.shared.data(from: authorize.url!)
            let userCode = try #require(URLComponents(url: app.url!, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "user_code" }?.value)
            let back = try await harness.approve(userCode)
            let items = URLComponents(url: try #require(back), resolvingAgainstBaseURL: false)?.queryItems ?? []
            #expect(items.first { $0.name == "state" }?.value == "s-1")
            let code = try #require(items.first { $0.name == "code" }?.value)
            let proven = try await harness.provider.redeem(code: code, redirectURI: callback, nonce: "n-code")
            #expect(proven.number == Self.number)
            await #expect(throws: IdentityProviderError.self) { try await harness.provider.redeem(code: code, redirectURI: callback, nonce: "n-code") }
        }
    }

    /// The token with one character of its signature changed.
    static func tampered(_ token: String) -> String {
        var characters = Array(token)
        let last = characters.count - 5
        characters[last] = characters[last] == "A" ? "B" : "A"
        return String(characters)
    }
}

/// A sandbox on loopback and an OpenID Connect client configured for its identity provider.
struct IdentityHarness {
    let root: URL
    let issuer: URL
    let provider: OIDCIdentityProvider

    static func with(_ body: (IdentityHarness) async throws -> Void) async throws {
        try await SandboxHarness.with { sandbox in
            let issuer = try #require(sandbox.sandbox.identityIssuer)
            let client = SandboxAgencies.identityClient
            let provider = OIDCIdentityProvider(OIDCConfiguration(issuer: issuer, clientID: client.id, clientSecret: client.secret))
            do {
                try await body(IdentityHarness(root: sandbox.root, issuer: issuer, provider: provider))
            } catch {
                await provider.shutdown()
                throw error
            }
            await provider.shutdown()
        }
    }

    func client(clientID: String = SandboxAgencies.identityClient.id, issuer: URL? = nil) -> OIDCIdentityProvider {
        OIDCIdentityProvider(OIDCConfiguration(issuer: issuer ?? self.issuer, clientID: clientID, clientSecret: SandboxAgencies.identityClient.secret))
    }

    /// Approves (or declines) in the simulated BankID app; the address it sends the browser back to, if any.
    @discardableResult
    func approve(_ userCode: String, decision: String = "approve") async throws -> URL? {
        var request = URLRequest(url: issuer.appendingPathComponent("bankid"))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("user_code=\(userCode)&decision=\(decision)".utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        return http.url == request.url ? nil : http.url
    }

    /// A raw ID token from the provider's token endpoint after an approved terminal login.
    func idToken(nonce: String) async throws -> String {
        let order = try await provider.startLogin(nonce: nonce, hint: SandboxIdentityProviderTests.number)
        try await approve(order.userCode)
        var request = URLRequest(url: issuer.appendingPathComponent("token"))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=\(order.deviceCode)&client_id=lotsen&client_secret=sandbox-secret"
        request.httpBody = Data(form.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["id_token"] as? String)
    }
}
