import Foundation
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// `/v1/people/{personId}/offers…`: the journeys agencies' life events offered the person. The person (or a caseworker)
/// lists them; only the person accepts or declines. Another citizen gets the 404 of an unknown person; an agency 403.
/// Every read and decision is journaled.
struct OfferController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get("{personId}/offers", use: list)
        routes.post("{personId}/offers/{offerId}/accept", use: accept)
        routes.post("{personId}/offers/{offerId}/decline", use: decline)
        return routes
    }

    /// `GET /v1/people/{personId}/offers`: every offer the person has had, newest first, with where each stands now.
    @Sendable func list(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let (principal, person) = try await services.readablePerson("read a person's offers", context: context, request: request)
        let offers = try await services.engine.offers(of: person)
        try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
        let now = services.clock()
        return JSONBody.response(OfferListDocument(items: offers.map { OfferDocument($0, at: now) }))
    }

    /// `POST /v1/people/{personId}/offers/{offerId}/accept`: starts the offered journey with what the event proved
    /// filled in as the agency's facts.
    @Sendable func accept(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let (principal, person, id) = try await decision("accept an offer", request: request, context: context)
        let offer = try await services.engine.acceptOffer(id, of: person)
        try await services.journalAccess(.change, of: [person], by: principal, journey: offer.journey, context: context, request: request)
        return JSONBody.response(OfferDocument(offer, at: services.clock()))
    }

    /// `POST /v1/people/{personId}/offers/{offerId}/decline`: says no; the offer is not shown as open again.
    @Sendable func decline(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let (principal, person, id) = try await decision("decline an offer", request: request, context: context)
        let offer = try await services.engine.declineOffer(id, of: person)
        try await services.journalAccess(.change, of: [person], by: principal, journey: offer.journey, context: context, request: request)
        return JSONBody.response(OfferDocument(offer, at: services.clock()))
    }

    /// Who decides and on which offer: only the person (or a counter token made for them); the body, if any, is `{}`.
    private func decision(_ action: String, request: Request, context: LotsenRequestContext) async throws -> (Principal, PersonID, Int64) {
        let principal = try await services.require([.citizen, .counter], "\(action); only the person does", context: context, request: request)
        let person = try services.personParameter(context)
        let acting = try await services.authorizeChange(of: person, by: principal, hidden: .unknownPerson(person), context: context, request: request)
        _ = try await request.decodeStrictIfPresent(EnrollmentController.EmptyBody.self)
        let id = try context.pathParameter("offerId")
        guard let number = Int64(id), number > 0 else {
            throw APIError(.notFound, "unknownOffer", "no offer '\(id)'", hint: "list them at GET /v1/people/\(person)/offers")
        }
        return (acting, person, number)
    }
}
