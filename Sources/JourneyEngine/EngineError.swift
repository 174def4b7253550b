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
        /// No mandate with that id that the caller may see.
        case unknownMandate
        /// No offer with that id for the person.
        case unknownOffer
        /// The offer was already accepted or declined, or has expired: it can no longer be taken or refused.
        case offerClosed
        case notEnrolled
        case ambiguousEnrollment
        case invalidValue
        case invalidTransition
        /// The fact is the agency's: only an agency supplies it (a lookup fetches it, a decision gives it), or an
        /// agency already did, and what the person says does not replace it.
        case agencySupplied
        /// The step is already done: completing it again with facts would change what it produced, so nothing changes.
        case alreadyDone
        case identityConflict
        /// Lookups and applications run only for a proven identity (an eID login or the agency of record); the
        /// person has not proved the number this record is named by, or has none.
        case notProven
        case definitionChanged
        /// Someone else changed the same enrollment first; reload and try again.
        case conflict
        /// An agency could not be asked, or did not give a usable answer.
        case agencyFailed
        /// The agency's answer cannot be used: no record, several records, or a refusal.
        case agencyRefused
        /// The store is overloaded or unreachable for a moment; the same request may succeed shortly.
        case busy
        /// The store cannot take changes until an operator acts (a read-only database, a database file deleted or
        /// replaced under a running server); see ``JourneyEngine/health()``.
        case unavailable
        case storage
    }

    public let code: Code
    public let message: String
    public let hint: String?
    /// The fact or field the refusal is about (`fullName`, `message`), for fronts that point at it.
    public let field: String?

    /// Set on the error a decision throws when it needs something from outside the person's snapshot that was
    /// not read before the transaction; the engine reads it and decides again. Never leaves the engine.
    let missingRead: MissingRead?

    public init(_ code: Code, _ message: String, hint: String? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.field = field
        self.missingRead = nil
    }

    init(missing read: MissingRead) {
        self.code = .storage
        self.message = "a decision needed data that was not read before its transaction"
        self.hint = nil
        self.field = nil
        self.missingRead = read
    }

    public var description: String { hint.map { "\(message) (\($0))" } ?? message }
}
