/// How much of one journey or adapter file each translated language covers, as `lotsen validate` reports it.
public struct TranslationCoverage: Sendable {
    /// One language's count; a language without a translation file has none.
    public struct Count: Sendable, Equatable {
        /// Texts with a translation, current or stale.
        public var translated: Int
        public var stale: Int
        public var reviewed: Bool
    }

    /// The source file, such as `journeys/new-in-sweden.yaml`.
    public let file: String
    public let total: Int
    public let counts: [Language: Count]

    public init(file: String, total: Int, counts: [Language: Count]) {
        self.file = file
        self.total = total
        self.counts = counts
    }

    /// `journeys/new-in-sweden.yaml: 96 texts; ar 96/96 (100%, unreviewed), fa none, …`.
    public var description: String {
        let parts = Language.translated.map { language -> String in
            guard let count = counts[language] else { return "\(language.rawValue) none" }
            let percent = total == 0 ? 100 : count.translated * 100 / total
            var notes = ["\(percent)%"]
            if count.stale > 0 { notes.append("\(count.stale) stale") }
            if !count.reviewed { notes.append("unreviewed") }
            return "\(language.rawValue) \(count.translated)/\(total) (\(notes.joined(separator: ", ")))"
        }
        return "\(file): translations of \(total) text\(total == 1 ? "" : "s"): \(parts.joined(separator: ", "))"
    }
}
