import Hummingbird
import JourneyStore
import NIOCore

/// `GET /metrics`: this node's ``APIMetrics`` in the Prometheus text format, without a token (like /health).
/// Operators scrape each node; keep the route off the public internet at the load balancer.
struct MetricsController {
    let metrics: APIMetrics
    let outbox: (any OnceOnlyStore)?

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get("metrics", use: scrape)
        return routes
    }

    @Sendable func scrape(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        if let outbox {
            await metrics.refreshOutbox { try await outbox.pendingSubmissions().count }
        }
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }
}
