import Foundation
import Hummingbird
import JourneyModel
import NIOCore

/// The sandbox's routes: the agency API under `/{agency}/…` and the test controls under `/_sandbox/…`.
///
/// | route | answer |
/// | --- | --- |
/// | `POST /{agency}/lookups/{service}` | `200 {"matches": [...]}` |
/// | `POST /{agency}/applications/{service}` | `201` (or `200` for a repeated `Idempotency-Key`) `{"caseId", "status"}` |
/// | `GET /{agency}/cases/{caseId}` | `200 {"caseId", "status", "decision"?, "message"?, "fields"?}`, one stage on |
/// | `GET /_sandbox` | the agencies and their services |
/// | `GET /_sandbox/behaviour` | `{"behaviours": [{"agency", "service"?, "behaviour": {...}}]}` |
/// | `PUT /_sandbox/behaviour` | sets one: `{"agency", "service"?, "delayMilliseconds"?, "failNext"?, "malformedNext"?, "malformation"?, "hang"?}` |
/// | `DELETE /_sandbox/behaviour[?agency=A[&service=S]]` | clears all, one agency's, or one service's; `204` |
/// | `GET /_sandbox/cases` | `{"cases": [{"caseId", "agency", "service", "status", "decision"?, "idempotencyKey", "openedAt"}]}` |
/// | `PUT /_sandbox/custody` | `{"guardian", "child", "custody": false}` ends a custody in the population register (`true` restores it); `204` |
///
/// Errors are `{"error": {"code", "message"}}`, with no value a client sent in them. The identity provider's routes
/// (`/idp/…`) are listed on ``SandboxIdentityRoutes``.
enum SandboxRoutes {
    /// Bodies are small JSON documents; anything larger is refused.
    static let maximumBodyBytes = 64 * 1024

