/// The one rule for characters that act on a terminal instead of showing on it, used at both ends: answers and
/// agency texts that contain them are refused when they arrive, and whatever Lotsen prints shows them as a
/// visible escape (`\u{1B}`), so text stored before the rule, or read from a file, can still never clear the
/// screen, retitle the terminal, forge a line or hide text.
///
/// Control characters are the C0 controls U+0000–U+001F (NUL, BEL, ESC, tab, CR, LF, …), DEL U+007F, the C1
/// controls U+0080–U+009F (a terminal may read U+009B as an escape), the line and paragraph separators U+2028
/// and U+2029, and the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, which
/// reorder how the text around them reads.
public enum ControlCharacters {
    /// Whether `scalar` is one of the control characters above.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first control character in `text`, with its position counted in Unicode scalars from 1.
    public static func first(in text: String) -> (scalar: Unicode.Scalar, position: Int)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) { return (scalar, offset + 1) }
        return nil
    }

    /// `scalar` as people and tools read it: `U+001B`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with every control character written as a visible escape in Swift's notation, such as `\u{1B}`
    /// for ESC and `\u{0A}` for a line feed; every other character is kept as it is. A text without control
    /// characters is returned unchanged.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                result.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result.append(contentsOf: "\\u{\(hex.count < 2 ? "0" + hex : hex)}".unicodeScalars)
        }
        return String(result)
    }

    /// JSON text with every control character that JSON allows unescaped inside a string (DEL, C1, the
    /// separators and bidirectional controls) written as a `\uXXXX` escape, which reads back as the same
    /// string. Inside strings JSON already escapes the C0 controls; outside them its syntax is plain ASCII, where
    /// line feeds and tabs lay out a pretty-printed document and are kept. The result is the same document, safe
    /// to print.
    public static func visibleJSON(_ json: String) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) && scalar != "\n" && scalar != "\t" }
        guard json.unicodeScalars.contains(where: escapes) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard escapes(scalar) else {
                result.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            result.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
        }
        return String(result)
    }
}
