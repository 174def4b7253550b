/// Checks translation files against the texts of the file they translate: an unknown path is an error; a missing
/// or stale string is a warning, since the reader still sees English or the older translation.
public enum TranslationCheck {
    /// The problems and the coverage of `translations`, each translating the journey or agency `id` read from `file`,
    /// whose texts are `texts`.
    public static func check(_ translations: [TranslationFile], against texts: [SourceText], file: String, id: String)
        -> (diagnostics: [Diagnostic], coverage: TranslationCoverage)
    {
        var diagnostics: [Diagnostic] = []
        var counts: [Language: TranslationCoverage.Count] = [:]
        let byPath = Dictionary(texts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for translation in translations {
            let language = translation.language
            let update = "lotsen translations update --lang \(language.rawValue) \(id)"
            var count = TranslationCoverage.Count(translated: 0, stale: 0, reviewed: translation.reviewed)
            for entry in translation.entries {
                guard let source = byPath[entry.path] else {
                    let suggestion = Suggestion.closest(to: entry.path, among: texts.map(\.path))
                    diagnostics.append(Diagnostic(file: translation.file, line: entry.line, column: entry.column, path: "strings.\(entry.path)",
                        message: "\(file) has no text '\(entry.path)'",
                        hint: suggestion.map { "did you mean '\($0)'?" } ?? "remove the entry, or run: \(update)"))
                    continue
                }
                count.translated += 1
                if entry.source != source.hash {
                    count.stale += 1
                    diagnostics.append(Diagnostic(file: translation.file, line: entry.line, column: entry.column, severity: .warning,
                        path: "strings.\(entry.path)",
                        message: "stale \(language.englishName) translation: the English text changed since (source \(entry.source), now \(source.hash))",
                        hint: "check the translation against \(source.line > 0 ? "\(file):\(source.line):\(source.column)" : "the English '\(source.english)'"), then set source: \(source.hash)"))
                }
            }
            for text in texts where translation.entry(text.path) == nil {
                diagnostics.append(Diagnostic(file: file, line: text.line, column: text.column, severity: .warning, path: text.path,
                    message: "no \(language.englishName) translation (\(language.rawValue)); English is shown",
                    hint: "add it to \(translation.file), or run: \(update)"))
            }
            counts[language] = count
        }
        return (diagnostics, TranslationCoverage(file: file, total: Set(texts.map(\.path)).count, counts: counts))
    }
}
