/// A fact a journey may need to know, with how it becomes known: asked, fetched from an agency, or produced by a step.
///
/// Immutable, and a class so lookups share one definition instead of copying it.
public final class FactDefinition: Hashable, Sendable {
    public let id: FactID
    public let type: FactType
    /// A short name for the fact, as consent previews and the access journal show it ("Your address").
    public let label: LocalizedText?
    /// The question the guide asks; `nil` when the person is never asked (only fetched or produced).
    public let ask: LocalizedText?
    /// Why it is asked or where to find the answer.
    public let help: LocalizedText?
    /// Agency lookup services that can supply the fact, with the person's consent.
    public let from: [ServiceID]
    /// What an answer must keep besides its type: a number's range, a text's length.
    public let bounds: FactBounds

    public init(id: FactID, type: FactType, label: LocalizedText? = nil, ask: LocalizedText? = nil, help: LocalizedText? = nil,
        from: [ServiceID] = [], bounds: FactBounds = FactBounds())
    {
        self.id = id
        self.type = type
        self.label = label
        self.ask = ask
        self.help = help
        self.from = from
        self.bounds = bounds
    }

    public static func == (lhs: FactDefinition, rhs: FactDefinition) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.type == rhs.type && lhs.label == rhs.label && lhs.ask == rhs.ask && lhs.help == rhs.help && lhs.from == rhs.from
            && lhs.bounds == rhs.bounds)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
