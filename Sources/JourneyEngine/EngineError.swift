import JourneyModel

/// A refused request to the engine: what is wrong and how to go on. Messages name steps, facts and
/// journeys, never a person's data.
public struct EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unknownJourney
        case unknownStep
        case unknownFact
        case unknownPerson
        case unknownEnrollment
        case notEnrolled
        case ambiguousEnrollment
        case invalidValue
        case invalidTransition
        case identityConflict
        case definitionChanged
        /// Someone else changed the same enrollment first; reload and try again.
        case conflict
        /// An agency could not be asked, or did not give a usable answer.
        case agencyFailed
        /// The agency's answer cannot be used: no record, several records, or a refusal.
        case agencyRefused
        case storage
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
