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
        let list = try EnrollmentListRequest(values: { parameters[values: Substring($0)].map(String.init) }, library: services.library,
            now: services.clock())
        let page = try await list.page(services: services, principal: principal, context: context, request: request)
        return JSONBody.response(EnrollmentListDocument(page, filters: list.filters))
    }

    /// `GET /v1/people/{personId}`: the person's journeys, for a caseworker or the person themself. People are named
    /// by their Lotsen reference here, never by personnummer: paths end up in logs and browser histories.
    @Sendable func person(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let principal = try await services.require([.citizen, .caseworker], "read journeys", context: context, request: request)
        let person = try services.personParameter(context)
        let acting = try await services.authorizeRead(of: person, by: principal, guardians: true, hidden: .unknownPerson(person), context: context,
            request: request)
        try await services.engine.applyPendingAgencyEvents(person: person, events: services.store)
        let overview = try await services.engine.overview(.id(person))
        let language = request.preferredLanguage
        let document = PersonDocument(id: overview.person.id.rawValue, identityLinked: overview.person.identity != nil,
            enrollments: overview.enrollments.map { EnrollmentDocument($0, language: language, now: services.clock(), practice: services.practiceNotice(language)) })
        try await services.journalAccess(.read, of: [person], by: acting, context: context, request: request)
        return JSONBody.response(document, headers: services.languageHeaders(language, journeys: overview.enrollments.map(\.enrollment.journey)))
    }
}
