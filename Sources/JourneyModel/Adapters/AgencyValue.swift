import Foundation

/// A JSON value as an agency sends or receives it.
public enum AgencyValue: Hashable, Sendable, Codable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case object([String: AgencyValue])
    case array([AgencyValue])
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AgencyValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AgencyValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            // Whole numbers are written without a fraction, as agencies write counts and amounts.
            if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .bool(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The value at a dotted path (`address.formatted`), or `nil` when any part is missing.
    public func value(at path: FieldMapping) -> AgencyValue? {
        var current = self
        for segment in path.segments {
            guard case .object(let fields) = current, let next = fields[String(segment)] else { return nil }
            current = next
        }
        return current
    }

    /// The value a fact takes when an agency sends it. A wire value that does not fit the fact's type is `nil`.
    public func factValue(as type: FactType) -> FactValue? {
        switch (self, type) {
        case (.bool(let value), .bool): return .bool(value)
        case (.number(let value), .number): return .number(value)
        case (.string(let text), _):
            guard !text.isEmpty, let value = try? FactValue.parse(text, as: type), value.conforms(to: type) else { return nil }
            return value
        default: return nil
        }
    }

    /// How a fact travels to an agency: numbers and booleans as JSON numbers and booleans, everything else as
    /// its canonical text (a personnummer in twelve digits, a country as its ISO code, a date as YYYY-MM-DD).
    public init(_ fact: FactValue) {
        switch fact {
        case .bool(let value): self = .bool(value)
        case .number(let value): self = .number(value)
        default: self = .string(fact.canonical)
        }
    }
}

extension AgencyValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(dictionaryLiteral elements: (String, AgencyValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(arrayLiteral elements: AgencyValue...) { self = .array(elements) }
}
