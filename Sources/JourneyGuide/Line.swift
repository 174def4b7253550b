import JourneyModel

/// One logical line of a screen: text with a style, and a prefix (a step number, an indent) that wrapped
/// continuation lines keep as blank space, so a long step title stays aligned under itself.
public struct Line: Hashable, Sendable {
    /// What a line means; a terminal maps it to colour and weight, or ignores it.
    public enum Style: Hashable, Sendable {
        case normal
        /// The screen's title.
        case title
        /// A section heading or a step's title.
        case heading
        /// What to do next; the eye should land here first.
        case highlight
        case success
        /// Something that does not need attention now (not needed, locked, help texts).
        case muted
        /// A problem with what was typed, or a refusal.
        case warning
    }

    public var prefix: String
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal, prefix: String = "") {
        self.prefix = prefix
        self.text = text
        self.style = style
    }

    public var isBlank: Bool { prefix.allSatisfy(\.isWhitespace) && text.isEmpty }

    /// The line as text rows no wider than `width` characters (at least one word per row), or as one row
    /// when `width` is `nil`. Trailing spaces are dropped.
    ///
    /// Every terminal prints lines through here, so this is where the guide makes text safe to print: control
    /// characters (in an answer stored before they were refused, or an agency's message) are shown as visible
    /// escapes such as `\u{1B}` (``ControlCharacters/visible(_:)``) and cannot act on the terminal or forge a row.
    public func rows(width: Int?) -> [String] {
        let prefix = ControlCharacters.visible(self.prefix)
        let text = ControlCharacters.visible(self.text)
        let words = Line.words(text)
        guard let width, prefix.count + text.count > width, !words.isEmpty else {
            return [trimmingTrailingSpaces(prefix + text)]
        }
        let room = max(width - prefix.count, 20)
        let hanging = String(repeating: " ", count: prefix.count)
        var rows: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= room {
                current += " " + word
            } else {
                rows.append(current)
                current = String(word)
            }
        }
        rows.append(current)
        return rows.enumerated().map { trimmingTrailingSpaces(($0.offset == 0 ? prefix : hanging) + $0.element) }
    }

    /// The text's words, keeping Swedish thousands groups ("2 200 kr", "25 000") together.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let isGroup = word.count >= 3 && word.prefix(3).allSatisfy(\.isNumber) && word.dropFirst(3).first?.isNumber != true
            if isGroup, let last = words.last, last.last?.isNumber == true {
                words[words.count - 1] += " " + word
            } else {
                words.append(String(word))
            }
        }
        return words
    }

    private func trimmingTrailingSpaces(_ row: String) -> String {
        var row = row
        while row.last == " " { row.removeLast() }
        return row
    }
}
