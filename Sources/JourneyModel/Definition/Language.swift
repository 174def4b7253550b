/// The languages every user-facing journey text is written in.
public enum Language: String, CaseIterable, Codable, Sendable {
    case sv
    case en

    /// Picks a language from a locale string such as `sv_SE.UTF-8` or `en-GB`; `nil` when it names neither.
    public init?(localeIdentifier: String) {
        let prefix = localeIdentifier.lowercased().prefix(2)
        guard let language = Language(rawValue: String(prefix)) else { return nil }
        self = language
    }
}
