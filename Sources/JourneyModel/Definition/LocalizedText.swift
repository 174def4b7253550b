/// A user-facing text: Swedish and English written inline (journey files must give both; the validator reports a
/// missing one), and the other languages from translation files.
public struct LocalizedText: Hashable, Codable, Sendable {
    /// One text from a translation file.
    public struct Translation: Hashable, Codable, Sendable {
        public var text: String
        /// Made from an English source that has changed since: still shown, since it beats none, but reported.
        public var isStale: Bool

        public init(text: String, isStale: Bool = false) {
            self.text = text
            self.isStale = isStale
        }
    }

    public var sv: String
    public var en: String
    /// The translated languages' texts; a language not here falls back to English.
    public var translations: [Language: Translation]

    public init(sv: String, en: String, translations: [Language: Translation] = [:]) {
        self.sv = sv
        self.en = en
        self.translations = translations
    }

    /// The same text in both languages, for names that do not translate (such as an agency name).
    public init(_ both: String) { self.init(sv: both, en: both) }

    /// The text in `language`, or in English where it has no translation. Use ``resolved(in:)`` to learn which.
    public subscript(language: Language) -> String { resolved(in: language).text }

    /// The text in `language` and the language it is actually in: English when the translation is missing.
    public func resolved(in language: Language) -> ResolvedText {
        switch language {
        case .sv: ResolvedText(text: sv, language: .sv)
        case .en: ResolvedText(text: en, language: .en)
        default:
            if let translation = translations[language] {
                ResolvedText(text: translation.text, language: language, isStale: translation.isStale)
            } else {
                ResolvedText(text: en, language: .en)
            }
        }
    }
}
