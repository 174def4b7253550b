import Foundation
import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// `/v1/sessions`: a citizen logs in with e-legitimation. `POST` exchanges an ID token from the configured OpenID
/// Connect provider (or an authorization code from it) for a short-lived Lotsen citizen token bound to the proven
/// person; `DELETE /v1/sessions/current` ends the session the request was made with. Tokens made with
/// `lotsen token create` remain for operators and tests.
struct SessionController {
    let services: APIServices

    /// Routes that need no bearer token.
    var loginRoutes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.post(use: create)
        return routes
    }

    /// Routes for a signed-in caller.
    var sessionRoutes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.delete("current", use: end)
        return routes
    }

    struct LoginBody: StrictDecodable {
        let idToken: String?
        let code: String?
        let redirectUri: String?
        let nonce: String
        enum CodingKeys: String, CodingKey, CaseIterable { case idToken, code, redirectUri, nonce }
    }

    struct Session: Encodable {
        let token: String
        let tokenId: String
        let person: String
        let expiresAt: String
        let assurance: String?
    }

    /// 201 with the session's secret (shown once); 401 for a token or code that does not hold; 503 without a provider.
    @Sendable func create(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        // The body is checked first: a malformed request is the caller's 400 whatever the server's state.
        let body = try await request.decodeStrict(LoginBody.self)
        guard Self.isLoginField(body.nonce, upTo: 512) else {
            throw APIError.badRequest("invalidField", "'nonce' must be the nonce the login was started with (1 to 512 visible ASCII characters)",
                field: "nonce")
        }
        for (name, value, limit) in [("idToken", body.idToken, 16_384), ("code", body.code, 2_048), ("redirectUri", body.redirectUri, 2_048)] {
            if let value, !Self.isLoginField(value, upTo: limit) {
                throw APIError.badRequest("invalidField", "'\(name)' must be 1 to \(limit) visible ASCII characters", field: name)
            }
        }
        guard (body.idToken != nil && body.code == nil && body.redirectUri == nil) || (body.idToken == nil && body.code != nil && body.redirectUri != nil)
        else {
            throw APIError.badRequest("invalidField", "give either 'idToken', or 'code' with 'redirectUri'", field: body.idToken == nil ? "code" : "idToken")
        }
        try await services.engine.requireWritableStore()
        guard let provider = services.identity else {
            throw APIError(.serviceUnavailable, "noIdentityProvider", "this server accepts no logins: no identity provider is configured",
                hint: "the operator sets LOTSEN_OIDC_ISSUER, LOTSEN_OIDC_CLIENT_ID and LOTSEN_OIDC_CLIENT_SECRET")
        }
        let proven = try await Self.prove(body, with: provider)
        let now = services.clock()
        // The token's nonce is in its own claims, so anyone who holds the token can send both: it is exchanged once.
        if let idToken = body.idToken {
            let spent: Bool
            do {
                spent = try await services.store.spendIDToken(hash: TokenSecret.hash(idToken),
                    until: proven.tokenExpiresAt ?? now.addingTimeInterval(Self.spentTokenFallback), at: now)
            } catch {
                throw APIError(error)
            }
            guard spent else {
                throw APIError(.unauthorized, "invalidLogin", "this ID token was already exchanged for a session", hint: "log in again at the identity provider")
            }
        }
        let person = try await services.engine.prove(proven)
        let expiresAt = now.addingTimeInterval(TimeInterval(services.sessionLifetime.components.seconds))
        let (secret, hash) = TokenSecret.generate()
        let token = StoredToken(id: TokenSecret.newID(), role: .citizen, person: person.id, label: "session", createdAt: now, expiresAt: expiresAt,
            assurance: proven.proof.assurance)
        do {
            try await services.store.insertToken(token, secretHash: hash)
        } catch {
            throw APIError(error)
        }
        return JSONBody.response(Session(token: secret, tokenId: token.id, person: person.id.rawValue, expiresAt: InternetTimestamp.string(expiresAt),
            assurance: proven.proof.assurance), status: .created, headers: [.cacheControl: "no-store"])
    }

    /// How long a spent ID token without an expiry is remembered (every token the provider client accepts has one).
    static let spentTokenFallback: TimeInterval = 24 * 3_600

    /// An ID token, code, redirect URI or nonce: 1 to `limit` visible ASCII characters (a JWT, an OAuth code and a URI
    /// are; the nonces Lotsen makes are). Bounding the alphabet bounds the body: the longest valid one, escaped
    /// however a client likes, stays under ``LotsenRequestContext/maxBodyBytes``, so a valid login is never a 413.
    static func isLoginField(_ value: String, upTo limit: Int) -> Bool {
        let scalars = value.unicodeScalars
        return (1...limit).contains(scalars.count) && scalars.allSatisfy { (0x21...0x7E).contains($0.value) }
    }

    /// Revokes the session the request was made with: 204. Other tokens are revoked by an operator.
    @Sendable func end(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        guard let principal = context.principal else { throw APIError.unauthenticated("this route needs a bearer token") }
        guard principal.isSession else {
            throw APIError.forbidden("only a session made by POST /v1/sessions ends itself; revoke other tokens with lotsen token revoke")
        }
        do {
            _ = try await services.store.revokeToken(id: principal.tokenID, at: services.clock())
        } catch {
            throw APIError(error)
        }
        return Response(status: .noContent)
    }

    /// Checks the ID token (or redeems the code) at the provider; its refusal becomes the API's 401, its absence 502.
    static func prove(_ body: LoginBody, with provider: any IdentityProvider) async throws(APIError) -> ProvenIdentity {
        do throws(IdentityProviderError) {
            if let token = body.idToken { return try await provider.verify(idToken: token, nonce: body.nonce) }
            return try await provider.redeem(code: body.code ?? "", redirectURI: body.redirectUri ?? "", nonce: body.nonce)
        } catch {
            if error.code == .unavailable {
                throw APIError(.badGateway, "identityProviderFailed", error.message, hint: error.hint ?? "try again later")
            }
            throw APIError(.unauthorized, "invalidLogin", error.message, hint: error.hint ?? "log in again at the identity provider")
        }
    }
}
