/// Whether a store can take changes now: it answers, it is writable, and it is still the database it opened. What
/// `/health` reports and what the API checks before a change. Messages name no person, path or password: they are
/// shown without a token.
public struct StoreHealth: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, as `/health` names it.
    public enum Problem: String, Sendable, CaseIterable {
        /// The SQLite file the store opened is no longer at its path: changes would go to a deleted file.
        case deleted
        /// Another file is at the path now (restored, moved or copied over): changes would go to the old one.
        case replaced
        /// The database cannot be written: a read-only file or folder, a PostgreSQL standby, a read-only session.
        case readOnly
        /// The database does not answer (a PostgreSQL server out of reach, a pool with no free connection).
        case unreachable
    }

    /// `nil` when the store is healthy.
    public let problem: Problem?
    public let message: String
    public let hint: String?

    public static let ok = StoreHealth(problem: nil, message: "the database answers and is writable", hint: nil)

    public init(problem: Problem?, message: String, hint: String?) {
        self.problem = problem
        self.message = message
        self.hint = hint
    }

    /// An unhealthy state.
    public static func failing(_ problem: Problem, _ message: String, hint: String) -> StoreHealth {
        StoreHealth(problem: problem, message: message, hint: hint)
    }

    public var isHealthy: Bool { problem == nil }

    /// Whether the problem may clear by itself (a server coming back, a standby being promoted), so a client may
    /// try again later; the others need an operator.
    public var mayClearByItself: Bool { problem == .unreachable }

    public var description: String { hint.map { "\(message) (\($0))" } ?? message }
}
