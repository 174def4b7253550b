/// Why the sandbox agencies could not do what their Swift API was asked: open the state file, start the server,
/// or set a behaviour. Messages name files, ports and agencies, never personal data.
public struct SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for code that reacts to it.
    public enum Code: String, Sendable, Equatable {
        /// The state file could not be opened or migrated.
        case cannotOpenState
        /// The state file could not be read or written after it was opened.
        case stateUnavailable
        /// The server could not listen (the port is taken, say), or stopped before it was listening.
        case cannotStart
        /// ``SandboxAgencies/start(port:)`` or ``SandboxAgencies/run(port:onRunning:)`` while already serving.
        case alreadyRunning
        /// A behaviour named an agency or service the sandbox does not serve.
        case unknownAgencyOrService
        /// A behaviour with a negative count or an overlong delay.
        case invalidBehaviour
        /// A life event for someone who is not one of the sandbox's test people.
        case unknownTestPerson
    }

    public let code: Code
    /// One sentence for a person.
    public let message: String
    /// What to try next.
    public let hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }
}
