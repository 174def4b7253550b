/// One language's translation of one journey or adapter file: `journeys/translations/<lang>/<journey-id>.yaml` or
/// `adapters/translations/<lang>/<agency-id>.yaml`. Read it with ``TranslationFileLoader``.
public struct TranslationFile: Sendable {
    /// What a translation file translates.
    public enum Subject: String, Sendable {
        case journey
        case adapter
    }

    /// One translated text.
    public struct Entry: Sendable {
        /// The text's stable path in the source file, such as `steps.residence-permit.title`.
        public let path: String
        /// ``SourceHash`` of the English text the translation was made from.
        public let source: String
        public let text: String
        /// Where the entry's key stands in the translation file.
        public let line: Int
        public let column: Int
    }

    /// The file as diagnostics name it, such as `journeys/translations/ar/new-in-sweden.yaml`.
    public let file: String
    public let subject: Subject
    public let language: Language
    /// The id of the journey or agency translated.
    public let translates: String
    /// Whether a human translator has reviewed the file; readers are told when not.
    public let reviewed: Bool
    /// The entries in file order.
    public let entries: [Entry]
    private let entriesByPath: [String: Entry]

    public init(file: String, subject: Subject, language: Language, translates: String, reviewed: Bool, entries: [Entry]) {
        self.file = file
        self.subject = subject
        self.language = language
        self.translates = translates
        self.reviewed = reviewed
        self.entries = entries
        entriesByPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry for a path, if the file has one.
    public func entry(_ path: String) -> Entry? { entriesByPath[path] }
}
