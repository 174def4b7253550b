/// A failure of the database itself (as opposed to a refused transition): it cannot be opened, is locked
/// for too long, or holds data this version cannot read. Messages carry no personal data.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case cannotOpen
        case busy
        /// The database cannot take changes until an operator acts: read-only, or not the file it was.
        case unavailable
        case corrupt
        case conflict
        case notFound
        case failed
    }

    public let code: Code
    public let message: String
    public let hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message) (\($0))" } ?? message }
}
