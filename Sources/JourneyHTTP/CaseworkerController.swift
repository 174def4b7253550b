import Foundation
import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// What caseworkers read: lists of enrollments filtered on indexed columns, a page at a time, and one person's
/// overview across journeys. Caseworkers read; they do not act for the person.
struct CaseworkerController {
    let services: APIServices

    var enrollmentRoutes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get(use: list)
        return routes
    }

    var caseloadRoutes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get(use: caseload)
        return routes
    }

    /// `GET /v1/caseload?journey=…`: how many steps are overdue, due within a week, and waiting on an agency past its
    /// expected processing time, counted on the index of timers.
    @Sendable func caseload(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        _ = try await services.require([.caseworker], "count enrollments", context: context, request: request)
        let parameters = request.uri.queryParameters
        if let unknown = parameters.map({ String($0.key) }).sorted().first(where: { $0 != "journey" }) {
            throw APIError.badRequest("unknownParameter", "'\(unknown)' is not a parameter of the caseload", field: unknown)
        }
        guard let journeyID = parameters["journey"].map(String.init), !journeyID.isEmpty else {
            throw APIError.badRequest("missingParameter", "name the journey: counts are served per journey", field: "journey")
        }
        guard let journey = services.library.journey(JourneyID(journeyID)) else {
            throw APIError(.notFound, "unknownJourney", "no journey '\(journeyID)'", hint: "list the journeys at /v1/journeys")
        }
        let now = services.clock()
        let store = services.store
        return JSONBody.response(CaseloadDocument(
            journey: journey.id.rawValue,
            overdue: try await store.countDue(journey: journey.id, in: .overdue(at: now)),
            dueSoon: try await store.countDue(journey: journey.id, in: .soon(at: now, within: DueStanding.soonWindow)),
            overdueAtAgency: try await store.countDue(journey: journey.id, in: .overdueAtAgency(at: now))))
    }

    var peopleRoutes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get("{personId}", use: person)
        return routes
    }

    static let listParameters: Set<String> = ["journey", "step", "stepState", "status", "ball", "unchangedForDays", "due", "limit", "cursor"]

    /// `GET /v1/enrollments?journey=…`: oldest change first (with a step, oldest step change first), so the people
    /// waiting longest come first.
    @Sendable func list(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let principal = try await services.require([.caseworker], "list enrollments", context: context, request: request)
        let parameters = request.uri.queryParameters
        if let unknown = parameters.map({ String($0.key) }).sorted().first(where: { !Self.listParameters.contains($0) }) {
            throw APIError.badRequest("unknownParameter", "'\(unknown)' is not a parameter of this list", field: unknown)
        }
        func value(_ name: String) throws -> String? {
            let values = parameters[values: Substring(name)]
            guard values.count <= 1 else { throw APIError.badRequest("invalidParameter", "give '\(name)' once", field: name) }
            return values.first.map(String.init)
        }
        func parsed<T>(_ name: String, _ parse: (String) -> T?, expected: String) throws -> T? {
            guard let text = try value(name) else { return nil }
            guard let result = parse(text) else { throw APIError.badRequest("invalidParameter", "'\(name)' must be \(expected)", field: name) }
            return result
        }
        guard let journeyID = try value("journey"), !journeyID.isEmpty else {
            throw APIError.badRequest("missingParameter", "name the journey: lists are served per journey", field: "journey")
        }
        guard let journey = services.library.journey(JourneyID(journeyID)) else {
            throw APIError(.notFound, "unknownJourney", "no journey '\(journeyID)'", hint: "list the journeys at /v1/journeys")
        }
        var query = EnrollmentQuery(journey: journey.id)
        if let step = try value("step") {
            guard !step.isEmpty else { throw APIError.badRequest("invalidParameter", "'step' must not be empty", field: "step") }
            guard journey.step(StepID(step)) != nil else {
                throw APIError.unprocessable("no step '\(step)' in '\(journey.id)'", field: "step")
            }
            query.step = StepID(step)
        }
        let listable = StepState.listable
        query.stepState = try parsed("stepState", { StepState(rawValue: $0).flatMap { listable.contains($0) ? $0 : nil } },
            expected: "one of " + listable.map(\.rawValue).joined(separator: ", "))
        if query.stepState != nil, query.step == nil {
            throw APIError.badRequest("invalidParameter", "'stepState' needs 'step'", field: "stepState")
        }
        query.status = try parsed("status", EnrollmentStatus.init(rawValue:), expected: "active, complete or blocked")
        query.ball = try parsed("ball", BallHolder.init(rawValue:), expected: "person, agency or nobody")
        let days = try parsed("unchangedForDays", { Int($0).flatMap { (0...3650).contains($0) ? $0 : nil } }, expected: "a whole number of days from 0 to 3650")
        if let days {
            query.unchangedSince = services.clock().addingTimeInterval(-Double(days) * 86_400)
        }
        let due = try parsed("due", { ["overdue", "soon", "overdueAtAgency"].contains($0) ? $0 : nil }, expected: "overdue, soon or overdueAtAgency")
        if let due {
            if query.stepState != nil || days != nil {
                throw APIError.badRequest("invalidParameter", "'due' cannot be combined with 'stepState' or 'unchangedForDays'", field: "due")
            }
            let now = services.clock()
            query.due = switch due {
                case "overdue": .overdue(at: now)
                case "soon": .soon(at: now, within: DueStanding.soonWindow)
                default: .overdueAtAgency(at: now)
                }
        }
        query.limit = try parsed("limit", { Int($0).flatMap { (1...APILimits.maxPageSize).contains($0) ? $0 : nil } },
            expected: "a whole number from 1 to \(APILimits.maxPageSize)") ?? APILimits.defaultPageSize
        let filters = PageCursor.filters(of: query, days: days, due: due)
        let cursor = try value("cursor").map { text throws(APIError) in try PageCursor.decode(text, filters: filters) }
        let page = try await services.store.enrollmentPage(query, after: cursor)
        // Each person on the page had their enrollment read: one entry each, in one transaction.
        var seen: Set<PersonID> = []
        let people = page.items.map(\.person).filter { seen.insert($0).inserted }
        try await services.journalAccess(.read, of: people, by: principal, journey: journey.id, context: context, request: request)
        return JSONBody.response(EnrollmentListDocument(page, filters: filters))
    }

    /// `GET /v1/people/{personId}`: the person's journeys, for a caseworker or the person themself. People are named
    /// by their Lotsen reference here, never by personnummer: paths end up in logs and browser histories.
    @Sendable func person(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let principal = try await services.require([.citizen, .caseworker], "read journeys", context: context, request: request)
        let person = try services.personParameter(context)
        _ = try await services.authorizeRead(of: person, by: principal, hidden: .unknownPerson(person), context: context, request: request)
        try await services.engine.applyPendingAgencyEvents(person: person, events: services.store)
        let overview = try await services.engine.overview(.id(person))
        let language = request.preferredLanguage
        let document = PersonDocument(id: overview.person.id.rawValue, identityLinked: overview.person.identity != nil,
            enrollments: overview.enrollments.map { EnrollmentDocument($0, language: language, now: services.clock()) })
        try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
        return JSONBody.response(document, headers: [.contentLanguage: language.rawValue])
    }
}
