import Foundation
import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// Every refusal the API gives, as `{"error": {"code", "message", "field"?, "hint"?}}` with its status. Messages
/// name routes, fields, steps and facts, never a person's data, and never show SQL or a stack trace.
public struct APIError: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    /// The request field (body, query parameter or header) that is wrong, dotted for nested fields.
    public let field: String?
    public let hint: String?
    /// Extra response headers (`WWW-Authenticate`, `Allow`).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, field: String? = nil, hint: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.hint = hint
    }

    static func badRequest(_ code: String, _ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, code, message, field: field)
    }

    static func unprocessable(_ message: String, field: String? = nil, hint: String? = nil) -> APIError {
        APIError(.unprocessableContent, "invalidValue", message, field: field, hint: hint)
    }

    static func forbidden(_ message: String) -> APIError { APIError(.forbidden, "forbidden", message) }

    /// 404 for an enrollment that does not exist, or that the caller may not learn exists: one answer for both, as
    /// the engine words it.
    static func unknownEnrollment(_ id: EnrollmentID) -> APIError { APIError(EngineError.unknownEnrollment(id)) }

    /// 404 for a person reference that does not exist, or that the caller may not learn exists.
    static func unknownPerson(_ id: PersonID) -> APIError { APIError(EngineError.unknownPerson(id)) }

    static func unauthenticated(_ message: String) -> APIError {
        var error = APIError(.unauthorized, "unauthenticated", message, hint: "send the header 'Authorization: Bearer <token>' with a token the service's operator issued")
        error.headers[.wwwAuthenticate] = "Bearer realm=\"lotsen\""
        return error
    }

    /// The population register could not say who has custody (or none is wired): nobody acts as a guardian until it does.
    static let custodyUnavailable = APIError(.serviceUnavailable, "custodyUnavailable",
        "the population register could not say who has custody, so nobody can act as a guardian now", hint: "try again in a while")

    static let internalError = APIError(.internalServerError, "internal", "the request could not be completed", hint: "try again later")

    /// The status for each engine refusal: unknown things are 404, refused values and transitions 422, lost races
    /// and identity clashes 409, a busy store 503 with `Retry-After`, a store that cannot take changes (read-only, its
    /// file deleted or replaced) 503 saying so, without `Retry-After` (an operator must act), and the store's own
    /// failures a 500 that says nothing about the database.
    /// `fieldPrefix` is where the engine's field sits in the request body: `answers` for a fact named in answers.
    public init(_ error: EngineError, fieldPrefix: String? = nil) {
        if error.code == .busy {
            self = .busy
            return
        }
        if error.code == .unavailable {
            self = .unavailable(error.message, hint: error.hint)
            return
        }
        let status: HTTPResponse.Status =
            switch error.code {
            case .unknownJourney, .unknownStep, .unknownPerson, .unknownEnrollment, .unknownMandate, .unknownOffer: .notFound
            case .unknownFact, .notEnrolled, .ambiguousEnrollment, .invalidValue, .invalidTransition, .agencySupplied: .unprocessableContent
            case .identityConflict, .definitionChanged, .conflict, .alreadyDone, .offerClosed: .conflict
            case .notProven: .forbidden
            case .agencyFailed: .badGateway
            case .agencyRefused: .unprocessableContent
            case .storage, .busy, .unavailable: .internalServerError
            }
        if status == .internalServerError {
            self = .internalError
        } else {
            self.init(status, error.code.rawValue, error.message, field: error.field.map { field in fieldPrefix.map { "\($0).\(field)" } ?? field },
                hint: APIHints.hint(for: error))
        }
    }

    public init(_ error: StorageError) {
        switch error.code {
        case .conflict: self.init(.conflict, "conflict", "the change conflicts with another one", hint: "reload and try again")
        case .busy: self = .busy
        case .unavailable: self = .unavailable(error.message, hint: error.hint)
        default: self = .internalError
        }
    }

    /// The store is overloaded or out of reach for a moment: 503, and when to come back.
    static var busy: APIError {
        var error = APIError(.serviceUnavailable, "busy", "the service is busy", hint: "try again in a moment")
        error.headers[.retryAfter] = "1"
        return error
    }

    /// The store cannot take changes until an operator acts: 503 with what is wrong (never a path or a person's data).
    static func unavailable(_ message: String, hint: String?) -> APIError {
        APIError(.serviceUnavailable, "unavailable", message, hint: hint)
    }

    /// Any error a handler throws, as the API reports it.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as EngineError: return APIError(error)
        case let error as StorageError: return APIError(error)
        case let error as HTTPError: return APIError(error.status, Self.code(for: error.status), error.body ?? error.status.reasonPhrase)
        default: return .internalError
        }
    }

    private static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "notFound"
        case .contentTooLarge: "tooLarge"
        case .methodNotAllowed: "methodNotAllowed"
        case .badRequest: "badRequest"
        default: status.code < 500 ? "refused" : "internal"
        }
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let field: String?
            let hint: String?
        }

        let error: Detail
    }

    /// The error's JSON body, as ``response()`` sends it.
    var jsonBytes: Data {
        (try? JSONBody.encoder.encode(Body(error: Body.Detail(code: code, message: message, field: field, hint: hint)))) ?? Data()
    }

    func response() -> Response {
        let body = Body(error: Body.Detail(code: code, message: message, field: field, hint: hint))
        var response = JSONBody.response(body, status: status)
        for field in headers { response.headers.append(field) }
        return response
    }
}

/// How the API writes JSON: camelCase keys as declared, sorted, ISO 8601 dates, no escaped slashes.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(InternetTimestamp.string(date))
        }
        return encoder
    }()

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{\"error\":{\"code\":\"internal\",\"message\":\"the response could not be written\"}}".utf8)
        return response(ByteBuffer(bytes: data), status: status, headers: headers)
    }

    /// The same bytes as the `Encodable` overload, written by the document itself.
    static func response(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var output = JSONOutput()
        value.write(to: &output)
        return response(ByteBuffer(bytes: output.bytes), status: status, headers: headers)
    }

    private static func response(_ body: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
    }
}
