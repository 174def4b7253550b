import Foundation
import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// Routes without a token: the health check and the OpenAPI document.
struct SystemController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get("health", use: health)
        routes.get("openapi.yaml", use: openAPI)
        return routes
    }

    struct Health: Encodable {
        let status: String
        let journeys: Int
    }

    /// 200 when the store answers, else 503.
    @Sendable func health(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        do {
            try await services.engine.checkStore()
        } catch {
            return JSONBody.response(Health(status: "unavailable", journeys: services.library.journeys.count), status: .serviceUnavailable)
        }
        return JSONBody.response(Health(status: "ok", journeys: services.library.journeys.count))
    }

    @Sendable func openAPI(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        guard let document = OpenAPIDocument.text else { throw APIError.internalError }
        return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
    }
}

/// The OpenAPI 3.1 document describing every route, bundled with this module (`OpenAPI/lotsen.yaml`).
public enum OpenAPIDocument {
    public static let text: String? = Bundle.module.url(forResource: "lotsen", withExtension: "yaml")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
}
