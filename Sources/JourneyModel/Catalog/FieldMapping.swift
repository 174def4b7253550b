/// One journey fact and the agency's name for it: a dotted path into the agency's JSON (`address.formatted`).
public struct FieldMapping: Hashable, Sendable {
    public let fact: FactID
    public let field: String

    public init(fact: FactID, field: String) {
        self.fact = fact
        self.field = field
    }

    /// The path's segments: `address.formatted` → `["address", "formatted"]`.
    public var segments: [Substring] { field.split(separator: ".") }
}
