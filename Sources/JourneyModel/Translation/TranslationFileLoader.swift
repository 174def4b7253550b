import Yams

/// Reads a translation file (``TranslationFile``), reporting every problem compiler style: bad YAML, a duplicate key,
/// a language that is not a translated one or not the folder's, an id that is not the file's name, a malformed entry.
/// Whether each path exists in the source is checked later, against the source's texts (``TranslationCheck``).
public enum TranslationFileLoader {
    static let topKeys = ["language", "translates", "reviewed", "strings"]
    static let entryKeys = ["source", "text"]

    /// Loads `text`, read from `file`, a file of `subject` in the folder for `folderLanguage` (the folder's name).
    public static func load(_ text: String, file: String, subject: TranslationFile.Subject, folderLanguage: String?)
        -> (translation: TranslationFile?, diagnostics: [Diagnostic])
    {
        let reader = YAMLReader(file: file)
        guard let root = reader.compose(text),
            let top = reader.mapping(root, "", keys: topKeys, required: ["language", "translates", "strings"], what: "a translation file")
        else { return (nil, reader.diagnostics) }
        var language: Language?
        if let raw = top["language"].flatMap({ reader.string($0, "language", what: "a language code") }) {
            let codes = Language.translated.map(\.rawValue).joined(separator: ", ")
            if let known = Language(rawValue: raw) {
                if known.isAuthoring {
                    let source = subject == .guide ? "the guide's Swift source" : "the \(subject.rawValue) file"
                    reader.report(at: "language", "\(known.englishName) is written in \(source) itself", hint: "translation files are for \(codes)")
                } else if let folderLanguage, folderLanguage != raw {
                    reader.report(at: "language", "language '\(raw)' does not match the folder 'translations/\(folderLanguage)/'",
                        hint: "move the file to translations/\(raw)/ or change the language")
                } else {
                    language = known
                }
            } else {
                reader.report(at: "language", "unknown language '\(raw)'",
                    hint: Suggestion.closest(to: raw, among: Language.translated.map(\.rawValue)).map { "did you mean '\($0)'?" } ?? "use one of: \(codes)")
            }
        }
        let translates = top["translates"].flatMap { reader.string($0, "translates", what: "a \(subject.rawValue) id") }
        if let translates, subject == .guide, translates != TranslationFile.Subject.guideID {
            reader.report(at: "translates", "a translation of the guide's words translates '\(TranslationFile.Subject.guideID)', not '\(translates)'",
                hint: "write translates: \(TranslationFile.Subject.guideID)")
        }
        if let translates, let stem = AgencyFileLoader.fileStem(file), stem != translates {
            reader.report(at: "translates", "'\(translates)' does not match the file name '\(stem).yaml'",
                hint: "name the file after the \(subject.rawValue) it translates: '\(translates).yaml'")
        }
        let reviewed = top["reviewed"].flatMap { reader.bool($0, "reviewed") } ?? false
        var entries: [TranslationFile.Entry] = []
        var untranslatedAt: [String: TranslationFile.Position] = [:]
        if let node = top["strings"] {
            for item in reader.entries(node, "strings", what: "strings") {
                let path = "strings.\(item.key)"
                guard let fields = reader.mapping(item.value, path, keys: entryKeys, required: entryKeys, what: "a translated string") else { continue }
                let source = fields["source"].flatMap { reader.string($0, "\(path).source", what: "a source hash") }
                if let source, !SourceHash.isWellFormed(source) {
                    reader.report(at: "\(path).source", "'\(source)' is not a source hash",
                        hint: "write the first 8 hex digits of the SHA-256 of the English text; lotsen translations update fills them in")
                }
                // An empty text is a skeleton's entry not yet translated: it counts as missing, and English is shown.
                let untranslated = fields["text"]?.scalar.map { $0.string.allSatisfy(\.isWhitespace) } ?? false
                let translated = untranslated ? nil : fields["text"].flatMap { reader.string($0, "\(path).text", what: "the translated text") }
                let at = item.keyNode.mark.map(TextPosition.init)
                if untranslated { untranslatedAt[item.key] = TranslationFile.Position(line: at?.line ?? 0, column: at?.column ?? 0) }
                guard let source, SourceHash.isWellFormed(source), let translated else { continue }
                entries.append(TranslationFile.Entry(path: item.key, source: source, text: translated, line: at?.line ?? 0, column: at?.column ?? 0))
            }
        }
        guard let language, let translates, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics.sortedByLocation()) }
        let stringsAt = topKeyPosition(root, "strings")
        return (TranslationFile(file: file, subject: subject, language: language, translates: translates, reviewed: reviewed, entries: entries,
            untranslated: untranslatedAt, strings: stringsAt), reader.diagnostics.sortedByLocation())
    }

    /// Where a top-level key stands; the file's start when it cannot be told.
    private static func topKeyPosition(_ root: Node, _ key: String) -> TranslationFile.Position {
        guard case .mapping(let mapping) = root,
            let node = mapping.keys.first(where: { $0.string == key }), let mark = node.mark
        else { return TranslationFile.Position(line: 1, column: 1) }
        return TranslationFile.Position(line: mark.line, column: mark.column)
    }
}
