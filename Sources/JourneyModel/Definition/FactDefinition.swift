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
    /// The household roles the fact is known for one by one (`forEach`), as the file declares them; empty for the
    /// person's own fact only.
    public let forEach: [String]
    /// The household member this copy of a repeated fact is about; `nil` for the person's own.
    public let member: HouseholdMember?
    /// The id the file declares, which adapters map fields to: a member's copy's template, otherwise ``id`` itself.
    public let declaredID: FactID

    public init(id: FactID, type: FactType, label: LocalizedText? = nil, ask: LocalizedText? = nil, help: LocalizedText? = nil,
        from: [ServiceID] = [], bounds: FactBounds = FactBounds(), forEach: [String] = [], member: HouseholdMember? = nil, declaredID: FactID? = nil)
    {
        self.id = id
        self.type = type
        self.label = label
        self.ask = ask
        self.help = help
        self.from = from
        self.bounds = bounds
        self.forEach = forEach
        self.member = member
        self.declaredID = declaredID ?? id
    }

    public static func == (lhs: FactDefinition, rhs: FactDefinition) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.type == rhs.type && lhs.label == rhs.label && lhs.ask == rhs.ask && lhs.help == rhs.help && lhs.from == rhs.from
            && lhs.bounds == rhs.bounds && lhs.forEach == rhs.forEach && lhs.member == rhs.member && lhs.declaredID == rhs.declaredID)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
