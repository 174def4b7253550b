/// Checks the guide's translation files (`journeys/translations/<lang>/guide.yaml`) against the guide's own words,
/// by the rules of ``TranslationCheck``, plus placeholders: a translation that drops or invents one is an error (the
/// guide shows English instead). Missing texts are warned about in the translation file, at the entry a skeleton
/// left empty, since their English is in Swift source; a file with nothing translated yet only shows in the coverage.
public enum GuideTranslationCheck {
    /// How the guide's words are named in the coverage line: `guide: translations of 230 texts: …`.
    public static let coverageName = "guide"

    /// The problems and the coverage of `translations`, each a guide translation, against `texts`, the guide's
    /// English templates by key.
    public static func check(_ translations: [TranslationFile], against texts: [SourceText]) -> (diagnostics: [Diagnostic], coverage: TranslationCoverage) {
        let id = TranslationFile.Subject.guideID
        let plain = TranslationCheck.check(translations, against: texts, file: coverageName, id: id)
        // The plain check's unknown-key errors and stale warnings stand; its missing-text warnings point at the source,
        // which for the guide is Swift, so they are replaced by ones in the translation file.
        var diagnostics = plain.diagnostics.filter { $0.file != coverageName }
        let byPath = Dictionary(texts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let paths = Set(texts.map(\.path))
        for translation in translations {
            let language = translation.language
            let update = "lotsen translations update --lang \(language.rawValue) \(id)"
            for entry in translation.entries {
                guard let source = byPath[entry.path] else { continue }
                let expected = Placeholders.names(in: source.english)
                let found = Placeholders.names(in: entry.text)
                guard expected != found else { continue }
                var problems: [String] = []
                let dropped = expected.subtracting(found).sorted().map { "{\($0)}" }
                let invented = found.subtracting(expected).sorted().map { "{\($0)}" }
                if !dropped.isEmpty { problems.append("drops \(dropped.joined(separator: ", "))") }
                if !invented.isEmpty { problems.append("invents \(invented.joined(separator: ", "))") }
                let keep = expected.isEmpty ? "the English has no placeholders" : "keep \(expected.sorted().map { "{\($0)}" }.joined(separator: ", ")) as written"
                diagnostics.append(Diagnostic(file: translation.file, line: entry.line, column: entry.column, path: "strings.\(entry.path)",
                    message: "the \(language.englishName) translation \(problems.joined(separator: " and ")); English is shown",
                    hint: "\(keep): the guide fills them in"))
            }
            let missing = texts.map(\.path).filter { translation.entry($0) == nil }
            let translatedHere = paths.filter { translation.entry($0) != nil }.count
            // A skeleton nobody has begun to fill in is news only in the coverage line ("uk 0/230"), so the shipped
            // skeletons keep validate clean; once translating begins, each text still missing is a warning.
            if translatedHere == 0 { continue }
            var seen = Set<String>()
            for path in missing where seen.insert(path).inserted {
                let at = translation.untranslated[path] ?? translation.strings
                diagnostics.append(Diagnostic(file: translation.file, line: at.line, column: at.column, severity: .warning, path: "strings.\(path)",
                    message: "no \(language.englishName) translation (\(language.rawValue)); English is shown",
                    hint: translation.untranslated[path] == nil ? "run: \(update)" : "fill in its text"))
            }
        }
        return (diagnostics, plain.coverage)
    }
}
