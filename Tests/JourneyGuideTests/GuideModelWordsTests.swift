import Foundation
import JourneyEngine
import JourneyModel
import Testing

@testable import JourneyGuide

/// Durations, deadlines and refusal reasons are made in JourneyModel and JourneyEngine in Swedish and English for
/// the API and the command line; the guide says them through its catalog so they can be translated. These tests
/// hold the two to the same words, and show the translated ones.
@Suite("The guide's durations, deadlines and refusals: the model's words in Swedish and English, translated otherwise")
struct GuideModelWordsTests {
    static let durations = ["P1Y", "P2Y", "P1Y2M", "P3M", "P1M1W", "P4W", "P1W3D", "P1D", "P10D", "PT1H", "PT2H30M", "PT1M", "PT5M1S", "PT1S", "PT45S"]
        .compactMap(ISODuration.init)

    static let identityErrors: [IdentityNumberError] = [IdentityNumberError.Subject.personnummer, .organisationsnummer].flatMap { subject in
        [.empty(subject), .unexpectedCharacter(subject), .misplacedSeparator(subject), .wrongLength(subject, digits: 9), .checkDigitMismatch(subject)]
    } + [.invalidDate, .futureBirthDate, .plusWithFourDigitYear, .thirdDigitTooLow, .unknownPrefix]

    static let reasons: [FactValueError.Reason] = [
        .empty, .notBool, .notNumber, .decimalComma, .notDate, .unknownCountry, .controlCharacter("U+001B", position: 3), .tooLong(200),
        .notWholeNumber, .tooSmall(minimum: 0, maximum: 100_000), .tooSmall(minimum: 1, maximum: nil), .tooLarge(maximum: 2500.5, minimum: nil),
        .tooLarge(maximum: 10, minimum: 1),
    ] + identityErrors.map { .identity($0) }

    @Test("in Swedish and English a duration reads word for word as the model's", arguments: [Language.sv, .en])
    func durationsAsTheModelSays(_ language: Language) {
        let strings = GuideStrings(language: language)
        for duration in Self.durations {
            #expect(strings.duration(duration) == duration.humanReadable(in: language), "\(duration)")
        }
    }

    @Test("in Swedish and English a refused answer or number reads word for word as the model's reason and hint", arguments: [Language.sv, .en])
    func refusalsAsTheModelSays(_ language: Language) {
        let strings = GuideStrings(language: language)
        for reason in Self.reasons {
            let error = FactValueError(type: .number, reason: reason)
            #expect(strings.tryAgain(error) == strings.tryAgain(error.message(in: language), hint: error.hint(in: language)), "\(reason)")
        }
        for error in Self.identityErrors {
            #expect(strings.tryAgain(error) == strings.tryAgain(error.message(in: language), hint: error.hint(in: language)), "\(error)")
        }
    }

    @Test("in Swedish and English a deadline and an agency's delay read as the engine's texts", arguments: [Language.sv, .en])
    func deadlinesAsTheEngineSays(_ language: Language) {
        let strings = GuideStrings(language: language)
        let due = Date(timeIntervalSince1970: 1_830_000_000)
        for standing in DueStanding.allCases {
            let text = standing.text(due: due, in: language)
            #expect(strings.deadline(standing, day: DueStanding.day(of: due)) == text.prefix(1).uppercased() + text.dropFirst())
        }
        for duration in Self.durations {
            #expect(strings.agencyDelay(usually: duration) == AgencyDelay.text(usually: duration, in: language))
        }
    }

    @Test("with the shipped translations, durations, deadlines and refusals have nothing in English", arguments: [Language.ar, .fa, .so, .ti, .uk])
    func translatedEverywhere(_ language: Language) {
        let strings = GuideFixture.strings(language)
        let english = GuideStrings(language: .en)
        let marker = strings.inEnglish
        var texts = Self.durations.map { strings.duration($0) } + Self.durations.map { strings.agencyDelay(usually: $0) }
        texts += DueStanding.allCases.map { strings.deadline($0, day: "2027-12-04") }
        texts += Self.reasons.map { strings.tryAgain(FactValueError(type: .number, reason: $0)) }
        for text in texts {
            #expect(!text.contains(marker), "\(language): \(text)")
        }
        #expect(strings.duration(ISODuration("P4W")!) != english.duration(ISODuration("P4W")!))
        #expect(strings.tryAgain(IdentityNumberError.checkDigitMismatch(.personnummer)) != english.tryAgain(IdentityNumberError.checkDigitMismatch(.personnummer)))
    }

    @Test("a translated duration says one and many in their own forms, joined as the language joins a list")
    func translatedDurationForms() {
        let ukrainian = GuideFixture.strings(.uk)
        #expect(ukrainian.duration(ISODuration("P1W")!) == "1 тиждень")
        #expect(ukrainian.duration(ISODuration("P4W")!) == "4 тиж.")
        #expect(ukrainian.duration(ISODuration("P1Y2M")!) == "1 рік і 2 міс.")
        #expect(GuideFixture.strings(.so).duration(ISODuration("P3M")!) == "3 bilood")
        #expect(GuideFixture.strings(.ar).tryAgain(FactValueError(type: .number, reason: .tooLong(200)))
            == "حاول مرة أخرى: الإجابة أطول من 200 حرفاً. اختصرها إلى 200 حرفاً على الأكثر.")
    }
}
