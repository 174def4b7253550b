import Foundation
import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore
import Logging

/// Everything the store must offer the API.
public typealias APIStore = JourneyStore & TokenStore & AgencyEventStore & EnrollmentListing & OnceOnlyStore & MandateStore & WebSessionStore

/// The parts every controller works with, wired by `lotsen serve` (or a test) and passed to ``buildApplication(_:services:)``.
public struct APIServices: Sendable {
    public let engine: JourneyEngine
    public let store: any APIStore
    /// Where every read, change and refused attempt on a person's data is journaled.
    public let accessJournal: RequestJournal
    /// The OpenID Connect provider whose ID tokens `POST /v1/sessions` accepts; `nil` refuses sessions (503).
    public let identity: (any IdentityProvider)?
    /// How long a citizen session lasts.
    public let sessionLifetime: Duration
    /// How long an agency event that cannot be applied yet is kept before it expires.
    public let pendingEventLifetime: Duration
    /// The web view's signed-in caseworkers.
    public let webSessions: WebSessionBook
    /// The address browsers reach the server at, without a trailing slash: where the identity provider sends staff back
    /// after an e-legitimation sign-in. Without it, staff sign in to the web view with tokens only.
    public let publicURL: URL?
    /// Who may act as a child's guardian, from the population register's custody record; `nil` when no register is
    /// wired, and then every guardian is refused (503), never let through.
    public let guardianship: Guardianship?
    /// The agencies are Lotsen's sandbox: every response says so (``APIServices/practiceHeader``), and every enrollment
    /// document says it in the reader's language, so no front end can present a practice case as a real application.
    public let practice: Bool
    let clock: @Sendable () -> Date

