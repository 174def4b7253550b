/// The languages Lotsen speaks. Swedish and English are the authoring languages, written inline in journey and
/// adapter files; the others come from translation files beside them (``TranslationFile``) and fall back to English.
public enum Language: String, CaseIterable, Codable, Sendable {
    case sv
    case en
    case ar
    case fa
    case so
    case ti
    case uk

    /// The languages every journey and adapter text is written in, inline.
    public static let authoring: [Language] = [.sv, .en]

    /// The languages that come from translation files.
    public static let translated: [Language] = allCases.filter { !$0.isAuthoring }

    /// Whether texts in this language are written inline in journey and adapter files.
    public var isAuthoring: Bool { self == .sv || self == .en }

    /// The language's name in itself, as a reader looks for it in a list of languages.
    public var nativeName: String {
        switch self {
        case .sv: "Svenska"
        case .en: "English"
        case .ar: "العربية"
        case .fa: "فارسی"
        case .so: "Soomaali"
        case .ti: "ትግርኛ"
        case .uk: "Українська"
        }
    }

    /// The language's name in English, for diagnostics and documentation.
    public var englishName: String {
        switch self {
        case .sv: "Swedish"
        case .en: "English"
        case .ar: "Arabic"
        case .fa: "Persian"
        case .so: "Somali"
        case .ti: "Tigrinya"
        case .uk: "Ukrainian"
        }
    }

    /// Whether the script runs right to left (Arabic and Persian).
    public var isRightToLeft: Bool { self == .ar || self == .fa }

    /// The language the guide's and the engine's own words use for this one: Swedish for Swedish, else English,
    /// since those words are written in the two authoring languages only.
    public var authoringFallback: Language { self == .sv ? .sv : .en }

    /// Picks a language from a locale string such as `sv_SE.UTF-8`, `uk_UA.UTF-8` or `en-GB`; `nil` when it names none.
    /// `prs` (Dari) and `pes` (Iranian Persian) count as Persian.
    public init?(localeIdentifier: String) {
        let tag = localeIdentifier.lowercased().prefix { $0.isLetter }
        switch tag {
        case "prs", "pes": self = .fa
        default:
            guard tag.count == 2, let language = Language(rawValue: String(tag)) else { return nil }
            self = language
        }
    }
}
