import JourneyEngine
import JourneyModel

/// The seam for the once-only screens (issue: adapters and consent). Before the guide asks a person for a fact
/// that an agency can supply (`from:` in the journey), it offers the fact here: the screens show which agency
/// would send which fields where, ask for consent, fetch, and record the fact with its provenance through the
/// engine. When the person refuses or no agency can help, the guide asks the person instead.
public protocol OnceOnlyScreens {
    /// Tries to obtain `fact` for `person` from an agency, with their consent.
    func supply(_ fact: FactDefinition, for person: PersonID, in journey: Journey, terminal: any Terminal, language: Language) -> OnceOnlyResult
}

/// What the once-only screens did with a fact.
public enum OnceOnlyResult: Hashable, Sendable {
    /// Fetched with the person's consent and recorded.
    case recorded
    /// Not fetched (refused, unavailable, or no adapter): the guide asks the person.
    case askThePerson
    /// The person ended the conversation on one of these screens.
    case ended(TerminalInput)
}

/// No agency is asked, so the person answers every question themselves: the guide's behaviour until the adapters land.
public struct NoOnceOnlyScreens: OnceOnlyScreens {
    public init() {}

    public func supply(_ fact: FactDefinition, for person: PersonID, in journey: Journey, terminal: any Terminal, language: Language)
        -> OnceOnlyResult
    {
        .askThePerson
    }
}
