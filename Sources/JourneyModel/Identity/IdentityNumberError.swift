/// Why a text is not a valid personnummer, samordningsnummer or organisationsnummer.
///
/// ``message`` and ``hint`` never repeat the input or any of its digits: an identity number is personal data
/// and these texts end up in logs and on screens.
public enum IdentityNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which kind of number the text was read as, so messages can name it.
    public enum Subject: String, Hashable, Sendable, Codable {
        case personnummer
        case organisationsnummer

        /// The number's name in English: one name per thing, as the journeys write it (an organisationsnummer keeps
        /// its Swedish name, as the journeys do).
        public var englishName: String {
            switch self {
            case .personnummer: "personal identity number"
            case .organisationsnummer: "organisationsnummer"
            }
        }
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
    public var message: String { message(in: .en) }

    /// How to write a valid number, in English, without any digit of the input.
    public var hint: String { hint(in: .en) }

    /// What is wrong, in the given language, without any digit of the input.
    public func message(in language: Language) -> String {
        switch language.authored {
        case .en: englishMessage
        case .sv: swedishMessage
        }
    }

    /// How to write a valid number, in the given language, without any digit of the input.
    public func hint(in language: Language) -> String {
        switch language.authored {
        case .en: englishHint
        case .sv: swedishHint
        }
    }

    private var englishMessage: String {
        switch self {
        case .empty(let subject):
            "no \(subject.englishName) was given"
        case .unexpectedCharacter(let subject):
            "\(subject == .personnummer ? "a" : "an") \(subject.englishName) may only contain digits and one separator"
        case .misplacedSeparator(let subject):
            switch subject {
            case .personnummer: "the separator must stand between the birth date and the last four digits"
            case .organisationsnummer: "the separator must stand between the sixth and the seventh digit"
            }
        case .wrongLength(let subject, let digits):
            switch subject {
            case .personnummer: "a personal identity number has 10 or 12 digits, not \(digits)"
            case .organisationsnummer: "an organisationsnummer has 10 digits (12 with the prefix 16), not \(digits)"
            }
        case .checkDigitMismatch(let subject):
            "the check digit of the \(subject.englishName) does not match"
        case .invalidDate:
            "the birth date in the personal identity number does not exist (a coordination number has day 61–91: the birth day plus 60)"
        case .futureBirthDate:
            "the birth date in the personal identity number lies in the future"
        case .plusWithFourDigitYear:
            "a plus sign only belongs in the ten-digit form, where it marks a person aged 100 or more"
        case .thirdDigitTooLow:
            "the third digit of an organisationsnummer is always 2 or more; this looks like a personal identity number"
        case .unknownPrefix:
            "a twelve-digit organisationsnummer starts with 16"
        }
    }

    private var swedishMessage: String {
        switch self {
        case .empty(let subject):
            "inget \(subject.rawValue) angavs"
        case .unexpectedCharacter(let subject):
            "ett \(subject.rawValue) får bara innehålla siffror och ett skiljetecken"
        case .misplacedSeparator(let subject):
            switch subject {
            case .personnummer: "skiljetecknet ska stå mellan födelsedatumet och de fyra sista siffrorna"
            case .organisationsnummer: "skiljetecknet ska stå mellan den sjätte och den sjunde siffran"
            }
        case .wrongLength(let subject, let digits):
            switch subject {
            case .personnummer: "ett personnummer har 10 eller 12 siffror, inte \(digits)"
            case .organisationsnummer: "ett organisationsnummer har 10 siffror (12 med prefixet 16), inte \(digits)"
            }
        case .checkDigitMismatch(let subject):
            "kontrollsiffran i \(subject == .personnummer ? "personnumret" : "organisationsnumret") stämmer inte"
        case .invalidDate:
            "födelsedatumet i personnumret finns inte (ett samordningsnummer har dag 61–91: födelsedagen plus 60)"
        case .futureBirthDate:
            "födelsedatumet i personnumret ligger i framtiden"
        case .plusWithFourDigitYear:
            "plustecken hör bara hemma i den tiosiffriga formen, där det visar att personen är 100 år eller äldre"
        case .thirdDigitTooLow:
            "den tredje siffran i ett organisationsnummer är alltid 2 eller högre; det här ser ut som ett personnummer"
        case .unknownPrefix:
            "ett tolvsiffrigt organisationsnummer börjar med 16"
        }
    }

    private var englishHint: String {
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
            "a sole trader's business (enskild firma) uses the owner's personal identity number; give that where a personal identity number is asked for"
        }
    }

    private var swedishHint: String {
        switch self {
        case .empty(.personnummer), .unexpectedCharacter(.personnummer), .misplacedSeparator(.personnummer),
            .wrongLength(.personnummer, _):
            "skriv födelsedatumet och fyra siffror: ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN"
        case .empty(.organisationsnummer), .unexpectedCharacter(.organisationsnummer),
            .misplacedSeparator(.organisationsnummer), .wrongLength(.organisationsnummer, _), .unknownPrefix:
            "skriv 10 siffror som NNNNNN-NNNN, så som det står på registreringsbeviset"
        case .checkDigitMismatch:
            "kontrollera varje siffra igen; troligen är en siffra felskriven eller två omkastade"
        case .invalidDate:
            "kontrollera år, månad och dag; månaden är 01–12 och dagen måste finnas i den månaden"
        case .futureBirthDate:
            "kontrollera året; skriv alla fyra siffrorna i födelseåret"
        case .plusWithFourDigitYear:
            "med fyrsiffrigt år skriver du ÅÅÅÅMMDD-NNNN, med bindestreck"
        case .thirdDigitTooLow:
            "en enskild firma använder ägarens personnummer; ange det där ett personnummer efterfrågas"
        }
    }

    public var description: String { "\(message) (\(hint))" }
}
