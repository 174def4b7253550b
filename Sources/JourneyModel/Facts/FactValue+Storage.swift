extension FactValue {
    /// Rebuilds a value from its stored type keyword and ``canonical`` form. A choice is taken as stored,
    /// since its options belong to the journey that reads it, not to the store.
    public init?(storedType keyword: String, canonical: String) {
        let type: FactType
        switch keyword {
        case "choice":
            self = .choice(canonical)
            return
        case "bool": type = .bool
        case "text": type = .text
        case "number": type = .number
        case "date": type = .date
        case "country": type = .country
        case "personnummer": type = .personnummer
        case "organisationsnummer": type = .organisationsnummer
        default: return nil
        }
        guard let value = try? FactValue.parse(canonical, as: type) else { return nil }
        self = value
    }
}
