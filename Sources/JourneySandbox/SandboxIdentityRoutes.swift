import Foundation
import Hummingbird
import JourneyModel

/// The sandbox identity provider's routes, under `/idp` (OpenID Connect and the OAuth device grant, RFC 8628):
///
/// | route | answer |
/// | --- | --- |
/// | `GET /idp/.well-known/openid-configuration` | the discovery document |
/// | `GET /idp/jwks` | the signing key (ES256) |
/// | `POST /idp/device` (form: `client_id`, `login_hint`, `nonce`?) | `{"device_code", "user_code", "verification_uri", "verification_uri_complete", "expires_in", "interval"}` |
/// | `GET /idp/authorize?response_type=code&client_id&redirect_uri&state&nonce&login_hint` | `302` to the simulated BankID app |
/// | `GET /idp/bankid?user_code=…` | the simulated BankID app: a page to approve or decline |
/// | `POST /idp/bankid` (form: `user_code`, `decision=approve\|decline`) | `200`, or `302` back to the client's `redirect_uri` with `code` and `state` |
/// | `POST /idp/token` (form: `grant_type`, `code`+`redirect_uri` or `device_code`, `client_id`, `client_secret`) | `{"id_token", "access_token", "token_type", "expires_in"}`, or `400 {"error": "authorization_pending" \| "access_denied" \| "expired_token" \| "invalid_grant" \| "invalid_client"}` |
enum SandboxIdentityRoutes {
    static func add(to router: Router<BasicRequestContext>, provider: SandboxIdentityProvider) {
        router.get("/idp/.well-known/openid-configuration") { _, _ in
            SandboxReply(.ok, provider.discovery(issuer: try issuer(provider))).response
        }
        router.get("/idp/jwks") { _, _ in SandboxReply(.ok, provider.jwks).response }
        router.post("/idp/device") { request, _ in
            let form = try await fields(of: request)
            try checkClient(form, secretRequired: false, request: request)
            let order = try provider.start(hint: form["login_hint"], nonce: form["nonce"], redirectURI: nil, state: nil)
            let app = try issuer(provider) + "/bankid"
            return SandboxReply(.ok, [
                "device_code": .string(order.deviceCode), "user_code": .string(order.userCode), "verification_uri": .string(app),
                "verification_uri_complete": .string(app + "?user_code=" + order.userCode),
                "expires_in": .number(SandboxIdentityProvider.orderLifetime), "interval": .number(1),
            ]).response
        }
        router.get("/idp/authorize") { request, _ in
            let query = request.uri.queryParameters
            let value = { (key: String) in query[Substring(key)].map(String.init) }
            guard value("response_type") == "code", value("client_id") == SandboxIdentityProvider.clientID,
                let redirect = value("redirect_uri"), URL(string: redirect)?.scheme?.hasPrefix("http") == true
            else {
                throw SandboxRefusal.badRequest("authorize needs response_type=code, client_id=\(SandboxIdentityProvider.clientID) and an http(s) redirect_uri.")
            }
            let order = try provider.start(hint: value("login_hint"), nonce: value("nonce"), redirectURI: redirect, state: value("state"))
            return Response(status: .found, headers: [.location: try issuer(provider) + "/bankid?user_code=" + order.userCode])
        }
        router.get("/idp/bankid") { request, _ in
            let code = request.uri.queryParameters["user_code"].map(String.init) ?? ""
            let safe = code.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(16)
            let page = """
                <!doctype html><html lang="en"><meta charset="utf-8"><title>Sandbox BankID</title>
                <h1>Sandbox BankID</h1><p>Log in to Lotsen? Check that the code is <strong>\(safe)</strong>.</p>
                <form method="post"><input type="hidden" name="user_code" value="\(safe)">
                <button name="decision" value="approve">Approve</button> <button name="decision" value="decline">Decline</button></form></html>
                """
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
        router.post("/idp/bankid") { request, _ in
            let form = try await fields(of: request)
            guard let userCode = form["user_code"], let decision = form["decision"], ["approve", "decline"].contains(decision) else {
                throw SandboxRefusal.badRequest("The BankID app takes user_code and decision=approve or decline.")
            }
            let order = try provider.decide(userCode: userCode, approve: decision == "approve")
            if let redirect = order.redirectURI, var components = URLComponents(string: redirect) {
                var items = components.queryItems ?? []
                items.append(order.code.map { URLQueryItem(name: "code", value: $0) } ?? URLQueryItem(name: "error", value: "access_denied"))
                if let state = order.state { items.append(URLQueryItem(name: "state", value: state)) }
                components.queryItems = items
                return Response(status: .found, headers: [.location: components.string ?? redirect])
            }
            return SandboxReply(.ok, ["status": .string(decision == "approve" ? "approved" : "declined")]).response
        }
        router.post("/idp/token") { request, _ in
            let form = try await fields(of: request)
            try checkClient(form, secretRequired: true, request: request)
            let redemption: SandboxIdentityProvider.Redemption
            switch form["grant_type"] {
            case "authorization_code":
                redemption = try await provider.redeem(deviceCode: nil, code: form["code"], redirectURI: form["redirect_uri"],
                    audience: SandboxIdentityProvider.clientID)
            case "urn:ietf:params:oauth:grant-type:device_code":
                redemption = try await provider.redeem(deviceCode: form["device_code"] ?? "", code: nil, redirectURI: nil,
                    audience: SandboxIdentityProvider.clientID)
            default:
                return oauthError("unsupported_grant_type")
            }
            switch redemption {
            case .pending: return oauthError("authorization_pending")
            case .declined: return oauthError("access_denied")
            case .expired: return oauthError("expired_token")
            case .invalid: return oauthError("invalid_grant")
            case .token(let idToken):
                return SandboxReply(.ok, [
                    "id_token": .string(idToken), "access_token": .string(SandboxIdentityProvider.random(16)), "token_type": "Bearer",
                    "expires_in": .number(SandboxIdentityProvider.tokenLifetime),
                ]).response
            }
        }
    }

    private static func issuer(_ provider: SandboxIdentityProvider) throws -> String {
        guard let issuer = provider.issuer else { throw SandboxRefusal(.serviceUnavailable, "starting", "The sandbox is still starting.") }
        return issuer
    }

    private static func oauthError(_ code: String) -> Response {
        SandboxReply(.badRequest, ["error": .string(code)]).response
    }

    /// The client's credentials, from the form (`client_secret_post`) or HTTP Basic (`client_secret_basic`).
    private static func checkClient(_ form: [String: String], secretRequired: Bool, request: Request) throws {
        var id = form["client_id"]
        var secret = form["client_secret"]
        if let header = request.headers[.authorization], header.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
            let colon = decoded.firstIndex(of: ":")
        {
            id = String(decoded[..<colon]).removingPercentEncoding
            secret = String(decoded[decoded.index(after: colon)...]).removingPercentEncoding
        }
        guard id == SandboxIdentityProvider.clientID, !secretRequired || secret == SandboxIdentityProvider.clientSecret else {
            throw SandboxRefusal(.unauthorized, "invalid_client", "Unknown client or wrong secret.")
        }
    }

    /// An `application/x-www-form-urlencoded` body.
    static func fields(of request: Request) async throws -> [String: String] {
        let data = Data(try await request.body.collect(upTo: SandboxRoutes.maximumBodyBytes).readableBytesView)
        var components = URLComponents()
        components.percentEncodedQuery = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "+", with: "%20")
        var fields: [String: String] = [:]
        for item in components.queryItems ?? [] { fields[item.name] = item.value ?? "" }
        return fields
    }
}
