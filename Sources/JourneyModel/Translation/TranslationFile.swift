/// One language's translation of one journey or adapter file: `journeys/translations/<lang>/<journey-id>.yaml` or
/// `adapters/translations/<lang>/<agency-id>.yaml`; or of the guide's own words, `journeys/translations/<lang>/guide.yaml`.
/// Read it with ``TranslationFileLoader``.
public struct TranslationFile: Sendable {
    /// What a translation file translates.
    public enum Subject: String, Sendable {
        case journey
        case adapter
        /// The guide's own words (prompts, menus, headings), whose English and Swedish are in its Swift source.
        case guide

        /// The id a guide translation translates, and its file's name: `guide.yaml`.
        public static let guideID = "guide"
    }

    /// Where an entry stands in the file.
    public struct Position: Sendable, Hashable {
        public let line: Int
        public let column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
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

        public init(path: String, source: String, text: String, line: Int, column: Int) {
            self.path = path
            self.source = source
            self.text = text
            self.line = line
            self.column = column
        }
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
    /// Where each entry without a translation yet (an empty `text`, as a skeleton writes it) stands, by path.
    public let untranslated: [String: Position]
    /// Where the `strings` key stands, so a text with no entry at all can be reported somewhere in the file.
    public let strings: Position
    private let entriesByPath: [String: Entry]

    public init(file: String, subject: Subject, language: Language, translates: String, reviewed: Bool, entries: [Entry],
        untranslated: [String: Position] = [:], strings: Position = Position(line: 1, column: 1))
    {
        self.file = file
        self.subject = subject
        self.language = language
        self.translates = translates
        self.reviewed = reviewed
        self.entries = entries
        self.untranslated = untranslated
        self.strings = strings
        entriesByPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry for a path, if the file has one.
    public func entry(_ path: String) -> Entry? { entriesByPath[path] }
}
