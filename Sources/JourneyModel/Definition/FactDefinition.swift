/// A fact a journey may need to know, with how it becomes known: asked, fetched from an agency, or produced by a step.
public struct FactDefinition: Hashable, Sendable {
    public let id: FactID
    public let type: FactType
    /// The question the guide asks; `nil` when the person is never asked (only fetched or produced).
    public let ask: LocalizedText?
    /// Why it is asked or where to find the answer.
    public let help: LocalizedText?
    /// Agency lookup services that can supply the fact, with the person's consent.
    public let from: [ServiceID]

    public init(id: FactID, type: FactType, ask: LocalizedText? = nil, help: LocalizedText? = nil, from: [ServiceID] = []) {
        self.id = id
        self.type = type
        self.ask = ask
        self.help = help
        self.from = from
    }
}
