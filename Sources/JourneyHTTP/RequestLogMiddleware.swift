import Foundation
import HTTPTypes
import Hummingbird
import JourneyStore
import Logging

/// The outermost middleware: gives each request an id (a well-formed incoming `X-Request-Id`, else a new one),
/// turns every error into the API's JSON error, and logs one line per request with the method, the route
/// template (never the raw path, which may hold a person's reference), the status and the duration; with
/// `metrics`, counts and times it there by the same route template; with `practice`, marks every response as practice.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = LotsenRequestContext

    static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    let routes: RouteTable
    var metrics: APIMetrics? = nil
    /// The agencies are the sandbox: every response, refusals too, says `Lotsen-Practice: sandbox`.
    var practice = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = request.headers[Self.requestIDHeader].flatMap(Self.wellFormed) ?? Self.newID()
        var context = context
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            var refusal = APIError.from(error)
            if refusal.status == .notFound, refusal.code == "notFound" {
                refusal = notFound(request)
            }
            if refusal.status.code >= 500 {
                // The type only: an error's text may carry SQL or data.
                context.logger.error("request failed", metadata: ["error.type": .string(String(describing: type(of: error)))])
            }
            response = refusal.response()
        }
        if request.method == .head {
            // The GET's status and headers (Content-Length included), without its body.
            response = response.createHeadResponse()
        }
        response.headers[Self.requestIDHeader] = id
        if practice { response.headers[APIServices.practiceHeader] = "sandbox" }
        let elapsed = ContinuousClock.now - started
        metrics?.recordRequest(route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: response.status.code,
            duration: elapsed)
        let hundredths = elapsed.components.seconds * 100_000 + elapsed.components.attoseconds / 10_000_000_000_000
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue),
            "route": .string(context.endpointPath ?? "unmatched"),
            "status": .stringConvertible(response.status.code),
            "duration.ms": .string(Self.milliseconds(hundredths: hundredths)),
        ]
        if let principal = context.principal {
            metadata["role"] = .string(principal.role.rawValue)
            metadata["token.id"] = .string(principal.tokenID)
        }
        context.logger.info("request", metadata: metadata)
        return response
    }

    /// 405 with `Allow` when the path exists with other methods; else 404.
    private func notFound(_ request: Request) -> APIError {
        let methods = routes.methods(at: Substring(request.uri.path))
        guard !methods.isEmpty else { return APIError(.notFound, "notFound", "there is no such route", hint: "see /openapi.yaml") }
        var error = APIError(.methodNotAllowed, "methodNotAllowed", "this route does not take \(request.method.rawValue)")
        error.headers[.allow] = methods.joined(separator: ", ")
        return error
    }

    /// 1 to 64 letters, digits, `-`, `_` or `.`; anything else is replaced, so a log line cannot be forged.
    static func wellFormed(_ value: String) -> String? {
        guard (1...64).contains(value.utf8.count),
            value.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) })
        else { return nil }
        return value
    }

    static func newID() -> String { UUID().uuidString.lowercased() }

    /// `12.34` from 1234 hundredths of a millisecond (`String(format:)` goes through the locale, on every request).
    static func milliseconds(hundredths: Int64) -> String {
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
