import HTTPTypes
import Hummingbird
import JourneyModel

/// `/v1/journeys`: the journey catalogue, in the language `Accept-Language` asks for. Any valid token reads it.
struct CatalogController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get(use: list)
        routes.get("{journeyId}", use: show)
        return routes
    }

    @Sendable func list(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let language = request.preferredLanguage
        let journeys = services.library.journeys.map { JourneySummaryDocument($0, language: language) }
        return JSONBody.response(JourneyListDocument(journeys: journeys),
            headers: services.languageHeaders(language, journeys: services.library.journeys.map(\.id)))
    }

    @Sendable func show(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let id = try context.pathParameter("journeyId")
        guard let journey = services.library.journey(JourneyID(id)) else {
            throw APIError(.notFound, "unknownJourney", "no journey '\(id)'", hint: "list the journeys at /v1/journeys")
        }
        let language = request.preferredLanguage
        return JSONBody.response(JourneyDocument(journey, language: language, catalog: services.library.catalog),
            headers: services.languageHeaders(language, journeys: [journey.id]))
    }
}
