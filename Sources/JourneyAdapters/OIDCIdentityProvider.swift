import AsyncHTTPClient
import Foundation
import JWTKit
import JourneyModel
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Synchronization

/// The production ``IdentityProvider``: an OpenID Connect provider over HTTP. Discovery is fetched on first use and
/// kept; the provider's keys (JWKS) are read for each token, so a rotated key is never missed (logins are rare). Every ID token is checked with jwt-kit: signature against the JWKS, expiry, then
/// issuer, audience and nonce here; the personnummer or samordningsnummer must be a valid one.
///
/// Owns one `HTTPClient`: call ``shutdown()`` when done.
public final class OIDCIdentityProvider: IdentityProvider {
    public let configuration: OIDCConfiguration
    let client: HTTPClient
    private let discovered = Mutex<Discovery?>(nil)
    private let clock: @Sendable () -> Date

    struct Discovery: Sendable, Decodable {
        let issuer: String
        let token_endpoint: String
        let jwks_uri: String
        let authorization_endpoint: String?
        let device_authorization_endpoint: String?
    }

    public init(_ configuration: OIDCConfiguration, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.clock = clock
        var http = HTTPClient.Configuration()
        http.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(5), read: .seconds(10))
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    }

    public func shutdown() async { try? await client.shutdown() }

    deinit { client.shutdown { _ in } }

    // MARK: - IdentityProvider

    public func startLogin(nonce: String, hint: Personnummer?) async throws(IdentityProviderError) -> LoginOrder {
        let discovery = try await self.discovery()
        guard let endpoint = discovery.device_authorization_endpoint else {
            throw IdentityProviderError(.unavailable, "the identity provider offers no device login for a terminal",
                hint: "log in through a front end that can open the provider's page")
        }
        var form = ["client_id": configuration.clientID, "nonce": nonce, "scope": "openid"]
        if let hint { form["login_hint"] = hint.twelveDigits }
        let (status, json) = try await post(endpoint, form: form)
        guard status == 200, let device = json["device_code"] as? String, let user = json["user_code"] as? String,
            let link = (json["verification_uri_complete"] as? String ?? json["verification_uri"] as? String).flatMap(URL.init(string:))
        else {
            // A 4xx is the provider's refusal of this login (an unknown number, a client it does not know); else it is unwell.
            if (400..<500).contains(status) {
                throw IdentityProviderError(.refused, "the identity provider refused to start the login (HTTP \(status))",
                    hint: "check the number, or log in with another e-legitimation")
            }
            throw IdentityProviderError(.unavailable, "the identity provider did not start the login (HTTP \(status))")
        }
        let interval = (json["interval"] as? Double) ?? 2
        let lifetime = (json["expires_in"] as? Double) ?? 300
        return LoginOrder(deviceCode: device, userCode: user, verificationURL: link, interval: .milliseconds(Int(max(interval, 0.2) * 1000)),
            expiresAt: clock().addingTimeInterval(lifetime), nonce: nonce)
    }

    public func poll(_ order: LoginOrder) async throws(IdentityProviderError) -> ProvenIdentity? {
        let discovery = try await self.discovery()
        let (status, json) = try await post(discovery.token_endpoint, form: [
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": order.deviceCode,
            "client_id": configuration.clientID, "client_secret": configuration.clientSecret,
        ])
        if status == 200, let idToken = json["id_token"] as? String { return try await verify(idToken: idToken, nonce: order.nonce) }
        switch json["error"] as? String {
        case "authorization_pending", "slow_down": return nil
        case "access_denied": throw IdentityProviderError(.refused, "the login was declined", hint: "start it again to try once more")
        case "expired_token": throw IdentityProviderError(.refused, "the login took too long and expired", hint: "start it again")
        default: throw IdentityProviderError(.unavailable, "the identity provider refused the login (HTTP \(status))")
        }
    }

    public func redeem(code: String, redirectURI: String, nonce: String) async throws(IdentityProviderError) -> ProvenIdentity {
        let discovery = try await self.discovery()
        let (status, json) = try await post(discovery.token_endpoint, form: [
            "grant_type": "authorization_code", "code": code, "redirect_uri": redirectURI,
            "client_id": configuration.clientID, "client_secret": configuration.clientSecret,
        ])
        guard status == 200, let idToken = json["id_token"] as? String else {
            throw IdentityProviderError(.invalidToken, "the identity provider did not accept the authorization code",
                hint: "codes are used once and lapse within minutes; log in again")
        }
        return try await verify(idToken: idToken, nonce: nonce)
    }

    public func authorizationURL(redirectURI: String, state: String, nonce: String, hint: Personnummer?) async throws(IdentityProviderError) -> URL {
        let discovery = try await self.discovery()
        guard let endpoint = discovery.authorization_endpoint, var components = URLComponents(string: endpoint) else {
            throw IdentityProviderError(.unavailable, "the identity provider offers no login in a browser", hint: "sign in with a caseworker token")
        }
        var items = components.queryItems ?? []
        items += [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: configuration.clientID),
            URLQueryItem(name: "redirect_uri", value: redirectURI), URLQueryItem(name: "scope", value: "openid"),
            URLQueryItem(name: "state", value: state), URLQueryItem(name: "nonce", value: nonce),
        ]
        if let hint { items.append(URLQueryItem(name: "login_hint", value: hint.twelveDigits)) }
        components.queryItems = items
        guard let url = components.url else { throw IdentityProviderError(.unavailable, "the identity provider's authorization endpoint is not a URL") }
        return url
    }

    public func verify(idToken: String, nonce: String) async throws(IdentityProviderError) -> ProvenIdentity {
        let discovery = try await self.discovery()
        let claims: IDTokenClaims
        do {
            claims = try await verifiedClaims(idToken, discovery: discovery)
        } catch let error as IdentityProviderError {
            throw error
        } catch {
            throw IdentityProviderError(.invalidToken, "the ID token's signature or expiry does not hold")
        }
        guard claims.iss.value == configuration.issuer.absoluteString, discovery.issuer == configuration.issuer.absoluteString else { throw IdentityProviderError(.invalidToken, "the ID token was issued by another provider") }
        guard claims.aud.value.contains(configuration.clientID) else {
            throw IdentityProviderError(.invalidToken, "the ID token was issued for another client")
        }
        guard !nonce.isEmpty, claims.nonce == nonce else {
            throw IdentityProviderError(.invalidToken, "the ID token's nonce is not the one this login sent", hint: "log in again")
        }
        guard let text = claims.personalIdentityNumber, let number = try? Personnummer(parsing: text) else {
            throw IdentityProviderError(.invalidToken, "the ID token carries no valid personnummer or samordningsnummer")
        }
        return ProvenIdentity(number: number, proof: IdentityProof(method: .eid, issuer: discovery.issuer, assurance: claims.acr, provenAt: clock()),
            tokenExpiresAt: claims.exp.value)
    }

    // MARK: - HTTP

    private func verifiedClaims(_ token: String, discovery: Discovery) async throws -> IDTokenClaims {
        let (status, data) = try await get(discovery.jwks_uri)
        guard status == 200 else { throw IdentityProviderError(.unavailable, "the identity provider's keys could not be read (HTTP \(status))") }
        let keys = JWTKeyCollection()
        do {
            try await keys.add(jwksJSON: String(decoding: data, as: UTF8.self))
        } catch {
            throw IdentityProviderError(.unavailable, "the identity provider's keys (JWKS) cannot be read")
        }
        return try await keys.verify(token, as: IDTokenClaims.self)
    }

    private func discovery() async throws(IdentityProviderError) -> Discovery {
        if let known = discovered.withLock({ $0 }) { return known }
        let address = configuration.issuer.absoluteString.trimmingSuffix("/") + "/.well-known/openid-configuration"
        let found: Discovery
        do {
            let (status, data) = try await get(address)
            guard status == 200 else { throw IdentityProviderError(.unavailable, "the identity provider's discovery document answered HTTP \(status)") }
            found = try JSONDecoder().decode(Discovery.self, from: data)
        } catch let error as IdentityProviderError {
            throw error
        } catch {
            throw IdentityProviderError(.unavailable, "the identity provider at \(configuration.issuer.absoluteString) could not be reached or read",
                hint: "check \(OIDCConfiguration.issuerVariable)")
        }
        discovered.withLock { $0 = found }
        return found
    }

    private func get(_ address: String) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: address)
        request.method = .GET
        let response = try await client.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 256 * 1024)
        return (Int(response.status.code), Data(buffer: body))
    }

    private func post(_ address: String, form: [String: String]) async throws(IdentityProviderError) -> (Int, [String: Any]) {
        var request = HTTPClientRequest(url: address)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: Self.formEncoded(form)))
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 256 * 1024)
            let json = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
            return (Int(response.status.code), json)
        } catch {
            throw IdentityProviderError(.unavailable, "the identity provider could not be reached", hint: "try again in a moment")
        }
    }

    static func formEncoded(_ form: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.sorted { $0.key < $1.key }.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
