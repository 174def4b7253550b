import Foundation
import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore
import NIOCore

/// The web view for caseworkers at `/`: pages rendered on the server from the same store queries as the JSON API,
/// with the same journal of reads. A caseworker signs in with their token; the browser then holds only a session
/// cookie (HttpOnly, SameSite=Strict, Secure behind https) and every form carries the session's CSRF token.
/// A counter token signs in too, to act for the one person it was made for. Citizen and agency tokens are refused. These routes are not part of the JSON API's OpenAPI document.
struct WebController {
    let services: APIServices

    static let sessionCookie = "lotsen_session"
    static let signInCookie = "lotsen_signin"
    static let languageCookie = "lotsen_lang"
    static let listParameters = ["step", "stepState", "status", "ball", "unchangedForDays", "due", "cursor"]

    func addRoutes(to router: Router<LotsenRequestContext>) {
        router.get("/", use: home)
        router.get("/web.css", use: stylesheet)
        router.get("/sign-in", use: signInForm)
        router.post("/sign-in", use: signIn)
        router.post("/sign-in/eid", use: signInWithEID)
        router.get("\(WebSignIn.callbackPath)", use: signInCallback)
        router.post("/sign-out", use: signOut)
        router.get("/language", use: switchLanguage)
        router.get("/journeys/{journeyId}/enrollments", use: enrollments)
        router.get("/journeys/{journeyId}/funnel", use: funnel)
        router.get("/people/{personId}", use: person)
        router.post("/people/{personId}/facts", use: factValues)
        router.post("/enrollments/{enrollmentId}/steps/{stepId}/{command}", use: stepAction)
    }

    // MARK: Pages

    @Sendable func home(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        try await page(request, context) { principal, pages in
            if principal.role == .counter, let person = principal.person { return HTML.redirect("/people/\(person.rawValue)") }
            return HTML.response(pages.journeys(services.library.journeys), language: pages.strings.language)
        }
    }

    @Sendable func enrollments(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        try await page(request, context) { principal, pages in
            try requireCaseworker(principal)
            let journey = try journeyParameter(context)
            let parameters = request.uri.queryParameters
            var given: [String: String] = [:]
            for name in Self.listParameters {
                if let value = parameters[values: Substring(name)].map(String.init).first(where: { !$0.isEmpty }) { given[name] = value }
            }
            let language = pages.strings.language
            do {
                let list = try EnrollmentListRequest(values: { name in name == "journey" ? [journey.id.rawValue] : given[name].map { [$0] } ?? [] },
                    library: services.library, now: services.clock())
                let page = try await list.page(services: services, principal: principal, context: context, request: request)
                let next = page.next.map { PageCursor.encode($0, filters: list.filters) }
                return HTML.response(pages.enrollments(journey: journey, given: given, page: page, error: nil, nextCursor: next), language: language)
            } catch let error as APIError where error.status == .badRequest || error.status == .unprocessableContent {
                return HTML.response(pages.enrollments(journey: journey, given: given, page: nil, error: error.message, nextCursor: nil),
                    status: error.status, language: language)
            }
        }
    }

    @Sendable func funnel(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        try await page(request, context) { principal, pages in
            try requireCaseworker(principal)
            let journey = try journeyParameter(context)
            let store = services.store
            let now = services.clock()
            let counts = try await store.countOpenSteps(journey: journey.id)
            let finished = try await store.countFinishedSteps(journey: journey.id)
            let html = pages.funnel(journey: journey, counts: counts, finished: finished, overdue: try await store.countDue(journey: journey.id, in: .overdue(at: now)),
                dueSoon: try await store.countDue(journey: journey.id, in: .soon(at: now, within: DueStanding.soonWindow)),
                overdueAtAgency: try await store.countDue(journey: journey.id, in: .overdueAtAgency(at: now)), now: now)
            return HTML.response(html, language: pages.strings.language)
        }
    }

    /// One person, read and journaled as `GET /v1/people/{personId}` reads and journals them; the journal shown
    /// includes this very read. A counter token sees only the person it was made for, with the step actions it may take
    /// for them, and neither their facts nor their journal (as in the API).
    @Sendable func person(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        try await page(request, context) { signedIn, pages in
            let person = try services.personParameter(context)
            let principal = try await services.authorizeRead(of: person, by: signedIn, hidden: .unknownPerson(person), context: context, request: request)
            guard try await services.store.person(id: person) != nil else { throw APIError.unknownPerson(person) }
            try await services.engine.applyPendingAgencyEvents(person: person, events: services.store)
            let overview = try await services.engine.overview(.id(person))
            try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
            let now = services.clock()
            if principal.role == .counter {
                return HTML.response(pages.counterPerson(overview, now: now), language: pages.strings.language)
            }
            let after = request.uri.queryParameters["after"].flatMap { Int64(String($0)) } ?? 0
            let limit = APILimits.maxPageSize
            let entries = try await services.store.journal(person: person, after: max(0, after), limit: limit + 1)
            let shown = Array(entries.prefix(limit))
            let later = entries.count > limit ? shown.last?.sequence : nil
            let facts = overview.facts.sorted { $0.key < $1.key }
            return HTML.response(pages.person(overview, facts: facts, journal: shown, laterAfter: later, now: now), language: pages.strings.language)
        }
    }

