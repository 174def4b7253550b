extension FactValue {
    /// Rebuilds a value from its stored type keyword and ``canonical`` form. Text and choices are taken as
    /// stored: text exactly, and a choice's options belong to the journey that reads it, not to the store.
    public init?(storedType keyword: String, canonical: String) {
        let type: FactType
        switch keyword {
        case "choice":
            self = .choice(canonical)
            return
        case "text":
            // Stored exactly as given: parsing would trim it.
            self = .text(canonical)
            return
        case "bool": type = .bool
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