    /// `logger` is told when a refused request could not be journaled; `publicURL` is ``publicURL``; `custody` is the
    /// population register guardians are checked against at each request; `practice` is ``practice``.
    public init(engine: JourneyEngine, store: any APIStore, identity: (any IdentityProvider)? = nil, sessionLifetime: Duration = .seconds(900),
        pendingEventLifetime: Duration = JourneyEngine.defaultPendingEventLifetime, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "lotsen.journal"), publicURL: URL? = nil, custody: CustodyRegister? = nil, practice: Bool = false)
    {
        self.practice = practice
        self.guardianship = custody.map { Guardianship(engine: engine, register: $0) }
        self.engine = engine
        self.store = store
        self.accessJournal = RequestJournal(store: store, logger: logger)
        self.identity = identity
        self.sessionLifetime = sessionLifetime
        self.pendingEventLifetime = pendingEventLifetime
        self.clock = clock
        self.webSessions = WebSessionBook(store: store)
        self.publicURL = publicURL
    }

    var library: JourneyLibrary { engine.library }

    /// Journals a 403 on a route about one person or enrollment for that person; other refusals are not about anyone's
    /// data. (A 401 names nobody and is not journaled: see ``RequestJournal``.)
    func recordRefusal(_ error: APIError, principal: Principal, subject explicit: AccessSubject? = nil, context: LotsenRequestContext,
        request: Request) async
    {
        guard error.status == .forbidden else { return }
        let subject =
            explicit
            ?? (try? context.pathParameter("enrollmentId")).map { .enrollment(EnrollmentID($0)) }
            ?? (try? context.pathParameter("personId")).map { .person(PersonID($0)) }
        guard let subject else { return }
        await accessJournal.recordRefusal(of: subject, by: principal, purpose: Self.purpose(context, request), code: error.code, at: clock())
    }

    /// Journals that `principal` read (`.read`) or changed (`.change`) the data of each of `people` on this route (or for
    /// the `purpose` given), before the answer goes out: an answer whose entry cannot be written is not sent, so the
    /// store must take changes.
    func journalAccess(_ action: AccessEntry.Action, of people: [PersonID], by principal: Principal, journey: JourneyID? = nil, step: StepID? = nil,
        purpose given: String? = nil, context: LotsenRequestContext, request: Request) async throws
    {
        guard !people.isEmpty else { return }
        try await engine.requireWritableStore()
        let purpose = given ?? Self.purpose(context, request)
        let now = clock()
        try await accessJournal.record(people.map { person in
            AccessEntry.request(at: now, person: person, requester: principal.requester(towards: person, purpose: purpose), journey: journey, step: step,
                action: action, outcome: .completed)
        })
    }

    /// The route as a journal entry names it: `GET /v1/enrollments/{enrollmentId}`, never the concrete path.
    static func purpose(_ context: LotsenRequestContext, _ request: Request) -> String {
        "\(request.method.rawValue) \(context.endpointPath ?? "unmatched")"
    }

    /// The principal, when its role is one of `roles`; else 403 (recorded when the route is about a person).
    func require(_ roles: Set<StoredToken.Role>, _ action: String, context: LotsenRequestContext, request: Request) async throws -> Principal {
        guard let principal = context.principal else { throw APIError.unauthenticated("this route needs a bearer token") }
        guard roles.contains(principal.role) else {
            let error = APIError.forbidden("\(principal.role.article) \(principal.role.rawValue) token cannot \(action)")
            await recordRefusal(error, principal: principal, context: context, request: request)
            throw error
        }
        return principal
    }

    /// The principal, when it may read `person`'s journeys: a caseworker, that very citizen, a counter token made for
    /// them, or a citizen acting for them under the mandate the request names (`Lotsen-Mandate`) when it holds now and
    /// `covers` the data (the principal returned then carries the representation). Another citizen gets `hidden`, the
    /// answer the route gives for something that does not exist, so a citizen cannot learn whether someone else's
    /// enrollment or reference exists, nor whether a mandate exists; the refusal is recorded all the same. Other roles
    /// get 403: they learn only what their role may do.
    /// With `guardians`, a guardian naming the child in `Lotsen-Guardian-For` reads too, while the population register
    /// shows their custody and the child is under 18.
    func authorizeRead(of person: PersonID, by principal: Principal, covering covers: (Mandate) -> Bool = { _ in false }, guardians: Bool = false,
        hidden: APIError, context: LotsenRequestContext, request: Request) async throws -> Principal
    {
        switch principal.role {
        case .caseworker: return principal
        case .citizen where principal.person == person, .counter where principal.person == person: return principal
        case .citizen:
            if let acting = try await representing(person, by: principal, covering: covers, guardians: guardians, request: request) { return acting }
            await recordRefusal(.forbidden("a citizen's token reads only their own journeys"), principal: principal, context: context, request: request)
            throw hidden
        case .counter:
            let error = APIError.forbidden("a counter token acts only for the person it was made for")
            await recordRefusal(error, principal: principal, context: context, request: request)
            throw error
        case .agency:
            let error = APIError.forbidden("an agency token cannot read journeys")
            await recordRefusal(error, principal: principal, context: context, request: request)
            throw error
        }
    }

    /// The principal, when it may act on `person`'s journeys: that citizen, a counter token made for them, or a citizen
    /// acting for them under a mandate that holds now and `covers` the change, as in
    /// ``authorizeRead(of:by:covering:guardians:hidden:context:request:)``, or with `guardians` a guardian of the child.
    /// Another citizen gets `hidden`; other roles 403.
    func authorizeChange(of person: PersonID, by principal: Principal, covering covers: (Mandate) -> Bool = { _ in false }, guardians: Bool = false,
        hidden: APIError, context: LotsenRequestContext, request: Request) async throws -> Principal
    {
        if principal.role == .counter, principal.person == person { return principal }
        guard principal.role == .citizen else {
            let error =
                principal.role == .counter
                ? APIError.forbidden("a counter token acts only for the person it was made for")
                : APIError.forbidden("only the person changes their journey; \(principal.role.article) \(principal.role.rawValue) token cannot")
            await recordRefusal(error, principal: principal, context: context, request: request)
            throw error
        }
        if principal.person == person { return principal }
        if let acting = try await representing(person, by: principal, covering: covers, guardians: guardians, request: request) { return acting }
        await recordRefusal(.forbidden("a citizen's token changes only their own journeys"), principal: principal, context: context, request: request)
        throw hidden
    }

    /// The citizen acting for `person` under the mandate named in the request's `Lotsen-Mandate` header: when that
    /// mandate was granted by `person` to this citizen, holds now (started, not ended, not withdrawn) and `covers` what
    /// the route touches. Or, on a route that admits `guardians`, the citizen acting as the guardian of `person` named
    /// in `Lotsen-Guardian-For` (``actingAsGuardian(of:by:request:)``). `nil` otherwise, whatever the reason, so a
    /// refusal tells nothing about the mandate or the child.
    func representing(_ person: PersonID, by principal: Principal, covering covers: (Mandate) -> Bool, guardians: Bool = false, request: Request)
        async throws -> Principal?
    {
        if request.headers[Self.guardianHeader] != nil {
            guard guardians, request.headers[Self.mandateHeader] == nil else { return nil }
            return try await actingAsGuardian(of: person, by: principal, request: request)
        }
        guard principal.role == .citizen, let representative = principal.person,
            let id = request.headers[Self.mandateHeader], id.hasPrefix("md-"), id.utf8.count <= 64
        else { return nil }
        let mandate: Mandate?
        do { mandate = try await store.mandate(id: id) } catch { throw APIError(error) }
        guard let mandate, mandate.grantor == person, mandate.representative == representative, mandate.isActive(at: clock()), covers(mandate)
        else { return nil }
        return principal.acting(under: mandate)
    }

    /// The header a representative names their mandate in.
    static let mandateHeader = HTTPField.Name("Lotsen-Mandate")!

    /// The citizen acting as the guardian of `child`, named by its reference in `Lotsen-Guardian-For`: when the
    /// population register, asked now, shows the citizen's custody of the child and the child is under 18. `nil`
    /// otherwise. The register is asked before anything about the child is read; when it cannot answer, 503
    /// `custodyUnavailable` for everyone, so the refusal says nothing about the child, and nobody is let through.
    func actingAsGuardian(of child: PersonID, by principal: Principal, request: Request) async throws -> Principal? {
        guard principal.role == .citizen, let guardian = principal.person, let named = request.headers[Self.guardianHeader],
            named == child.rawValue, guardian != child
        else { return nil }
        guard let guardianship else { throw APIError.custodyUnavailable }
        let allowed: Bool
        do {
            allowed = try await guardianship.mayAct(guardian, for: child)
        } catch {
            throw error.code == .agencyFailed ? APIError.custodyUnavailable : APIError(error)
        }
        return allowed ? principal.actingAsGuardian() : nil
    }

    /// The header a guardian names the child they act for in (the child's `lp-…`).
    static let guardianHeader = HTTPField.Name("Lotsen-Guardian-For")!
}

extension Request {
    /// The language `Accept-Language` prefers among Lotsen's (the highest quality value that names one; `*` is English),
    /// else English.
    var preferredLanguage: Language {
        guard let header = headers[.acceptLanguage] else { return .en }
        var best: (language: Language, weight: Double)?
        for entry in header.split(separator: ",") {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let language = Language(localeIdentifier: tag) ?? (tag == "*" ? .en : nil) else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language ?? .en
    }
}

extension StoredToken.Role {
    /// "a" or "an", for messages.
    var article: String { self == .agency ? "an" : "a" }
}
