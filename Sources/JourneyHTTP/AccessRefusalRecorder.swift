import JourneyModel
import JourneyStore
import Logging

/// What a refused request was after, as far as it concerned a person's data.
public enum AccessSubject: Hashable, Sendable {
    case person(PersonID)
    case enrollment(EnrollmentID)
}

/// A refusal (401 or 403) of a request that touched a person's data, for the person's access journal.
public struct AccessRefusal: Hashable, Sendable {
    /// The token that was refused; `nil` when the request had no valid token.
    public let tokenID: String?
    public let role: StoredToken.Role?
    public let subject: AccessSubject
    /// The route template (`/v1/enrollments/{enrollmentId}`), never the raw path.
    public let route: String
    public let method: String
    /// The API error code (`unauthenticated`, `forbidden`).
    public let code: String
    public let requestID: String

    public init(tokenID: String?, role: StoredToken.Role?, subject: AccessSubject, route: String, method: String, code: String, requestID: String) {
        self.tokenID = tokenID
        self.role = role
        self.subject = subject
        self.route = route
        self.method = method
        self.code = code
        self.requestID = requestID
    }
}

/// Where refusals that touched a person's data are recorded. The once-only access journal implements it;
/// until then ``LoggingAccessRefusalRecorder`` writes a log line.
public protocol AccessRefusalRecorder: Sendable {
    func record(_ refusal: AccessRefusal) async
}

/// Logs each refusal at `notice`, with the token, role, route and code but not the person: a log is no journal,
/// and the person's reference stays out of it.
public struct LoggingAccessRefusalRecorder: AccessRefusalRecorder {
    let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    public func record(_ refusal: AccessRefusal) async {
        let subject: String =
            switch refusal.subject {
            case .person: "person"
            case .enrollment: "enrollment"
            }
        logger.notice("access refused", metadata: [
            "request.id": .string(refusal.requestID), "token.id": .string(refusal.tokenID ?? "none"), "role": .string(refusal.role?.rawValue ?? "none"),
            "route": .string(refusal.route), "method": .string(refusal.method), "code": .string(refusal.code), "subject": .string(subject),
        ])
    }
}
