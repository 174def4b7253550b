import Foundation

/// Where and how Lotsen reaches one agency, from the top of its adapter file.
public struct AgencyEndpoint: Hashable, Sendable {
    /// The agency's API; `nil` means the built-in sandbox agency.
    public var baseURL: URL?
    public var credentials: AgencyCredentials?
    /// How long one attempt may take.
    public var timeout: Duration
    public var retry: RetryPolicy

    public static let defaultTimeout: Duration = .seconds(10)
    public static let maximumTimeout: Duration = .seconds(120)

    public init(baseURL: URL? = nil, credentials: AgencyCredentials? = nil, timeout: Duration = defaultTimeout, retry: RetryPolicy = RetryPolicy()) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.timeout = timeout
        self.retry = retry
    }
}

/// How Lotsen proves who it is to an agency. The secret itself lives in an environment variable, never in the file.
public enum AgencyCredentials: Hashable, Sendable {
    /// `Authorization: Bearer <value of the variable>`.
    case bearer(environmentVariable: String)
    /// `<header>: <value of the variable>`.
    case apiKey(header: String, environmentVariable: String)

    public var environmentVariable: String {
        switch self {
        case .bearer(let name), .apiKey(_, let name): name
        }
    }
}

/// How often a failed call is tried again. Only failures that may pass (timeouts, unreachable hosts, 5xx) are retried.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts in all, the first included.
    public var attempts: Int
    /// The wait before the second attempt; each later wait doubles.
    public var backoff: Duration

    public static let maximumAttempts = 10

    public init(attempts: Int = 3, backoff: Duration = .milliseconds(200)) {
        self.attempts = attempts
        self.backoff = backoff
    }

    /// The wait before attempt `attempt` (2 for the first retry).
    public func delay(before attempt: Int) -> Duration {
        backoff * (1 << max(0, min(attempt - 2, 20)))
    }
}
