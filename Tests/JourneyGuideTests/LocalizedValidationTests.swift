import JourneyModel
import Testing

/// The guide shows validation problems in the person's language; the English API stays as it was.
@Suite("Validation messages in Swedish and English")
struct LocalizedValidationTests {
    static let identityErrors: [IdentityNumberError] = [
        .empty(.personnummer), .empty(.organisationsnummer), .unexpectedCharacter(.personnummer), .misplacedSeparator(.organisationsnummer),
        .wrongLength(.personnummer, digits: 9), .wrongLength(.organisationsnummer, digits: 11), .checkDigitMismatch(.personnummer),
        .checkDigitMismatch(.organisationsnummer), .invalidDate, .futureBirthDate, .plusWithFourDigitYear, .thirdDigitTooLow, .unknownPrefix,
    ]

    @Test("every identity-number problem has its own Swedish message and hint, and English stays the default", arguments: identityErrors)
    func identityErrorsSpeakSwedish(error: IdentityNumberError) async {
        #expect(error.message == error.message(in: .en))
        #expect(error.hint == error.hint(in: .en))
        #expect(!error.message(in: .sv).isEmpty && error.message(in: .sv) != error.message)
        #expect(!error.hint(in: .sv).isEmpty && error.hint(in: .sv) != error.hint)
    }

    @Test("a typed answer of the wrong kind is explained in Swedish, and a wrong number never repeats its digits")
    func factValueErrorsSpeakSwedish() async throws {
        func failure(_ input: String, _ type: FactType) -> FactValueError? {
            do throws(FactValueError) {
                _ = try FactValue.parse(input, as: type)
                return nil
            } catch { return error }
        }
        let notBool = try #require(failure("kanske", .bool))
        #expect(notBool.message(in: .sv) == "svaret ska vara ja eller nej")
        #expect(notBool.hint(in: .sv) == "svara ja/nej (eller yes/no)")
        #expect(notBool.message == "expected yes or no")
        let country = try #require(failure("Atlantis", .country))
        #expect(country.message(in: .sv) == "inget land som Lotsen känner till")
        let number = try #require(failure("19900101-2386", .personnummer))
        #expect(number.message(in: .sv) == "kontrollsiffran i personnumret stämmer inte")
        for text in [number.message(in: .sv), number.hint(in: .sv)] { #expect(!text.contains("2386") && !text.contains("900101")) }
    }
}
