/// Named placeholders in a translatable template, such as `{count}` in "a number from 1 to {count}": the values
/// are filled in after the template is looked up, so a translator can move them where the language wants them.
///
/// A placeholder is a letter followed by letters, digits or hyphens, in braces; any other brace is text.
public enum Placeholders {
    /// The names of the placeholders in `template`, such as `["count"]`.
    public static func names(in template: String) -> Set<String> {
        Set(pieces(of: template).compactMap(\.name))
    }

    /// `template` with each placeholder replaced by its value; one without a value stays as written. Values are
    /// inserted as they are, never read again for placeholders.
    public static func fill(_ template: String, with values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        return pieces(of: template).map { piece in piece.name.flatMap { values[$0] } ?? piece.text }.joined()
    }

    /// The template cut into text and placeholders, in order.
    private static func pieces(of template: String) -> [(text: String, name: String?)] {
        var pieces: [(text: String, name: String?)] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}"), isName(after[..<close]) else {
                pieces.append((String(rest[...open]), nil))
                rest = after
                continue
            }
            pieces.append((String(rest[..<open]), nil))
            pieces.append((String(rest[open...close]), String(after[..<close])))
            rest = after[after.index(after: close)...]
        }
        pieces.append((String(rest), nil))
        return pieces
    }

    private static func isName(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
