import HTTPTypes
import Hummingbird
import JourneyEngine

/// Refuses a change (any `/v1` request but `GET` and `HEAD`) with 503 while the store cannot take it, as
/// `/health` reports it: the SQLite file deleted or replaced under the server (a write would go to a file nobody will
/// read again), a read-only file, a PostgreSQL standby, a server out of reach. Reads go on: they see what the open
/// database holds. The check is the engine's (``JourneyEngine/requireWritableStore()``): a `stat` on SQLite, a
/// remembered answer on PostgreSQL.
struct WritableStoreMiddleware: RouterMiddleware {
    typealias Context = LotsenRequestContext

    let services: APIServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head {
            try await services.engine.requireWritableStore()
        }
        return try await next(request, context)
    }
}