    static func router(api: SandboxAgencyAPI, identity: SandboxIdentityProvider) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SandboxErrorMiddleware())
        SandboxIdentityRoutes.add(to: router, provider: identity)

        router.post("/:agency/lookups/:service") { request, context in
            try await api.respond(agency: context.parameters.require("agency"), .lookup(service: context.parameters.require("service")),
                headers: request.headers, body: body(of: request))
        }
        router.post("/:agency/applications/:service") { request, context in
            try await api.respond(agency: context.parameters.require("agency"), .application(service: context.parameters.require("service")),
                headers: request.headers, body: body(of: request))
        }
        router.get("/:agency/cases/:caseId") { request, context in
            try await api.respond(agency: context.parameters.require("agency"), .caseStatus(caseId: context.parameters.require("caseId")),
                headers: request.headers, body: Data())
        }

        router.get("/_sandbox") { _, _ in
            let agencies = SandboxCatalog.agencies.mapValues { agency -> SandboxJSON in
                [
                    "lookups": .array(agency.lookups.sorted().map(SandboxJSON.string)),
                    "applications": .array(agency.applications.keys.sorted().map(SandboxJSON.string)),
                ]
            }
            return SandboxReply(.ok, ["agencies": .object(agencies)]).response
        }
        router.get("/_sandbox/behaviour") { _, _ in
            try encoded(["behaviours": api.board.all])
        }
        router.put("/_sandbox/behaviour") { request, _ in
            let rule = try behaviourRule(from: await body(of: request))
            api.board.set(rule.behaviour, agency: rule.agency, service: rule.service)
            return try encoded(rule)
        }
        router.delete("/_sandbox/behaviour") { request, _ in
            let agency = request.uri.queryParameters["agency"].map(String.init)
            let service = request.uri.queryParameters["service"].map(String.init)
            if let agency { try scope(agency: agency, service: service) }
            api.board.clear(agency: agency, service: agency == nil ? nil : service)
            return Response(status: .noContent)
        }
        router.put("/_sandbox/custody") { request, _ in
            let (custody, guardian, child) = try custodyChange(from: await body(of: request))
            api.custody.set(custody: custody, guardian: guardian, child: child)
            return Response(status: .noContent)
        }
        router.get("/_sandbox/cases") { _, _ in
            do {
                let cases = try await api.store.cases()
                return try encoded(["cases": cases])
            } catch {
                throw SandboxRefusal(.internalServerError, "internal", "The sandbox could not read its cases.")
            }
        }
        return router
    }

    private static func body(of request: Request) async throws -> Data {
        Data(try await request.body.collect(upTo: maximumBodyBytes).readableBytesView)
    }

    private static func encoded(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return SandboxReply.response(.ok, body: try encoder.encode(value))
    }

    private static func scope(agency: String, service: String?) throws {
        do throws(SandboxError) {
            try SandboxAgencies.checkScope(agency: agency, service: service)
        } catch {
            throw SandboxRefusal(.notFound, service == nil ? "unknown-agency" : "unknown-service", error.description)
        }
    }

    /// Reads `PUT /_sandbox/custody`: two test numbers and whether the custody holds.
    private static func custodyChange(from body: Data) throws -> (Bool, Personnummer, Personnummer) {
        guard let object = SandboxJSON.parse(body)?.objectValue, Set(object.keys) == ["guardian", "child", "custody"],
            case .bool(let custody)? = object["custody"]
        else {
            throw SandboxRefusal.badRequest("A custody change is {\"guardian\", \"child\", \"custody\": true or false}, and nothing else.")
        }
        guard let guardian = object["guardian"]?.stringValue.flatMap({ try? Personnummer(parsing: $0) }),
            let child = object["child"]?.stringValue.flatMap({ try? Personnummer(parsing: $0) })
        else { throw SandboxRefusal.badRequest("guardian and child must be personnummer or samordningsnummer, as strings.") }
        return (custody, guardian, child)
    }

    /// Reads `PUT /_sandbox/behaviour`; unknown keys are refused, so a misspelt count does not silently do nothing.
    private static func behaviourRule(from body: Data) throws -> SandboxBehaviourRule {
        guard let object = SandboxJSON.parse(body)?.objectValue else {
            throw SandboxRefusal.badRequest("The body must be a JSON object.")
        }
        let known: Set = ["agency", "service", "delayMilliseconds", "failNext", "malformedNext", "malformation", "hang"]
        if let unknown = object.keys.filter({ !known.contains($0) }).sorted().first {
            throw SandboxRefusal.badRequest("Unknown key '\(unknown.prefix(64))'; a behaviour takes \(known.sorted().joined(separator: ", ")).")
        }
        guard let agency = object["agency"]?.stringValue else { throw SandboxRefusal.badRequest("A behaviour needs agency, a string.") }
        let service = object["service"]?.stringValue
        if object["service"] != nil, service == nil { throw SandboxRefusal.badRequest("service must be a string, or left out for the whole agency.") }
        try scope(agency: agency, service: service)

        func count(_ key: String) throws -> Int {
            guard let value = object[key] else { return 0 }
            guard case .number(let number) = value, number.rounded() == number, abs(number) <= 1e9 else {
                throw SandboxRefusal.badRequest("\(key) must be a whole number.")
            }
            return Int(number)
        }
        var behaviour = SandboxBehaviour(
            delayMilliseconds: try count("delayMilliseconds"), failNext: try count("failNext"), malformedNext: try count("malformedNext"))
        if let value = object["malformation"] {
            guard let malformation = value.stringValue.flatMap(SandboxBehaviour.Malformation.init(rawValue:)) else {
                throw SandboxRefusal.badRequest("malformation must be one of: \(SandboxBehaviour.Malformation.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            behaviour.malformation = malformation
        }
        if let value = object["hang"] {
            guard case .bool(let hang) = value else { throw SandboxRefusal.badRequest("hang must be true or false.") }
            behaviour.hang = hang
        }
        if let problem = behaviour.problem { throw SandboxRefusal.badRequest(problem) }
        return SandboxBehaviourRule(agency: agency, service: service, behaviour: behaviour)
    }
}

/// Turns every error into the contract's JSON error body, including the router's own `404` for an unknown address.
struct SandboxErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as SandboxRefusal {
            return refusal.reply.response
        } catch let error as any HTTPResponseError {
            let refusal: SandboxRefusal
            switch error.status {
            case .notFound:
                refusal = SandboxRefusal(.notFound, "not-found",
                    "No such address: agencies answer POST /{agency}/lookups/{service}, POST /{agency}/applications/{service} and GET /{agency}/cases/{caseId}.")
            case .contentTooLarge:
                refusal = SandboxRefusal(.contentTooLarge, "too-large", "The body is larger than \(SandboxRoutes.maximumBodyBytes) bytes.")
            default:
                refusal = SandboxRefusal(error.status, "http-error", error.status.reasonPhrase)
            }
            return refusal.reply.response
        } catch {
            return SandboxRefusal(.internalServerError, "internal", "The sandbox failed to answer.").reply.response
        }
    }
}
