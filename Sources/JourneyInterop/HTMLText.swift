/// Plain text from the HTML fragments GOV.UK puts in titles, paragraphs and introductions.
///
/// Tags are removed (the contents of `script` and `style` with them), block elements become paragraph breaks,
/// character references are decoded after the tags are gone (so `&lt;b&gt;` stays the text `<b>`), control
/// characters are dropped and runs of spaces collapse. The result is text, never markup.
public enum HTMLText {
    /// Paragraphs separated by a blank line, each trimmed, with spaces collapsed.
    public static func plain(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", let tag = Tag(scalars, at: index) else {
                out.append(scalar)
                index += 1
                continue
            }
            index = tag.end
            if tag.isBlock { out.append(contentsOf: "\n\n".unicodeScalars) } else if tag.name == "br" { out.append("\n") }
            if !tag.isClosing, ["script", "style"].contains(tag.name) { index = skipRawText(scalars, from: index, closing: tag.name) }
        }
        return tidy(CharacterReferences.decode(String(out)))
    }

    /// Text between tags with whitespace collapsed: one line, for titles and link texts.
    public static func line(_ html: String) -> String {
        plain(html).split(whereSeparator: \.isNewline).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static let blockTags: Set<String> = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
        "blockquote", "dl", "dt", "dd", "hr", "pre", "article", "aside", "header", "footer", "nav", "main", "details", "summary", "figure"]

    /// One tag (or comment, or declaration) starting at `<`; `nil` when the `<` is just a character.
    private struct Tag {
        let name: String
        let isClosing: Bool
        let end: Int

        var isBlock: Bool { HTMLText.blockTags.contains(name) }

        init?(_ scalars: [Unicode.Scalar], at start: Int) {
            var index = start + 1
            guard index < scalars.count else { return nil }
            if scalars[index] == "!" || scalars[index] == "?" {
                // A comment runs to "-->", a declaration or processing instruction to ">".
                let isComment = scalars[index...].starts(with: "!--".unicodeScalars)
                let terminator = Array((isComment ? "-->" : ">").unicodeScalars)
                var probe = index
                while probe + terminator.count <= scalars.count {
                    if Array(scalars[probe..<probe + terminator.count]) == terminator {
                        self.name = "!"
                        self.isClosing = false
                        self.end = probe + terminator.count
                        return
                    }
                    probe += 1
                }
                return nil
            }
            var isClosing = false
            if scalars[index] == "/" {
                isClosing = true
                index += 1
            }
            guard index < scalars.count, scalars[index].properties.isAlphabetic, scalars[index].isASCII else { return nil }
            var name = ""
            while index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
            // Attributes: a '>' inside a quoted value does not end the tag.
            var quote: Unicode.Scalar?
            while index < scalars.count {
                let scalar = scalars[index]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == ">" {
                    self.name = name.lowercased()
                    self.isClosing = isClosing
                    self.end = index + 1
                    return
                }
                index += 1
            }
            return nil  // never closed: the '<' was text
        }
    }

    /// The position after `</name>` (any case), or the end when it never comes.
    private static func skipRawText(_ scalars: [Unicode.Scalar], from start: Int, closing name: String) -> Int {
        let closing = Array("</\(name)".unicodeScalars)
        var index = start
        while index + closing.count <= scalars.count {
            if String(String.UnicodeScalarView(scalars[index..<index + closing.count])).lowercased() == String(String.UnicodeScalarView(closing)) {
                var end = index + closing.count
                while end < scalars.count, scalars[end] != ">" { end += 1 }
                return min(end + 1, scalars.count)
            }
            index += 1
        }
        return scalars.count
    }

    /// Drops control and invisible formatting characters, collapses spaces, trims each paragraph, and joins
    /// paragraphs with one blank line.
    static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var pendingSpace = false
            for scalar in rawLine.unicodeScalars {
                if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                    pendingSpace = !line.isEmpty
                    continue
                }
                let category = scalar.properties.generalCategory
                if category == .control || category == .format || category == .surrogate || category == .unassigned || category == .privateUse {
                    continue
                }
                if pendingSpace { line.append(" ") }
                pendingSpace = false
                line.unicodeScalars.append(scalar)
            }
            lines.append(line)
        }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n\n")
    }
}
