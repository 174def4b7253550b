import Foundation
import Hummingbird
import JourneyModel

/// An error answer of the agency API: a status and `{"error": {"code": …, "message": …}}`.
///
/// Messages name fields, headers, services and case ids, never a value a client sent, so no personal data ends up
/// in an answer, a client's log or a test's output.
struct SandboxRefusal: Error, Sendable, Equatable {
    let status: HTTPResponse.Status
    let code: String
    let message: String

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var reply: SandboxReply {
        SandboxReply(status, ["error": ["code": .string(code), "message": .string(message)]])
    }

    static func badRequest(_ message: String) -> SandboxRefusal {
        SandboxRefusal(.badRequest, "bad-request", message)
    }

    static func unknownAgency(_ agency: String) -> SandboxRefusal {
        SandboxRefusal(.notFound, "unknown-agency", "The sandbox has no agency '\(agency.prefix(64))'.")
    }

    static func unknownService(_ service: String, of agency: String, kind: String) -> SandboxRefusal {
        SandboxRefusal(.notFound, "unknown-service", "The sandbox agency '\(agency)' has no \(kind) '\(service.prefix(64))'.")
    }

    static let unavailable = SandboxRefusal(
        .serviceUnavailable, "unavailable", "The sandbox agency was told to fail this request (a test behaviour).")
}
