import Foundation
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore
import Logging

/// Everything the store must offer the API.
public typealias APIStore = JourneyStore & TokenStore & AgencyEventStore & EnrollmentListing & OnceOnlyStore

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
    let clock: @Sendable () -> Date

    /// `logger` is told when a refused request could not be journaled; `webSessions` keeps the web view's sign-ins.
    public init(engine: JourneyEngine, store: any APIStore, identity: (any IdentityProvider)? = nil, sessionLifetime: Duration = .seconds(900),
        pendingEventLifetime: Duration = JourneyEngine.defaultPendingEventLifetime, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "lotsen.journal"), webSessions: WebSessionBook = WebSessionBook())
    {
        self.engine = engine
        self.store = store
        self.accessJournal = RequestJournal(store: store, logger: logger)
        self.identity = identity
        self.sessionLifetime = sessionLifetime
        self.pendingEventLifetime = pendingEventLifetime
        self.clock = clock
        self.webSessions = webSessions
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

    /// Journals that `principal` read (`.read`) or changed (`.change`) the data of each of `people` on this route, before
    /// the answer goes out: an answer whose entry cannot be written is not sent, so the store must take changes.
    func journalAccess(_ action: AccessEntry.Action, of people: [PersonID], by principal: Principal, journey: JourneyID? = nil, step: StepID? = nil,
        context: LotsenRequestContext, request: Request) async throws
    {
        guard !people.isEmpty else { return }
        try await engine.requireWritableStore()
        let purpose = Self.purpose(context, request)
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

    /// Refuses unless the principal may read `person`'s journeys: a caseworker, or that very citizen. Another citizen
    /// gets `hidden`, the answer the route gives for something that does not exist, so a citizen cannot learn
    /// whether someone else's enrollment or reference exists; the refusal is recorded all the same. Other roles get
    /// 403: they learn only what their role may do.
    func authorizeRead(of person: PersonID, by principal: Principal, hidden: APIError, context: LotsenRequestContext, request: Request) async throws {
        switch principal.role {
        case .caseworker: return
        case .citizen where principal.person == person: return
        case .citizen:
            await recordRefusal(.forbidden("a citizen's token reads only their own journeys"), principal: principal, context: context, request: request)
            throw hidden
        default:
            let error = APIError.forbidden("an agency token cannot read journeys")
            await recordRefusal(error, principal: principal, context: context, request: request)
            throw error
        }
    }

    /// Refuses unless the principal is that citizen: only the person acts on their journeys. Another citizen gets
    /// `hidden`, as in ``authorizeRead(of:by:hidden:context:request:)``; other roles 403.
    func authorizeChange(of person: PersonID, by principal: Principal, hidden: APIError, context: LotsenRequestContext, request: Request) async throws {
        guard principal.role == .citizen, principal.person == person else {
            if principal.role == .citizen {
                await recordRefusal(.forbidden("a citizen's token changes only their own journeys"), principal: principal, context: context, request: request)
                throw hidden
            }
            let error = APIError.forbidden("only the person changes their journey; \(principal.role.article) \(principal.role.rawValue) token cannot")
            await recordRefusal(error, principal: principal, context: context, request: request)
            throw error
        }
    }
}

extension Request {
    /// `sv` or `en` from `Accept-Language` (the highest weight that names one of them), else English.
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
