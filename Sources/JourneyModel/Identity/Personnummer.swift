import Foundation

/// A Swedish personal identity number, or a coordination number (samordningsnummer: the birth day plus 60).
///
/// Parsing accepts the forms people write:
/// - 12 digits: `YYYYMMDDNNNC` or `YYYYMMDD-NNNC`;
/// - 10 digits: `YYMMDD-NNNC`, `YYMMDDNNNC` (both: younger than 100), or `YYMMDD+NNNC` (100 or older).
///
/// The value keeps only the canonical twelve digits. Its ``description`` is redacted, so interpolating it
/// into a log line or an error never leaks the number; use ``formatted`` or ``twelveDigits`` deliberately.
public struct Personnummer: Hashable, Sendable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Whether the number was given by folkbokföring (personnummer) or to someone who is not folkbokförd.
    public enum Kind: String, Hashable, Sendable, Codable {
        case personnummer
        case samordningsnummer
    }

    /// The canonical form `YYYYMMDDNNNC`; a samordningsnummer keeps its day plus 60.
    public let twelveDigits: String

    /// Parses a personnummer or samordningsnummer as a person writes it.
    ///
    /// - Parameter today: the date the century of a ten-digit form is resolved against, and after which a
    ///   birth date is refused. Pass it explicitly wherever the result must not depend on the clock.
    public init(parsing input: String, today: CalendarDate = .today()) throws(IdentityNumberError) {
        self.twelveDigits = try Personnummer.canonical(from: input, today: today)
    }

    /// `personnummer`, or `samordningsnummer` when the day is 61–91.
    public var kind: Kind { day > 60 ? .samordningsnummer : .personnummer }

    /// The real birth date (for a samordningsnummer the day minus 60).
    public var birthDate: CalendarDate {
        // Validated at construction, so the date exists.
        CalendarDate(year: year, month: month, day: day > 60 ? day - 60 : day)!
    }

    /// `YYYYMMDD-NNNC`, the form agencies print; shows the whole number, so use it only where it is meant to be seen.
    public var formatted: String { "\(twelveDigits.prefix(8))-\(twelveDigits.suffix(4))" }

    /// Redacted on purpose: a personnummer is personal data and must not reach logs by interpolation.
    public var description: String { "\(kind.rawValue)(redacted)" }
    public var debugDescription: String { description }
    /// No children, so `dump` and debuggers' mirrors do not print the digits either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Encodes as the twelve-digit string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(twelveDigits)
    }

    /// Decodes a twelve-digit string (a hyphen is allowed) and validates it; a ten-digit form is refused,
    /// because its century would depend on the day the data is read.
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard raw.filter(\.isASCIIDigit).count == 12 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a personnummer as twelve digits, YYYYMMDDNNNC"))
        }
        do throws(IdentityNumberError) {
            self.twelveDigits = try Personnummer.canonical(from: raw, today: .today())
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    // MARK: - Parts of the canonical digits

    private var year: Int { Int(twelveDigits.prefix(4))! }
    private var month: Int { Int(twelveDigits.dropFirst(4).prefix(2))! }
    private var day: Int { Int(twelveDigits.dropFirst(6).prefix(2))! }

    // MARK: - Parsing

    private enum Separator { case none, hyphen, plus }

    /// Checks shape, date, century and check digit, and returns the canonical twelve digits.
    private static func canonical(from input: String, today: CalendarDate) throws(IdentityNumberError) -> String {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty(.personnummer) }

        var digits: [Int] = []
        var separator = Separator.none
        var separatorIndex: Int?  // how many digits preceded the separator
        for character in trimmed {
            if character.isASCIIDigit {
                digits.append(character.wholeNumberValue!)
            } else if character == "+" || IdentityText.isHyphen(character) {
                guard separatorIndex == nil else { throw .misplacedSeparator(.personnummer) }
                separator = character == "+" ? .plus : .hyphen
                separatorIndex = digits.count
            } else {
                throw .unexpectedCharacter(.personnummer)
            }
        }

        let yearDigits: Int
        switch digits.count {
        case 10: yearDigits = 2
        case 12: yearDigits = 4
        default: throw .wrongLength(.personnummer, digits: digits.count)
        }
        if let separatorIndex, separatorIndex != yearDigits + 4 { throw .misplacedSeparator(.personnummer) }
        if yearDigits == 4, separator == .plus { throw .plusWithFourDigitYear }

        let month = digits[yearDigits] * 10 + digits[yearDigits + 1]
        let encodedDay = digits[yearDigits + 2] * 10 + digits[yearDigits + 3]
        // A samordningsnummer adds 60 to the day; days 32–60 belong to neither kind.
        let day = encodedDay > 60 ? encodedDay - 60 : encodedDay
        guard (1...12).contains(month), (1...31).contains(day) else { throw .invalidDate }

        let year: Int
        if yearDigits == 4 {
            year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        } else {
            // The most recent century that does not put the birth after today; `+` then means 100 years more.
            let twoDigitYear = digits[0] * 10 + digits[1]
            var candidate = (today.year / 100) * 100 + twoDigitYear
            if (candidate, month, day) > (today.year, today.month, today.day) { candidate -= 100 }
            if separator == .plus { candidate -= 100 }
            year = candidate
        }

        guard let birthDate = CalendarDate(year: year, month: month, day: day) else { throw .invalidDate }
        if birthDate > today { throw .futureBirthDate }

        // The check digit covers the ten-digit form, whatever form was written.
        let tenDigits = Array(digits.suffix(10))
        guard Luhn.isValid(tenDigits) else { throw .checkDigitMismatch(.personnummer) }

        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return paddedYear + tenDigits.dropFirst(2).map(String.init).joined()
    }
}

/// Small helpers shared by the identity-number parsers.
enum IdentityText {
    /// `-` and the dashes that word processors and PDFs substitute for it when a number is copied.
    static func isHyphen(_ character: Character) -> Bool {
        switch character {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2212}": true
        default: false
        }
    }
}
