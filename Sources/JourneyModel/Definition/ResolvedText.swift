/// A text as resolved for a reader: what to show, which language it is really in, and whether its translation is
/// older than its source.
public struct ResolvedText: Hashable, Sendable {
    public let text: String
    /// The language of ``text``: the one asked for, or English when a translation is missing.
    public let language: Language
    public let isStale: Bool

    public init(text: String, language: Language, isStale: Bool = false) {
        self.text = text
        self.language = language
        self.isStale = isStale
    }

    /// Whether the text is in another language than `requested` (a missing translation fell back to English).
    public func fellBack(from requested: Language) -> Bool { language != requested }
}
