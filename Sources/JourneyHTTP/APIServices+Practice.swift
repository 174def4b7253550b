import HTTPTypes
import JourneyModel

extension APIServices {
    /// On every response while the agencies are the sandbox: `Lotsen-Practice: sandbox`.
    static let practiceHeader = HTTPField.Name("Lotsen-Practice")!

    /// The guide's practice line, in `language` (its translation from `translations/<lang>/guide.yaml`, else English),
    /// for documents that show a person's steps; `nil` when real agencies answer.
    func practiceNotice(_ language: Language) -> String? {
        guard practice else { return nil }
        switch language {
        case .sv: return Self.practiceSwedish
        case .en: return Self.practiceEnglish
        default: return library.guideTranslation(language)?.entry(Self.practiceKey)?.text ?? Self.practiceEnglish
        }
    }

    /// The guide's catalog key and words for the practice line, so the API says what every guide screen says.
    static let practiceKey = "practice"
    static let practiceEnglish = "Practice: sandbox agencies answer; no real agency is contacted."
    static let practiceSwedish = "Övning: sandlådemyndigheter svarar; ingen riktig myndighet kontaktas."
}
