import Foundation
import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// Routes without a token: liveness, the health check and the OpenAPI document.
///
/// `/live` says the process answers HTTP, and nothing else: what an orchestrator asks before it restarts a node, so a
/// database out of reach does not get every node restarted. `/health` says whether this node can do its work: the
/// store answers and can take changes (what a load balancer and monitoring ask; 503 takes the node out of rotation).
struct SystemController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get("live", use: live)
        routes.get("health", use: health)
        routes.get("openapi.yaml", use: openAPI)
        return routes
    }

    struct Health: Encodable {
        let status: String
        let journeys: Int
        /// What is wrong (``StoreHealth/Problem``), when something is.
        let reason: String?
        let error: APIError.Body.Detail?
    }

    /// 200 while the process answers: no store call.
    @Sendable func live(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        JSONBody.response(Health(status: "ok", journeys: services.library.journeys.count, reason: nil, error: nil))
    }

    /// 200 when the store answers and can take changes; else 503 with the reason and the API's error object, which
    /// says what is wrong and what to do, never a path or a person's data.
    @Sendable func health(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let health = await services.engine.health()
        let journeys = services.library.journeys.count
        guard let problem = health.problem else { return JSONBody.response(Health(status: "ok", journeys: journeys, reason: nil, error: nil)) }
        let detail = APIError.Body.Detail(code: "unavailable", message: health.message, field: nil, hint: health.hint)
        var headers: HTTPFields = [:]
        if health.mayClearByItself { headers[.retryAfter] = "5" }
        return JSONBody.response(Health(status: "unavailable", journeys: journeys, reason: problem.rawValue, error: detail),
            status: .serviceUnavailable, headers: headers)
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
