import Foundation

/// A known value of a fact. Values are always of the fact's declared type: they are built by
/// ``FactValue/parse(_:as:)`` from what a person typed, or by an adapter from an agency's answer.
public enum FactValue: Hashable, Sendable {
    case bool(Bool)
    case text(String)
    case number(Double)
    case date(CalendarDate)
    case country(CountryCode)
    case choice(String)
    case personnummer(Personnummer)
    case organisationsnummer(Organisationsnummer)

    /// The keyword of the type this value has (`bool`, `country`, …).
    public var typeKeyword: String {
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

    /// Whether this value may be stored for a fact of the given type (a choice must be one of its options).
    public func conforms(to type: FactType) -> Bool {
        switch (self, type) {
        case (.choice(let value), .choice(let options)): options.contains { $0.value == value }
        default: typeKeyword == type.keyword
        }
    }

    /// The stable text form used in storage and JSON: `true`, `12.5`, `2026-01-31`, `SE`, `199001012385`.
    /// Parsing it back with ``parse(_:as:)`` gives the same value.
    public var canonical: String {
        switch self {
        case .bool(let value): value ? "true" : "false"
        case .text(let value): value
        case .number(let value): FactValue.format(number: value)
        case .date(let value): value.description
        case .country(let value): value.alpha2
        case .choice(let value): value
        case .personnummer(let value): value.twelveDigits
        case .organisationsnummer(let value): value.tenDigits
        }
    }

    /// How the value reads to the person it belongs to, in their language.
    public func display(in language: Language, type: FactType? = nil) -> String {
        switch self {
        case .bool(let value):
            switch language {
            case .sv: value ? "ja" : "nej"
            case .en: value ? "yes" : "no"
            }
        case .country(let code): code.name(in: language)
        case .choice(let value): type?.options.first { $0.value == value }?.label[language] ?? value
        case .personnummer(let value): value.formatted
        case .organisationsnummer(let value): value.formatted
        default: canonical
        }
    }

    static func format(number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// Parses what a person typed (or a stored canonical form) as a value of `type`.
    ///
    /// Accepts the forms people actually write: `ja`/`nej`/`yes`/`no` for booleans, `1 500` and `2,5` for
    /// numbers, country names in Swedish or English as well as codes, a choice's label as well as its value.
    public static func parse(_ input: String, as type: FactType, today: CalendarDate = .today()) throws(FactValueError) -> FactValue {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw FactValueError(type: type, reason: .empty) }
        switch type {
        case .bool:
            switch trimmed.lowercased() {
            case "true", "yes", "y", "ja", "j": return .bool(true)
            case "false", "no", "n", "nej": return .bool(false)
            default: throw FactValueError(type: type, reason: .notBool)
            }
        case .text:
            return .text(trimmed)
        case .number:
            let normalized = trimmed.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
                .replacingOccurrences(of: ",", with: ".")
            guard let number = Double(normalized), number.isFinite else { throw FactValueError(type: type, reason: .notNumber) }
            return .number(number)
        case .date:
            guard let date = CalendarDate(iso: trimmed) else { throw FactValueError(type: type, reason: .notDate) }
            return .date(date)
        case .country:
            guard let code = CountryCode(codeOrName: trimmed) else { throw FactValueError(type: type, reason: .unknownCountry) }
            return .country(code)
        case .choice(let options):
            let folded = CountryTable.fold(trimmed)
            if let option = options.first(where: { $0.value == trimmed })
                ?? options.first(where: { CountryTable.fold($0.value) == folded || CountryTable.fold($0.label.sv) == folded || CountryTable.fold($0.label.en) == folded })
            {
                return .choice(option.value)
            }
            if let index = Int(trimmed), options.indices.contains(index - 1) { return .choice(options[index - 1].value) }
            throw FactValueError(type: type, reason: .notAnOption(options.map(\.value)))
        case .personnummer:
            do { return .personnummer(try Personnummer(parsing: trimmed, today: today)) } catch {
                throw FactValueError(type: type, reason: .identity(error))
            }
        case .organisationsnummer:
            do { return .organisationsnummer(try Organisationsnummer(parsing: trimmed)) } catch {
                throw FactValueError(type: type, reason: .identity(error))
            }
        }
    }
}

/// Why a typed answer is not a value of the fact's type. The message never repeats the input,
/// which may be personal data.
public struct FactValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case empty
        case notBool
        case notNumber
        case notDate
        case unknownCountry
        case notAnOption([String])
        case identity(IdentityNumberError)
    }

    public let type: FactType
    public let reason: Reason

    /// What is wrong, in English.
    public var message: String { message(in: .en) }

    /// How to write a valid answer, in English.
    public var hint: String { hint(in: .en) }

    /// What is wrong, in the given language.
    public func message(in language: Language) -> String {
        switch (reason, language) {
        case (.empty, .en): "an answer is required"
        case (.empty, .sv): "ett svar behövs"
        case (.notBool, .en): "expected yes or no"
        case (.notBool, .sv): "svaret ska vara ja eller nej"
        case (.notNumber, .en): "expected a number"
        case (.notNumber, .sv): "svaret ska vara ett tal"
        case (.notDate, .en): "expected a date written YYYY-MM-DD"
        case (.notDate, .sv): "svaret ska vara ett datum skrivet ÅÅÅÅ-MM-DD"
        case (.unknownCountry, .en): "not a known country"
        case (.unknownCountry, .sv): "inget land som Lotsen känner till"
        case (.notAnOption(let options), .en): "expected one of: \(options.joined(separator: ", "))"
        case (.notAnOption(let options), .sv): "svaret ska vara ett av: \(options.joined(separator: ", "))"
        case (.identity(let error), _): error.message(in: language)
        }
    }

    /// How to write a valid answer, in the given language.
    public func hint(in language: Language) -> String {
        switch (reason, language) {
        case (.empty, .en): "type an answer"
        case (.empty, .sv): "skriv ett svar"
        case (.notBool, .en): "answer yes/no (or ja/nej)"
        case (.notBool, .sv): "svara ja/nej (eller yes/no)"
        case (.notNumber, .en): "write digits, for example 1500 or 2,5"
        case (.notNumber, .sv): "skriv siffror, till exempel 1500 eller 2,5"
        case (.notDate, .en): "for example 2026-03-01"
        case (.notDate, .sv): "till exempel 2026-03-01"
        case (.unknownCountry, .en): "write the country's name in English or Swedish, or its two-letter code such as DE"
        case (.unknownCountry, .sv): "skriv landets namn på svenska eller engelska, eller dess landskod med två bokstäver, till exempel DE"
        case (.notAnOption, .en): "write one of the options exactly, or its number in the list"
        case (.notAnOption, .sv): "skriv ett av alternativen precis som det står, eller dess nummer i listan"
        case (.identity(let error), _): error.hint(in: language)
        }
    }

    public var description: String { "\(message) (\(hint))" }
}
