import JourneyModel

/// The guide's own words as a catalog for translators: every text's key, its English template and its Swedish,
/// as the `t(key, en, sv)` calls in `GuideStrings*.swift` write them.
///
/// The list is in ``entries`` (GuideCatalog+Entries.swift), generated from those calls by the test
/// `GuideCatalogTests`, which fails while it is out of date; refresh it with
/// `LOTSEN_UPDATE_GOLDEN=1 swift test --skip-build --filter GuideCatalogTests`. It lets `lotsen validate` and
/// `lotsen translations update --lang CODE guide` know every text without running the guide.
///
/// Translations live in `journeys/translations/<lang>/guide.yaml`, beside the journeys' (see ``JourneyLibrary``).
public enum GuideCatalog {
    /// One text of the guide.
    public struct Entry: Sendable, Equatable {
        /// Stable, such as `choose.numbers`; a translation file's `strings` are keyed by it.
        public let key: String
        /// The English template, such as `a number from 1 to {count}`: its hash is what a translation records.
        public let english: String
        public let swedish: String

        public init(_ key: String, en english: String, sv swedish: String) {
            self.key = key
            self.english = english
            self.swedish = swedish
        }
    }

    /// The guide's texts as a translation is checked against them and a skeleton lists them, in source order.
    public static var sourceTexts: [SourceText] {
        entries.map { SourceText(path: $0.key, english: $0.english, line: 0, column: 0) }
    }

    /// What a skeleton tells the translator besides the usual, as comment lines.
    public static let translatorNotes = [
        "Keep every {placeholder} of the English, spelled as it is; move it where your language wants it. The guide fills it in;",
        "a translation that drops or adds one is an error, and English is shown instead. The keys q, b, c, d, n, l and s stay as they are.",
    ]

    /// What a skeleton file says it translates.
    public static let sourceDescription = "the guide's own words (Sources/JourneyGuide/GuideStrings*.swift)"
}
