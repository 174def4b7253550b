import HTTPTypes
import JourneyModel

extension APIServices {
    /// Says which texts fell back: a response carrying journey texts in a translated language names English here
    /// when any text of those journeys, or of the agencies their steps use, has no translation and shows in English.
    static let fallbackLanguageHeader = HTTPField.Name("Lotsen-Fallback-Language")!

    /// `Content-Language` (the language asked for and served) for a response carrying the texts of `journeys`, with
    /// ``fallbackLanguageHeader`` when some of them fell back to English.
    func languageHeaders(_ language: Language, journeys ids: [JourneyID]) -> HTTPFields {
        var fields: HTTPFields = [.contentLanguage: language.rawValue]
        guard !language.isAuthoring else { return fields }
        let journeys = ids.compactMap(library.journey)
        let agencies = Set(journeys.flatMap { $0.steps.compactMap { $0.service?.agency } }).compactMap(library.catalog.agency)
        let texts = journeys.flatMap(\.localizedTexts) + agencies.flatMap(\.localizedTexts)
        if texts.contains(where: { $0.translations[language] == nil }) { fields[Self.fallbackLanguageHeader] = Language.en.rawValue }
        return fields
    }
}