    /// `POST /people/{personId}/facts`: the values of a person's facts, for the purpose the caseworker typed, which goes
    /// into the person's journal with the read. A form without the session's CSRF token changes and shows nothing; a
    /// missing or overlong purpose shows the form again.
    @Sendable func factValues(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await page(request, context) { principal, pages in
            guard Self.csrf(in: form, matches: pages.layout.csrf) else {
                return HTML.response(pages.message(title: pages.strings.facts, pages.strings.formExpired), status: .forbidden, language: pages.strings.language)
            }
            let person = try services.personParameter(context)
            try requireCaseworker(principal)
            guard try await services.store.person(id: person) != nil else { throw APIError.unknownPerson(person) }
            let facts = try await services.engine.snapshot(of: person).facts.sorted { $0.key < $1.key }
            guard let asked = WebFactRequest(purpose: form["purpose"]) else {
                let main = pages.factSources(person: person, facts: facts, purposeError: pages.strings.purposeRefused)
                return HTML.response(pages.layout.page(title: "\(pages.strings.facts): \(pages.strings.person) \(person.rawValue)", main),
                    status: .unprocessableContent, language: pages.strings.language)
            }
            try await services.journalAccess(.read, of: [person], by: principal, purpose: "\(APIServices.purpose(context, request)): \(asked.purpose)",
                context: context, request: request)
            return HTML.response(pages.factValues(person: person, facts: facts, purpose: asked.purpose), language: pages.strings.language)
        }
    }

