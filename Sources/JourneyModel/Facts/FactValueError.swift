/// Why a typed answer is not a value of the fact's type, or breaks the fact's bounds. The message never repeats
/// the input, which may be personal data.
public struct FactValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case empty
        case notBool
        case notNumber
        /// `1,5` in English, where a comma only groups thousands.
        case decimalComma
        case notDate
        case unknownCountry
        case notAnOption([String])
        case identity(IdentityNumberError)
        /// A text with a control character (named like `U+001B`) at a position counted from 1.
        case controlCharacter(String, position: Int)
        /// A text longer than the fact allows, in characters.
        case tooLong(Int)
        /// A number with a fraction for a fact that counts whole things.
        case notWholeNumber
        /// A number below the fact's `min`; with its `max`, if any, for the hint.
        case tooSmall(minimum: Double, maximum: Double?)
        /// A number above the fact's `max`; with its `min`, if any, for the hint.
        case tooLarge(maximum: Double, minimum: Double?)
    }

    public let type: FactType
    public let reason: Reason

    public init(type: FactType, reason: Reason) {
        self.type = type
        self.reason = reason
    }

    /// What is wrong, in English.
    public var message: String { message(in: .en) }

    /// How to write a valid answer, in English.
    public var hint: String { hint(in: .en) }

    /// What is wrong, in the given language.
    public func message(in language: Language) -> String {
        switch (reason, language.authored) {
        case (.empty, .en): "an answer is required"
        case (.empty, .sv): "ett svar behövs"
        case (.notBool, .en): "expected yes or no"
        case (.notBool, .sv): "svaret ska vara ja eller nej"
        case (.notNumber, .en): "expected a number"
        case (.notNumber, .sv): "svaret ska vara ett tal"
        case (.decimalComma, .en): "a comma only separates thousands in English"
        case (.decimalComma, .sv): "ett kommatecken skiljer bara tusental åt på engelska"
        case (.notDate, .en): "expected a date written YYYY-MM-DD"
        case (.notDate, .sv): "svaret ska vara ett datum skrivet ÅÅÅÅ-MM-DD"
        case (.unknownCountry, .en): "not a known country"
        case (.unknownCountry, .sv): "inget land som Lotsen känner till"
        case (.notAnOption(let options), .en): "expected one of: \(options.joined(separator: ", "))"
        case (.notAnOption(let options), .sv): "svaret ska vara ett av: \(options.joined(separator: ", "))"
        case (.identity(let error), _): error.message(in: language)
        case (.controlCharacter(let name, let position), .en): "character \(position) is a control character (\(name)), which cannot be stored"
        case (.controlCharacter(let name, let position), .sv): "tecken \(position) är ett styrtecken (\(name)), som inte kan sparas"
        case (.tooLong(let limit), .en): "the answer is longer than \(limit) characters"
        case (.tooLong(let limit), .sv): "svaret är längre än \(limit) tecken"
        case (.notWholeNumber, .en): "expected a whole number"
        case (.notWholeNumber, .sv): "svaret ska vara ett heltal"
        case (.tooSmall(let minimum, _), .en): "the smallest answer allowed is \(FactValue.format(number: minimum, in: language))"
        case (.tooSmall(let minimum, _), .sv): "det minsta tillåtna svaret är \(FactValue.format(number: minimum, in: language))"
        case (.tooLarge(let maximum, _), .en): "the largest answer allowed is \(FactValue.format(number: maximum, in: language))"
        case (.tooLarge(let maximum, _), .sv): "det största tillåtna svaret är \(FactValue.format(number: maximum, in: language))"
        }
    }

    /// How to write a valid answer, in the given language.
    public func hint(in language: Language) -> String {
        switch (reason, language.authored) {
        case (.empty, .en): "type an answer"
        case (.empty, .sv): "skriv ett svar"
        case (.notBool, .en): "answer yes/no (or ja/nej)"
        case (.notBool, .sv): "svara ja/nej (eller yes/no)"
        case (.notNumber, .en): "write digits, for example 1500 or 2.5"
        case (.notNumber, .sv): "skriv siffror, till exempel 1500 eller 2,5"
        case (.decimalComma, .en): "write decimals with a point, for example 2.5"
        case (.decimalComma, .sv): "skriv decimaler med punkt, till exempel 2.5, eller svara på svenska"
        case (.notDate, .en): "for example 2026-03-01"
        case (.notDate, .sv): "till exempel 2026-03-01"
        case (.unknownCountry, .en): "write the country's name in English or Swedish, or its two-letter code such as DE"
        case (.unknownCountry, .sv): "skriv landets namn på svenska eller engelska, eller dess landskod med två bokstäver, till exempel DE"
        case (.notAnOption, .en): "write one of the options exactly, or its number in the list"
        case (.notAnOption, .sv): "skriv ett av alternativen precis som det står, eller dess nummer i listan"
        case (.identity(let error), _): error.hint(in: language)
        case (.controlCharacter, .en): "type the answer as one line of plain text, without tabs, line breaks or escape codes"
        case (.controlCharacter, .sv): "skriv svaret som en rad vanlig text, utan tabbar, radbrytningar eller styrkoder"
        case (.tooLong(let limit), .en): "shorten it to at most \(limit) characters"
        case (.tooLong(let limit), .sv): "korta det till högst \(limit) tecken"
        case (.notWholeNumber, .en): "write it without decimals, for example 3"
        case (.notWholeNumber, .sv): "skriv det utan decimaler, till exempel 3"
        case (.tooSmall(let minimum, let maximum), _): Self.range(minimum: minimum, maximum: maximum, in: language)
        case (.tooLarge(let maximum, let minimum), _): Self.range(minimum: minimum, maximum: maximum, in: language)
        }
    }

    public var description: String { "\(message) (\(hint))" }

    /// "write a number from 0 to 100,000" / "write 0 or more" / "write at most 10".
    static func range(minimum: Double?, maximum: Double?, in language: Language) -> String {
        let low = minimum.map { FactValue.format(number: $0, in: language) }
        let high = maximum.map { FactValue.format(number: $0, in: language) }
        switch (low, high, language.authored) {
        case (let low?, let high?, .en): return "write a number from \(low) to \(high)"
        case (let low?, let high?, .sv): return "skriv ett tal från \(low) till \(high)"
        case (let low?, nil, .en): return "write \(low) or more"
        case (let low?, nil, .sv): return "skriv \(low) eller mer"
        case (nil, let high?, .en): return "write at most \(high)"
        case (nil, let high?, .sv): return "skriv högst \(high)"
        case (nil, nil, _): return ""
        }
    }
}
