/// The type of a fact a journey may need to know. Conditions are type-checked against it at load time,
/// and every answer is parsed and validated by it before the engine records it.
public enum FactType: Hashable, Sendable {
    case bool
    case text
    case number
    /// A calendar date, written `YYYY-MM-DD`.
    case date
    /// An ISO 3166-1 alpha-2 country code, such as `SE`.
    case country
    /// One of a fixed list of options.
    case choice([ChoiceOption])
    case personnummer
    case organisationsnummer

    /// The keyword used in journey files.
    public var keyword: String {
        switch self {
        case .bool: "bool"
        case .text: "text"
        case .number: "number"
        case .date: "date"
        case .country: "country"
        case .choice: "choice"
        case .personnummer: "personnummer"
        case .organisationsnummer: "organisationsnummer"
        }
    }

    /// Every keyword a journey file may use for `type:`.
    public static let keywords = ["bool", "text", "number", "date", "country", "choice", "personnummer", "organisationsnummer"]

    /// The options of a choice; empty for every other type.
    public var options: [ChoiceOption] {
        if case .choice(let options) = self { return options }
        return []
    }

    /// Whether this type and `other` hold the same kind of value (choices compare by kind only).
    public func isSameKind(as other: FactType) -> Bool { keyword == other.keyword }
}

/// One option of a `choice` fact: the value stored and compared in conditions, and its label.
public struct ChoiceOption: Hashable, Sendable {
    public var value: String
    public var label: LocalizedText

    public init(value: String, label: LocalizedText) {
        self.value = value
        self.label = label
    }
}