    @Sendable func stylesheet(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: WebStyle.css)))
    }

    // MARK: Signing in and out

    @Sendable func signInForm(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let language = language(request)
        if try await signedIn(request, context) != nil { return HTML.redirect("/") }
        return signInPage(request, language: language, error: nil, status: .ok)
    }

    /// A form that posts the token: the token is looked up as a bearer token is, and only a caseworker's is taken.
    @Sendable func signIn(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let language = language(request)
        let strings = WebStrings(language: language)
        let form = try await Self.form(request)
        guard Self.csrf(in: form, matches: cookie(Self.signInCookie, in: request)) else {
            return signInPage(request, language: language, error: strings.formExpired, status: .forbidden)
        }
        let secret = (form["token"] ?? "").trimmingCharacters(in: .whitespaces)
        let now = services.clock()
        guard !secret.isEmpty, let token = try await services.store.token(secretHash: TokenSecret.hash(secret)), !token.isRevoked, !token.hasExpired(at: now),
            Self.signsIn(token)
        else {
            return signInPage(request, language: language, error: strings.signInRefused, status: .unauthorized)
        }
        context.session.principal = Principal(tokenID: token.id, role: token.role, person: token.person)
        let session = try await services.webSessions.open(tokenHash: TokenSecret.hash(secret), at: now)
        return HTML.redirect("/", cookies: [cookieHeader(Self.sessionCookie, session.id, path: "/", request: request),
            cookieHeader(Self.signInCookie, "", path: "/sign-in", request: request, remove: true)])
    }

    @Sendable func signOut(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        guard let (_, session) = try await signedIn(request, context) else { return HTML.redirect("/sign-in") }
        let form = try await Self.form(request)
        guard Self.csrf(in: form, matches: session.csrf) else {
            let strings = WebStrings(language: language(request))
            let pages = WebPages(strings: strings, layout: WebLayout(strings: strings, csrf: session.csrf, path: "/"))
            return HTML.response(pages.message(title: strings.signOut, strings.formExpired), status: .forbidden, language: strings.language)
        }
        try await services.webSessions.close(session.id)
        return HTML.redirect("/sign-in", cookies: [cookieHeader(Self.sessionCookie, "", path: "/", request: request, remove: true)])
    }

    /// `path` when it is a path on this site, else `/`: one leading slash, no backslash, and visible ASCII only, since
    /// browsers drop tabs and line breaks from a `Location` and would read `/<tab>/evil.example` as `//evil.example`.
    static func localPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            path.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else { return "/" }
        return path
    }

    /// `GET /language?to=sv&back=/path`: remembers the language in a cookie and goes back; `back` must be a path on
    /// this site, so the switch cannot send anyone elsewhere.
    @Sendable func switchLanguage(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        let language = parameters["to"].flatMap { Language(rawValue: String($0)) } ?? .en
        let back = Self.localPath(parameters["back"].map(String.init))
        let cookie = cookieHeader(Self.languageCookie, language.rawValue, path: "/", request: request, httpOnly: true, maxAge: 365 * 86_400)
        return HTML.redirect(back, cookies: [cookie])
    }

    // MARK: Plumbing

    /// Runs a signed-in page: without a live session, to the sign-in page; an API error becomes a page with its status.
    func page(_ request: Request, _ context: LotsenRequestContext, _ body: (Principal, WebPages) async throws -> Response) async throws -> Response {
        let language = language(request)
        guard let (principal, session) = try await signedIn(request, context) else { return HTML.redirect("/sign-in") }
        let strings = WebStrings(language: language)
        let path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let pages = WebPages(strings: strings, layout: WebLayout(strings: strings, csrf: session.csrf, path: path))
        do {
            return try await body(principal, pages)
        } catch {
            let refusal = APIError.from(error)
            let text = refusal.status == .notFound ? strings.notFound : refusal.message
            return HTML.response(pages.message(title: "\(refusal.status.code)", text), status: refusal.status, language: language)
        }
    }

    /// The live session and its caseworker: the token it was opened with must still be valid, so revoking the token
    /// ends the session too.
    func signedIn(_ request: Request, _ context: LotsenRequestContext) async throws -> (Principal, WebSessionBook.Session)? {
        let now = services.clock()
        guard let id = cookie(Self.sessionCookie, in: request), let session = try await services.webSessions.session(id, at: now) else { return nil }
        guard let token = try await services.store.token(secretHash: session.tokenHash), !token.isRevoked, !token.hasExpired(at: now),
            Self.signsIn(token)
        else {
            try await services.webSessions.close(id)
            return nil
        }
        let principal = Principal(tokenID: token.id, role: token.role, person: token.person)
        context.session.principal = principal
        return (principal, session)
    }

    /// A caseworker's token, or a counter token (made for one person, for one visit) signs in; no other.
    static func signsIn(_ token: StoredToken) -> Bool {
        token.role == .caseworker || (token.role == .counter && token.person != nil)
    }

    /// Lists, the funnel and fact values are a caseworker's; a counter token acts for its one person only.
    private func requireCaseworker(_ principal: Principal) throws {
        guard principal.role == .caseworker else { throw APIError.forbidden("a counter token acts only for the person it was made for") }
    }

    /// The sign-in page: the token form, and the e-legitimation button where staff can sign in that way.
    func signInPage(_ request: Request, language: Language, error: String?, status: HTTPResponse.Status, cookies: [String] = []) -> Response {
        let strings = WebStrings(language: language)
        let csrf = WebSessionBook.secret()
        let pages = WebPages(strings: strings, layout: WebLayout(strings: strings, csrf: nil, path: "/sign-in"))
        return HTML.response(pages.signIn(csrf: csrf, error: error, eid: eidSignIn != nil), status: status, language: language,
            cookies: [cookieHeader(Self.signInCookie, csrf, path: "/sign-in", request: request)] + cookies)
    }

    private func journeyParameter(_ context: LotsenRequestContext) throws -> Journey {
        let id = try context.pathParameter("journeyId")
        guard let journey = services.library.journey(JourneyID(id)) else {
            throw APIError(.notFound, "unknownJourney", "no journey '\(id)'")
        }
        return journey
    }

    /// The language cookie's, else `Accept-Language`'s; the caseworkers' view is in Swedish or English, so a translated
    /// language shows English.
    func language(_ request: Request) -> Language {
        (cookie(Self.languageCookie, in: request).flatMap(Language.init(rawValue:)) ?? request.preferredLanguage).authoringFallback
    }

    func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
            }
        }
        return nil
    }

    /// A `Set-Cookie` value. `Secure` when the request reached the proxy in front over https (`X-Forwarded-Proto:
    /// https` or `Forwarded: proto=https`): `lotsen serve` itself speaks plain HTTP, and a browser drops a Secure
    /// cookie set over plain HTTP on any host but localhost. A client that forges the header only makes its own cookie stricter.
    func cookieHeader(_ name: String, _ value: String, path: String, request: Request, httpOnly: Bool = true, remove: Bool = false,
        maxAge: Int? = nil, sameSite: String = "Strict") -> String
    {
        var parts = ["\(name)=\(value)", "Path=\(path)", "SameSite=\(sameSite)"]
        if httpOnly { parts.append("HttpOnly") }
        if Self.isHTTPS(request) { parts.append("Secure") }
        if remove { parts.append("Max-Age=0") } else if let maxAge { parts.append("Max-Age=\(maxAge)") }
        return parts.joined(separator: "; ")
    }

    static func isHTTPS(_ request: Request) -> Bool {
        if let proto = request.headers[HTTPField.Name("X-Forwarded-Proto")!], proto.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() == "https" {
            return true
        }
        return request.headers[values: HTTPField.Name("Forwarded")!].contains { $0.lowercased().contains("proto=https") }
    }

    /// An `application/x-www-form-urlencoded` body (at most 16 KiB) as name → first value.
    static func form(_ request: Request) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: 16 * 1024)
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String { text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decoded(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return fields
    }

    /// Whether a posted form carries the CSRF token `expected` (the session's own, or the sign-in cookie's); never when
    /// there is none to expect.
    static func csrf(in form: [String: String], matches expected: String?) -> Bool {
        guard let expected, let sent = form["csrf"] else { return false }
        return same(expected, sent)
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
