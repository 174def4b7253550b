extension FactValue {
    /// Rebuilds a value from its stored type keyword and ``canonical`` form. Text and choices are taken as
    /// stored: text exactly, and a choice's options belong to the journey that reads it, not to the store.
    ///
    /// The canonical forms are read directly rather than through ``parse(_:as:today:)``, which accepts what people
    /// type (`ja`, `1 500`, country names) and so costs more: every snapshot load reads every fact. A stored form
    /// that is not canonical still goes through the parser.
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
        case "bool":
            switch canonical {
            case "true": self = .bool(true); return
            case "false": self = .bool(false); return
            default: type = .bool
            }
        case "number":
            if let number = Double(canonical), number.isFinite, FactValue.format(number: number) == canonical {
                self = .number(number)
                return
            }
            type = .number
        case "date":
            if let date = CalendarDate(iso: canonical) {
                self = .date(date)
                return
            }
            type = .date
        case "country":
            if let code = CountryCode(canonical), code.alpha2 == canonical {
                self = .country(code)
                return
            }
            type = .country
        case "personnummer": type = .personnummer
        case "organisationsnummer": type = .organisationsnummer
        default: return nil
        }
        guard let value = try? FactValue.parse(canonical, as: type) else { return nil }
        self = value
    }
}
