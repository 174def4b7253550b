import JourneyModel

/// Facts an agency lookup could supply instead of asking the person: what the consent screen shows before fetching.
public struct LookupOffer: Sendable {
    public let journey: Journey
    /// The step the facts are needed for; `nil` when they decide which steps apply.
    public let step: StepDefinition?
    public let agency: Agency
    public let service: AgencyService
    /// The facts asked for, in the journey's order.
    public let facts: [FactDefinition]

    public var purpose: CallPurpose { CallPurpose(journey: journey.id, step: step?.id) }
}

/// What came of a lookup the person was offered.
public enum LookupOutcome: Hashable, Sendable {
    /// Fetched and recorded, with the agency as their source; facts the agency does not hold are left to ask.
    case recorded([FactID])
    /// The person said no; the guide asks them instead.
    case refused
    /// The agency has no record of the person.
    case noMatch
    /// The agency has several records; Lotsen does not guess which is the person's.
    case severalMatches
}
