import Foundation
import HTTPTypes
import Hummingbird
import JourneyModel
import JourneyStore

/// Authenticates `/v1` requests by bearer token (deny by default): no token, an unknown one or a revoked one is
/// refused with 401 before any route runs. Such a refusal names nobody, so it is in the request log, not in a person's
/// access journal (see ``RequestJournal``).
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = LotsenRequestContext

    let services: APIServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.session.principal = try await authenticate(request)
        return try await next(request, context)
    }

    private func authenticate(_ request: Request) async throws -> Principal {
        guard let header = request.headers[.authorization] else { throw APIError.unauthenticated("this route needs a bearer token") }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            throw APIError.unauthenticated("the Authorization header must be 'Bearer <token>'")
        }
        guard let token = try await services.store.token(secretHash: TokenSecret.hash(String(parts[1]).trimmingCharacters(in: .whitespaces))),
            !token.isRevoked
        else {
            throw APIError.unauthenticated("the token is not valid or has been revoked")
        }
        if token.hasExpired(at: services.clock()) {
            throw APIError.unauthenticated("the session has expired; log in again and exchange the new ID token at POST /v1/sessions")
        }
        var person = token.person
        if person == nil, token.role == .citizen, let identity = token.identity {
            person = try await services.store.person(identity: identity)?.id
        }
        return Principal(tokenID: token.id, role: token.role, person: person, identity: token.identity, agency: token.agency, assurance: token.assurance,
            isSession: token.isSession)
    }
}
