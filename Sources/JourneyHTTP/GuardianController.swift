import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// `GET /v1/people/{personId}/children`: the children a proven person may act for as their guardian, asked of the
/// population register now (custody, and under 18), each linked to a Lotsen record by the number the register gave.
/// The guardian then acts for a child by naming its reference in the `Lotsen-Guardian-For` header.
struct GuardianController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get("{personId}/children", use: children)
        return routes
    }

    @Sendable func children(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let principal = try await services.require([.citizen], "list a guardian's children; only the guardian does", context: context,
            request: request)
        let person = try services.personParameter(context)
        guard principal.person == person else {
            await services.recordRefusal(.forbidden("a citizen's token lists only their own children"), principal: principal, context: context,
                request: request)
            throw APIError.unknownPerson(person)
        }
        guard let guardianship = services.guardianship else { throw APIError.custodyUnavailable }
        let stored = try await services.engine.person(.id(person))
        guard stored.isProven else {
            throw APIError(EngineError(.notProven, "the population register is asked only about a proven person",
                hint: "log in with e-legitimation first (POST /v1/sessions)"))
        }
        let children: [StoredPerson]
        do {
            children = try await guardianship.linkChildren(of: person)
        } catch {
            throw error.code == .agencyFailed ? APIError.custodyUnavailable : APIError(error)
        }
        try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
        if let acting = principal.actingAsGuardian() {
            try await services.journalAccess(.read, of: children.map(\.id), by: acting, context: context, request: request)
        }
        return JSONBody.response(ChildrenDocument(items: children.compactMap { child in
            child.identity.map { ChildrenDocument.Child(person: child.id.rawValue, adultOn: Guardianship.firstDayOfAge(of: $0).description) }
        }))
    }
}

/// The children a guardian may act for (`GET /v1/people/{personId}/children`); never their numbers.
struct ChildrenDocument: Encodable {
    struct Child: Encodable {
        /// The child's Lotsen reference, to name in `Lotsen-Guardian-For`.
        let person: String
        /// The day the child turns 18, from when nobody acts for them as a guardian.
        let adultOn: String
    }

    let items: [Child]
}
