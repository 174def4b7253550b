import Foundation
import JourneyModel
import Testing

// Valid fixtures are public agencies' own organisationsnummer (public information, not personal data):
// Skatteverket 202100-5448 and Bolagsverket 202100-5489; both pass the Luhn check. The personnummer used to
// show the third-digit rule is Skatteverket's test personnummer 19900101-2385 ("Testpersonnummer", CC0).

@Suite("Organisationsnummer")
struct OrganisationsnummerTests {
    @Test("accepts ten digits with or without the hyphen, the 16 prefix, and surrounding whitespace", arguments: [
        "202100-5448", "2021005448", "162021005448", "16202100-5448", "  202100-5448\n",
    ])
    func acceptsWrittenForms(input: String) throws {
        let number = try Organisationsnummer(parsing: input)
        #expect(number.tenDigits == "2021005448")
        #expect(number.formatted == "202100-5448")
        #expect("\(number)" == "202100-5448")
    }

    @Test("agencies' numbers are in the group of the state, regions and municipalities")
    func legalFormGroupOfAgencies() async throws {
        #expect(try Organisationsnummer(parsing: "202100-5489").legalFormGroup == .stateRegionOrMunicipality)
        #expect(try Organisationsnummer(parsing: OfficialTestNumbers.organisationsnummerSkatteverket).legalFormGroup == .stateRegionOrMunicipality)
    }

    @Test("the first digit maps to Bolagsverket's groups", arguments: [
        (1, Organisationsnummer.LegalFormGroup.estate), (2, .stateRegionOrMunicipality), (3, .foreignCompany),
        (5, .limitedCompany), (6, .simplePartnership), (7, .economicAssociation),
        (8, .nonProfitAssociationOrFoundation), (9, .partnership),
    ])
    func legalFormGroups(digit: Int, group: Organisationsnummer.LegalFormGroup) {
        #expect(Organisationsnummer.LegalFormGroup(rawValue: digit) == group)
    }

    @Test("a third digit below 2 is a personnummer, not an organisationsnummer", arguments: [
        "900101-2385", "9001012385", "199001012385", "19900101-2385",
    ])
    func thirdDigitRule(input: String) {
        #expect(throws: IdentityNumberError.thirdDigitTooLow) { try Organisationsnummer(parsing: input) }
    }

    @Test("twelve digits must start with 16")
    func unknownPrefix() async {
        #expect(throws: IdentityNumberError.unknownPrefix) { try Organisationsnummer(parsing: "172021005448") }
    }

    @Test("a wrong check digit is refused", arguments: ["202100-5449", "202100-5484", "162021005447"])
    func wrongCheckDigit(input: String) async {
        #expect(throws: IdentityNumberError.checkDigitMismatch(.organisationsnummer)) { try Organisationsnummer(parsing: input) }
    }

    @Test("only 10 digits (or 12 with the prefix) make an organisationsnummer", arguments: [
        ("202100-544", 9), ("20210054480", 11), ("1620210054480", 13),
    ])
    func wrongLength(input: String, digits: Int) {
        #expect(throws: IdentityNumberError.wrongLength(.organisationsnummer, digits: digits)) {
            try Organisationsnummer(parsing: input)
        }
    }

    @Test("letters and a plus sign are refused", arguments: ["202100-544X", "SE2021005448", "202100+5448", "202100 5448"])
    func unexpectedCharacters(input: String) async {
        #expect(throws: IdentityNumberError.unexpectedCharacter(.organisationsnummer)) { try Organisationsnummer(parsing: input) }
    }

    @Test("the hyphen goes after the sixth digit, once", arguments: ["2021-005448", "16-202100-5448", "162021-005448", "202100--5448"])
    func misplacedSeparator(input: String) async {
        #expect(throws: IdentityNumberError.misplacedSeparator(.organisationsnummer)) { try Organisationsnummer(parsing: input) }
    }

    @Test("empty input is refused")
    func empty() async {
        #expect(throws: IdentityNumberError.empty(.organisationsnummer)) { try Organisationsnummer(parsing: " ") }
    }

    @Test("error messages and hints never contain the digits that were typed", arguments: [
        "202100-5449", "900101-2385", "172021005448", "202100-544", "202100-544X", "2021-005448",
    ])
    func errorsDoNotEchoInput(input: String) {
        do {
            _ = try Organisationsnummer(parsing: input)
            Issue.record("expected the input to be refused")
        } catch {
            let digits = input.filter(\.isASCIIDigit)
            for text in [error.message, error.hint] {
                #expect(!text.contains(digits))
                for start in 0...(digits.count - 4) {
                    #expect(!text.contains(digits.dropFirst(start).prefix(4)), "\(error) repeats part of the input")
                }
            }
        }
    }

    @Test("encodes as the ten digits and decodes any accepted form, validating")
    func codable() async throws {
        let number = try Organisationsnummer(parsing: "16202100-5489")
        let data = try JSONEncoder().encode(number)
        #expect(String(decoding: data, as: UTF8.self) == "\"2021005489\"")
        #expect(try JSONDecoder().decode(Organisationsnummer.self, from: data) == number)
        #expect(try JSONDecoder().decode(Organisationsnummer.self, from: Data("\"202100-5489\"".utf8)) == number)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Organisationsnummer.self, from: Data("\"2021005488\"".utf8))
        }
    }

    @Test("the agencies' numbers in OfficialTestNumbers are valid", arguments: [
        OfficialTestNumbers.organisationsnummerSkatteverket, OfficialTestNumbers.organisationsnummerBolagsverket,
    ])
    func officialNumbersParse(number: String) throws {
        #expect(try Organisationsnummer(parsing: number).tenDigits == number)
    }
}
