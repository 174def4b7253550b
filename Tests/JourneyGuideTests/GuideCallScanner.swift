import Foundation

/// Reads the guide's `t(key, en, sv)` calls out of its Swift source, so tests can check the keys and keep
/// ``GuideCatalog``'s generated list in step with the calls.
struct GuideCallScanner {
    /// One `t(…)` call as written.
    struct Call: Equatable {
        let key: String
        let english: String
        let swedish: String
        let file: String
        let line: Int
    }

    /// A `t(` whose arguments are not three string literals (key, English, Swedish), or a template with `\(…)`.
    struct Problem: CustomStringConvertible {
        let file: String
        let line: Int
        let message: String
        var description: String { "\(file):\(line): \(message)" }
    }

    static let generatedFile = "GuideCatalog+Entries.swift"

    /// Every call in `Sources/JourneyGuide`, files by name, calls in source order.
    static func scan(root: URL) throws -> (calls: [Call], problems: [Problem]) {
        let folder = root.appendingPathComponent("Sources/JourneyGuide")
        // By name without ".swift", so GuideStrings.swift, the main words, comes before its extensions.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") && $0 != generatedFile }
            .sorted { $0.dropLast(6) < $1.dropLast(6) }
        var calls: [Call] = []
        var problems: [Problem] = []
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let result = scan(Array(text.unicodeScalars), file: name)
            calls += result.calls
            problems += result.problems
        }
        return (calls, problems)
    }

    static func scan(_ source: [Unicode.Scalar], file: String) -> (calls: [Call], problems: [Problem]) {
        var calls: [Call] = []
        var problems: [Problem] = []
        var index = 0
        func line(at position: Int) -> Int { source[..<position].filter { $0 == "\n" }.count + 1 }
        while index < source.count - 1 {
            defer { index += 1 }
            // A comment may mention t( calls; skip it to the end of its line.
            if source[index] == "/", source[index + 1] == "/" {
                while index < source.count - 1, source[index + 1] != "\n" { index += 1 }
                continue
            }
            guard source[index] == "t", source[index + 1] == "(" else { continue }
            if index > 0, isIdentifier(source[index - 1]) || source[index - 1] == "." { continue }
            if index >= 5, String(String.UnicodeScalarView(source[(index - 5)..<index])) == "func " { continue }
            var reader = Reader(source: source, position: index + 2)
            let at = line(at: index)
            guard let key = reader.literal(), reader.comma(), let english = reader.concatenation(), reader.comma(),
                let swedish = reader.concatenation(), reader.closesOrContinues()
            else {
                problems.append(Problem(file: file, line: at, message: "a t( call without a key, English and Swedish as string literals"))
                continue
            }
            if english.contains("\\(") || swedish.contains("\\(") {
                problems.append(Problem(file: file, line: at, message: "'\(key)' interpolates: write a {placeholder} and pass its value instead"))
            }
            calls.append(Call(key: key, english: unescape(english), swedish: unescape(swedish), file: file, line: at))
            // Go on after the texts, so nothing inside them (a URL's //, a " t(") is read as code.
            index = reader.position - 1
        }
        return (calls, problems)
    }

    private static func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || CharacterSet.alphanumerics.contains(scalar)
    }

    /// A Swift string literal's contents as the program sees them (only the escapes the guide uses).
    private static func unescape(_ raw: String) -> String {
        var result = ""
        var escaped = false
        for character in raw {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Reads literals and punctuation after a `t(`, skipping white space.
    private struct Reader {
        let source: [Unicode.Scalar]
        private(set) var position: Int

        mutating func skipSpace() {
            while position < source.count, [" ", "\n", "\t"].contains(source[position]) { position += 1 }
        }

        /// A `"…"` literal's raw contents, escapes as written.
        mutating func literal() -> String? {
            skipSpace()
            guard position < source.count, source[position] == "\"" else { return nil }
            var raw = String.UnicodeScalarView()
            position += 1
            while position < source.count {
                let scalar = source[position]
                if scalar == "\\", position + 1 < source.count {
                    raw.append(scalar)
                    raw.append(source[position + 1])
                    position += 2
                    continue
                }
                position += 1
                if scalar == "\"" { return String(raw) }
                if scalar == "\n" { return nil }
                raw.append(scalar)
            }
            return nil
        }

        /// Literals joined with `+`.
        mutating func concatenation() -> String? {
            guard var text = literal() else { return nil }
            while true {
                skipSpace()
                guard position < source.count, source[position] == "+" else { return text }
                position += 1
                guard let next = literal() else { return nil }
                text += next
            }
        }

        mutating func comma() -> Bool {
            skipSpace()
            guard position < source.count, source[position] == "," else { return false }
            position += 1
            return true
        }

        /// The call ends, or its values follow.
        mutating func closesOrContinues() -> Bool {
            skipSpace()
            return position < source.count && (source[position] == ")" || source[position] == ",")
        }
    }
}
