import Foundation
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// `/v1/people/{personId}/mandates`: a proven person grants another proven person a mandate to act for them in some
/// journeys and services, lists the mandates they granted and hold, and withdraws one. Both people are told in their
/// journals. The representative then acts by naming the mandate in the `Lotsen-Mandate` header.
struct MandateController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get("{personId}/mandates", use: list)
        routes.post("{personId}/mandates", use: grant)
        routes.post("{personId}/mandates/{mandateId}/withdraw", use: withdraw)
        return routes
    }

    struct GrantBody: StrictDecodable {
        let representative: String
        let journeys: [String]?
        let services: [String]?
        /// The first day; today when absent.
        let from: String?
        let until: String
        enum CodingKeys: String, CodingKey, CaseIterable { case representative, journeys, services, from, until }
    }

    var book: MandateBook { MandateBook(store: services.store, library: services.library, clock: services.clock) }

    /// `GET /v1/people/{personId}/mandates`: the mandates the person granted or holds, oldest first.
    @Sendable func list(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let (principal, person) = try await services.readablePerson("read a person's mandates", context: context, request: request)
        let mandates = try await engineCall { () async throws(EngineError) in try await book.mandates(of: person) }
        try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
        let now = services.clock()
        return JSONBody.response(MandateListDocument(items: mandates.map { MandateDocument($0, book: book, now: now) }))
    }

    /// `POST /v1/people/{personId}/mandates`: only the person grants, once they proved who they are.
    @Sendable func grant(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let caller = try await services.require([.citizen], "grant mandates; only the person does", context: context, request: request)
        let person = try services.personParameter(context)
        let principal = try await services.authorizeChange(of: person, by: caller, hidden: .unknownPerson(person), context: context, request: request)
        let body = try await request.decodeStrict(GrantBody.self)
        guard body.representative.hasPrefix(PersonReference.idPrefix) else {
            throw APIError.badRequest("invalidField", "name the representative by their Lotsen reference (lp-...)", field: "representative")
        }
        let from = try body.from.map { try Self.day($0, field: "from") } ?? book.day(of: services.clock())
        let until = try Self.day(body.until, field: "until")
        let purpose = APIServices.purpose(context, request)
        let mandate = try await engineCall { () async throws(EngineError) in
            try await book.grant(by: person, to: PersonID(body.representative), journeys: (body.journeys ?? []).map(JourneyID.init),
                services: (body.services ?? []).map(ServiceID.init), from: from, until: until,
                requester: { principal.requester(towards: $0, purpose: purpose) })
        }
        return JSONBody.response(MandateDocument(mandate, book: book, now: services.clock()), status: .created, headers: [
            .location: "/v1/people/\(person)/mandates"
        ])
    }

    /// `POST /v1/people/{personId}/mandates/{mandateId}/withdraw`: only the grantor withdraws.
    @Sendable func withdraw(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let caller = try await services.require([.citizen], "withdraw mandates; only the person does", context: context, request: request)
        let person = try services.personParameter(context)
        let principal = try await services.authorizeChange(of: person, by: caller, hidden: .unknownPerson(person), context: context, request: request)
        _ = try await request.decodeStrictIfPresent(EnrollmentController.EmptyBody.self)
        let id = try context.pathParameter("mandateId")
        let purpose = APIServices.purpose(context, request)
        let mandate = try await engineCall { () async throws(EngineError) in
            try await book.withdraw(id, by: person, requester: { principal.requester(towards: $0, purpose: purpose) })
        }
        return JSONBody.response(MandateDocument(mandate, book: book, now: services.clock()))
    }

    static func day(_ text: String, field: String) throws -> CalendarDate {
        guard let day = CalendarDate(iso: text) else { throw APIError.badRequest("invalidField", "'\(field)' must be a date, YYYY-MM-DD", field: field) }
        return day
    }

    private func engineCall<T>(_ body: () async throws(EngineError) -> T) async throws -> T {
        do { return try await body() } catch { throw APIError(error) }
    }
}
