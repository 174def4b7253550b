/// Writes a translation file for a translator: every text of the source with its path, its source hash and the
/// English text as a comment; existing translations are kept, and stale ones flagged with a comment (they keep their
/// old hash, so `lotsen validate` reports them until the translator has checked them and set the new one).
public enum TranslationSkeleton {
    /// The file's text. `existing` is the translation file as it stands, if any.
    /// `notes` are further comment lines for the translator, after the first two.
    public static func render(texts: [SourceText], existing: TranslationFile?, language: Language, translates id: String, sourceFile: String,
        notes: [String] = []) -> String
    {
        var lines = [
            "# \(language.englishName) (\(language.nativeName)) translation of \(sourceFile).",
            "# Translate each text; an empty text shows English. Set reviewed: true only after a human translator's review.",
        ] + notes.map { "# " + $0 } + [
            "language: \(language.rawValue)",
            "translates: \(id)",
            "reviewed: \(existing?.reviewed == true ? "true" : "false")",
            "strings:",
        ]
        var seen = Set<String>()
        for text in texts where seen.insert(text.path).inserted {
            lines.append("  # en: " + text.english.split(whereSeparator: \.isNewline).joined(separator: " "))
            let entry = existing?.entry(text.path)
            if let entry, entry.source != text.hash {
                lines.append("  # STALE: the English text changed since this was translated; check it, then set source: \(text.hash)")
            }
            lines.append("  \(text.path):")
            lines.append("    source: \(entry?.source ?? text.hash)")
            lines.append("    text: \(quoted(entry?.text ?? ""))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
