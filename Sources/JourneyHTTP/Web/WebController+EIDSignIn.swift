import Foundation
import Hummingbird
import JourneyModel
import JourneyStore

/// Staff signing in with e-legitimation at the configured identity provider (the authorization code flow), when
/// `lotsen serve` has a provider and `--public-url`. The proven number must belong to a live caseworker token made with
/// `lotsen token create --role caseworker --staff-identity NUMBER`; the session is then that token's, so revoking the
/// token ends it, as for a session opened by typing the token.
extension WebController {
    /// The provider and this server's public address, when staff can sign in with e-legitimation here.
    var eidSignIn: (provider: any IdentityProvider, base: URL)? {
        guard let provider = services.identity, let base = services.publicURL else { return nil }
        return (provider, base)
    }

    /// `POST /sign-in/eid`: off to the identity provider with a fresh `state` and `nonce`, kept in a short-lived cookie
    /// to check on the way back. The optional number is passed on as `login_hint`.
    @Sendable func signInWithEID(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let language = language(request)
        let strings = WebStrings(language: language)
        let form = try await Self.form(request)
        guard Self.csrf(in: form, matches: cookie(Self.signInCookie, in: request)) else {
            return signInPage(request, language: language, error: strings.formExpired, status: .forbidden)
        }
        guard let (provider, base) = eidSignIn else {
            return signInPage(request, language: language, error: strings.eidUnavailable, status: .serviceUnavailable)
        }
        var hint: Personnummer?
        let typed = (form["hint"] ?? "").trimmingCharacters(in: .whitespaces)
        if !typed.isEmpty {
            guard let number = try? Personnummer(parsing: typed) else {
                return signInPage(request, language: language, error: strings.hintInvalid, status: .unprocessableContent)
            }
            hint = number
        }
        let state = WebSessionBook.secret(), nonce = WebSessionBook.secret()
        let url: URL
        do {
            url = try await provider.authorizationURL(redirectURI: WebSignIn.redirectURI(base), state: state, nonce: nonce, hint: hint)
        } catch {
            return signInPage(request, language: language, error: strings.eidFailed, status: .badGateway)
        }
        let cookie = cookieHeader(WebSignIn.stateCookie, WebSignIn.cookieValue(state: state, nonce: nonce), path: "/sign-in", request: request,
            maxAge: WebSignIn.lifetime, sameSite: "Lax")
        return HTML.redirect(url.absoluteString, cookies: [cookie])
    }

    /// `GET /sign-in/callback?code=…&state=…`: the way back from the provider. The state must match the cookie's, the
    /// code is redeemed with the cookie's nonce, and the proven number must be a caseworker's. The session cookie is set on
    /// a page that then moves on by itself: after a navigation that began at the provider's site, a browser does not
    /// send a SameSite=Strict cookie on a redirect, but does on the page's own next request.
    @Sendable func signInCallback(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let language = language(request)
        let strings = WebStrings(language: language)
        let clear = cookieHeader(WebSignIn.stateCookie, "", path: "/sign-in", request: request, remove: true, sameSite: "Lax")
        let query = request.uri.queryParameters
        guard let (provider, base) = eidSignIn, let secrets = WebSignIn.secrets(cookie(WebSignIn.stateCookie, in: request)),
            let state = query["state"].map(String.init), Self.same(secrets.state, state)
        else {
            return signInPage(request, language: language, error: strings.formExpired, status: .forbidden, cookies: [clear])
        }
        guard let code = query["code"].map(String.init), !code.isEmpty, code.utf8.count <= 2048 else {
            return signInPage(request, language: language, error: strings.eidDeclined, status: .unauthorized, cookies: [clear])
        }
        let proven: ProvenIdentity
        do {
            proven = try await provider.redeem(code: code, redirectURI: WebSignIn.redirectURI(base), nonce: secrets.nonce)
        } catch {
            return signInPage(request, language: language, error: strings.eidDeclined, status: .unauthorized, cookies: [clear])
        }
        let now = services.clock()
        guard let staff = try await services.store.staffToken(identity: proven.number, at: now) else {
            return signInPage(request, language: language, error: strings.notStaff, status: .forbidden, cookies: [clear])
        }
        context.session.principal = Principal(tokenID: staff.token.id, role: staff.token.role)
        let session = try await services.webSessions.open(tokenHash: staff.secretHash, at: now)
        let pages = WebPages(strings: strings, layout: WebLayout(strings: strings, csrf: nil, path: "/"))
        return HTML.response(pages.signedIn(), language: language, cookies: [cookieHeader(Self.sessionCookie, session.id, path: "/", request: request), clear])
    }
}
