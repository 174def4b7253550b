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
        case .bool(let value): value ? language.yes : language.no
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
    /// Accepts the forms people actually write: `ja`/`nej`/`yes`/`no` for booleans, `1 500` for numbers,
    /// country names in Swedish or English as well as codes, a choice's label as well as its value. A number's
    /// decimal mark follows `language`, as ``format(number:in:)`` writes it: in Swedish and Ukrainian a comma (`2,5`; a
    /// point is understood too), in the other languages a point (`2.5`; a comma only groups thousands, as in `1,500`).
    /// Without a language a comma is a decimal mark. Yes and no are understood in every language's words, and digits
    /// typed on an Arabic or Persian keyboard as 0–9 (``WesternDigits``).
    /// A text may not contain control characters (``ControlCharacters``): it is one line of plain text.
    public static func parse(_ input: String, as type: FactType, language: Language? = nil, today: CalendarDate = .today())
        throws(FactValueError) -> FactValue
    {
        var trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw FactValueError(type: type, reason: .empty) }
        if type != .text { trimmed = WesternDigits.normalized(trimmed) }
        switch type {
        case .bool:
            let word = trimmed.lowercased()
            if ["true", "y", "j"].contains(word) || Language.allCases.contains(where: { $0.yesWords.contains(word) }) { return .bool(true) }
            if ["false", "n"].contains(word) || Language.allCases.contains(where: { $0.noWords.contains(word) }) { return .bool(false) }
            throw FactValueError(type: type, reason: .notBool)
        case .text:
            if let control = ControlCharacters.first(in: trimmed) {
                throw FactValueError(type: type, reason: .controlCharacter(ControlCharacters.name(control.scalar), position: control.position))
            }
            return .text(trimmed)
        case .number:
            return .number(try parseNumber(trimmed, language: language))
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

    /// Reads a number as people write it: digits with an optional sign, spaces (also no-break and thin ones)
    /// between groups of digits, and one decimal mark as ``parse(_:as:language:today:)`` describes.
    /// Exponents, hexadecimal, `inf` and `nan` are not numbers a person types, and are refused.
    static func parseNumber(_ text: String, language: Language?) throws(FactValueError) -> Double {
        var digits = String(text.unicodeScalars.filter { ![" ", "\u{00A0}", "\u{2009}", "\u{202F}"].contains($0) })
        if digits.hasPrefix("\u{2212}") { digits = "-" + digits.dropFirst() }
        var sign = ""
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            digits.removeFirst()
        }
        if let language, !language.writesDecimalComma, digits.contains(",") {
            // A comma only groups thousands in English: 1,500 and 12,000,000, never 1,5.
            let whole = digits.prefix { $0 != "." }
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw FactValueError(type: .number, reason: .decimalComma)
            }
            digits = groups.joined() + digits.dropFirst(whole.count)
        } else {
            digits = digits.replacingOccurrences(of: ",", with: ".")
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let number = Double(sign + (parts[0].isEmpty ? "0" : parts[0]) + (parts.count == 2 ? "." + parts[1] : "")), number.isFinite
        else { throw FactValueError(type: .number, reason: .notNumber) }
        return number == 0 ? 0 : number
    }

    /// A number as the person reads it: thousands grouped with a space in Swedish and Ukrainian (`100 000`, `2,5`) and
    /// a comma in the other languages (`100,000`, `2.5`).
    public static func format(number: Double, in language: Language) -> String {
        let plain = format(number: number)
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let whole = unsigned.prefix { $0 != "." }
        let fraction = unsigned.dropFirst(whole.count).dropFirst()
        guard !whole.contains("e") else { return plain }
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped += language.writesDecimalComma ? " " : "," }
            grouped.append(digit)
        }
        if !fraction.isEmpty { grouped += (language.writesDecimalComma ? "," : ".") + fraction }
        return (negative ? "-" : "") + grouped
    }
}
