/// A call to an agency that did not give a usable answer. The message names the agency, the service and what
/// went wrong, never the person or the data sent.
public struct AgencyError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: Hashable, Sendable {
        /// No connection: the host is down, unknown, or refused.
        case unreachable
        /// No answer within the adapter file's timeout.
        case timeout
        /// The agency answered with this HTTP status (4xx: it refuses the request; 5xx: it failed).
        case rejected(status: Int)
        /// The answer was not what the agency API promises (not JSON, or a field of the wrong type).
        case malformedResponse
        /// Lotsen cannot call the agency as configured (such as a credential variable that is not set).
        case notConfigured

        /// A short stable name for logs, the journal and JSON.
        public var name: String {
            switch self {
            case .unreachable: "unreachable"
            case .timeout: "timeout"
            case .rejected(let status): "rejected-\(status)"
            case .malformedResponse: "malformed-response"
            case .notConfigured: "not-configured"
            }
        }
    }

    public let agency: AgencyID
    public let service: ServiceID?
    public let code: Code
    /// What went wrong, without personal data.
    public let message: String

    public init(agency: AgencyID, service: ServiceID?, code: Code, message: String) {
        self.agency = agency
        self.service = service
        self.code = code
        self.message = message
    }

    /// Whether trying again later may work: timeouts, unreachable hosts and the agency's own failures (5xx).
    public var isRetryable: Bool {
        switch code {
        case .unreachable, .timeout: true
        case .rejected(let status): status >= 500
        case .malformedResponse, .notConfigured: false
        }
    }

    public var description: String { "\(service.map { "\($0)" } ?? "\(agency)"): \(message)" }
}
