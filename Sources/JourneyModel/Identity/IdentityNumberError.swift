/// Why a text is not a valid personnummer, samordningsnummer or organisationsnummer.
///
/// ``message`` and ``hint`` never repeat the input or any of its digits: an identity number is personal data
/// and these texts end up in logs and on screens.
public enum IdentityNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which kind of number the text was read as, so messages can name it.
    public enum Subject: String, Hashable, Sendable, Codable {
        case personnummer
        case organisationsnummer
    }

    /// Nothing but whitespace.
    case empty(Subject)
    /// A character other than the digits 0–9 and one separator (`-`, or `+` in a ten-digit personnummer).
    case unexpectedCharacter(Subject)
    /// More than one separator, or one that is not between the date (or first six digits) and the rest.
    case misplacedSeparator(Subject)
    /// The wrong number of digits; `digits` is how many there were.
    case wrongLength(Subject, digits: Int)
    /// The last digit does not follow the Luhn algorithm.
    case checkDigitMismatch(Subject)
    /// The date part of a personnummer is not a date that exists (for a samordningsnummer: day 61–91).
    case invalidDate
    /// The birth date of a personnummer with a four-digit year lies after today.
    case futureBirthDate
    /// `+` (100 years or older) used with a four-digit year, where the year already says the century.
    case plusWithFourDigitYear
    /// An organisationsnummer whose third digit is 0 or 1: that is the shape of a personnummer.
    case thirdDigitTooLow
    /// A twelve-digit organisationsnummer that does not start with `16`.
    case unknownPrefix

    /// What is wrong, in English, without any digit of the input.
    public var message: String {
        switch self {
        case .empty(let subject):
            "no \(subject.rawValue) was given"
        case .unexpectedCharacter(let subject):
            "a \(subject.rawValue) may only contain digits and one separator"
        case .misplacedSeparator(let subject):
            switch subject {
            case .personnummer: "the separator must stand between the birth date and the last four digits"
            case .organisationsnummer: "the separator must stand between the sixth and the seventh digit"
            }
        case .wrongLength(let subject, let digits):
            switch subject {
            case .personnummer: "a personnummer has 10 or 12 digits, not \(digits)"
            case .organisationsnummer: "an organisationsnummer has 10 digits (12 with the prefix 16), not \(digits)"
            }
        case .checkDigitMismatch(let subject):
            "the check digit of the \(subject.rawValue) does not match (the last digit must follow the Luhn algorithm)"
        case .invalidDate:
            "the birth date in the personnummer does not exist (a samordningsnummer has day 61–91: the birth day plus 60)"
        case .futureBirthDate:
            "the birth date in the personnummer lies in the future"
        case .plusWithFourDigitYear:
            "a plus sign only belongs in the ten-digit form, where it marks a person aged 100 or more"
        case .thirdDigitTooLow:
            "the third digit of an organisationsnummer is always 2 or more; this looks like a personnummer"
        case .unknownPrefix:
            "a twelve-digit organisationsnummer starts with 16"
        }
    }

    /// How to write a valid number, without any digit of the input.
    public var hint: String {
        switch self {
        case .empty(.personnummer), .unexpectedCharacter(.personnummer), .misplacedSeparator(.personnummer),
            .wrongLength(.personnummer, _):
            "write the birth date and four digits: YYYYMMDD-NNNN, or YYMMDD-NNNN"
        case .empty(.organisationsnummer), .unexpectedCharacter(.organisationsnummer),
            .misplacedSeparator(.organisationsnummer), .wrongLength(.organisationsnummer, _), .unknownPrefix:
            "write 10 digits as NNNNNN-NNNN, as on the registration certificate"
        case .checkDigitMismatch:
            "check each digit again; one is probably mistyped or two are swapped"
        case .invalidDate:
            "check the year, month and day; the month is 01–12 and the day must exist in that month"
        case .futureBirthDate:
            "check the year; write all four digits of the birth year"
        case .plusWithFourDigitYear:
            "with a four-digit year write YYYYMMDD-NNNN, with a hyphen"
        case .thirdDigitTooLow:
            "a sole trader's business (enskild firma) uses the owner's personnummer; give that where a personnummer is asked for"
        }
    }

    public var description: String { "\(message) (\(hint))" }
}
