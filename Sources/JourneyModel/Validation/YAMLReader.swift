import Foundation
import Yams

/// Reads a composed YAML tree the way the validator needs it: every problem becomes a located diagnostic
/// instead of a thrown error, so one pass reports them all, and every node read leaves its location behind
/// for the checks that come after parsing.
final class YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The location of every node read, by document path (`steps[0].when`).
    private(set) var locations: [String: TextPosition] = [:]
    /// Paths of mappings that had an unknown key: a misspelt key should not also cause follow-on errors.
    private(set) var pathsWithUnknownKeys: Set<String> = []
    /// The file's lines as Unicode scalars (libyaml counts columns in scalars), for positions inside values.
    private var lines: [[Unicode.Scalar]] = []
    /// Just after the file's last character: libyaml can mark a node of a file that does not end in a line break on
    /// the line after the last, which a diagnostic must not name.
    private var end = TextPosition(line: 1, column: 1)

    init(file: String) { self.file = file }

    /// Composes the text into a node tree, reporting a syntax error with its position.
    func compose(_ text: String) -> Node? {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        end = TextPosition(endOf: text)
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(nil, "", "the file is empty", hint: "see docs for the expected format")
                return nil
            }
            return node
        } catch let error as YamlError {
            reportSyntax(error, end: TextPosition(endOf: text))
            return nil
        } catch {
            report(nil, "", "cannot read the file as YAML")
            return nil
        }
    }

    /// `end` is where the text ends: libyaml ends a last line that has no line break with one of its own, so it reports
    /// a problem found at the end of such a file on a line after the last; that is moved back to the end of the text.
    private func reportSyntax(_ error: YamlError, end: TextPosition) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            // A quote or bracket left open is only noticed at the end of the file; point at where it was opened.
            let opened = context.flatMap { $0.text.hasPrefix("while scanning a quoted scalar") || problem.contains("end of stream") ? $0.mark : nil }
            let at = min(TextPosition(opened ?? mark), end)
            diagnostics.append(Diagnostic(file: file, line: at.line, column: at.column, path: "", message: "YAML syntax error: \(detail)",
                hint: opened != nil && context?.text.contains("quoted") == true
                    ? "close the quote that starts here"
                    : "check indentation and quoting near here; quote values that contain ': ' or start with '{', '[', '*' or '&'"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the first copy; the mistake is the repeated one, so find it below.
            let key = duplicates.first ?? ""
            let repeated = repeatedKey(key, after: context.mark) ?? TextPosition(context.mark)
            diagnostics.append(Diagnostic(file: file, line: repeated.line, column: repeated.column, path: "",
                message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping",
                hint: "each key may appear once; remove or merge the repeated one"))
        case .reader(let problem, _, _, _):
            diagnostics.append(Diagnostic(file: file, line: 0, column: 0, path: "", message: "YAML syntax error: \(problem)", hint: "save the file as UTF-8 text"))
        default:
            diagnostics.append(Diagnostic(file: file, line: 0, column: 0, path: "", message: "YAML syntax error: \(error)"))
        }
    }

    /// The next line below `first` that starts, at the same indentation, with `key:`.
    private func repeatedKey(_ key: String, after first: Mark) -> TextPosition? {
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let indent = lines[first.line - 1].prefix { $0 == " " || $0 == "-" }.count
        let column = max(indent, first.column - 1)
        for index in first.line..<lines.count {
            let line = lines[index]
            guard line.count > column, line[..<column].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(line[column...]))
            if rest.hasPrefix("\(key):") || rest.hasPrefix("\(key) :") { return TextPosition(line: index + 1, column: column + 1) }
        }
        return nil
    }

    /// Where the character at `offset` of a scalar's value stands in the file. Follows line folding and the
    /// escapes of quoted scalars; `nil` for block scalars, where only the node's own position is reliable.
    func position(ofValueOffset offset: Int, in node: Node) -> TextPosition? {
        guard let scalar = node.scalar, let mark = scalar.mark, mark.line >= 1, mark.line <= lines.count else { return nil }
        var line = mark.line - 1
        var column = mark.column - 1
        let quote: Unicode.Scalar?
        switch scalar.style {
        case .plain, .any: quote = nil
        case .singleQuoted: quote = "'"
        case .doubleQuoted: quote = "\""
        default: return nil
        }
        if quote != nil { column += 1 }
        var remaining = offset
        while remaining > 0 {
            if column >= lines[line].count {
                // A line break (and the next line's indentation) folds into one space of the value.
                guard line + 1 < lines.count else { return nil }
                line += 1
                column = lines[line].prefix { $0 == " " || $0 == "\t" }.count
                remaining -= 1
                continue
            }
            let character = lines[line][column]
            if quote == "\"", character == "\\" {
                column += 2
            } else if quote == "'", character == "'", column + 1 < lines[line].count, lines[line][column + 1] == "'" {
                column += 2
            } else {
                column += 1
            }
            remaining -= 1
        }
        return TextPosition(line: line + 1, column: column + 1)
    }

    // MARK: Reporting

    func report(_ node: Node?, _ path: String, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) {
        let mark = node?.mark.map(position) ?? locations[path]
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, severity: severity, path: path, message: message, hint: hint))
    }

    /// Reports at a known path's location, or at the nearest enclosing path that was read.
    func report(at path: String, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) {
        var probe = path
        var mark = locations[probe]
        while mark == nil, let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) {
            probe = String(probe[..<cut])
            mark = locations[probe]
        }
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
            severity: severity, path: path, message: message, hint: hint))
    }

    /// Reports at an exact position (inside a value), falling back to the path's location.
    func report(at mark: TextPosition?, path: String, _ message: String, hint: String? = nil) {
        guard let mark else { return report(at: path, message, hint: hint) }
        diagnostics.append(Diagnostic(file: file, line: mark.line, column: mark.column, path: path, message: message, hint: hint))
    }

    func remember(_ node: Node, _ path: String) {
        if let mark = node.mark { locations[path] = position(mark) }
    }

    /// A node's position, never past the end of the file.
    func position(_ mark: Mark) -> TextPosition {
        let position = TextPosition(mark)
        return (position.line, position.column) > (end.line, end.column) ? end : position
    }

    // MARK: Reading

    /// A mapping's entries by key, after reporting unknown keys (with a suggestion) and missing required ones.
    func mapping(_ node: Node, _ path: String, keys allowed: [String], required: [String] = [], what: String) -> [String: Node]? {
        remember(node, path)
        guard let mapping = node.mapping else {
            report(node, path, "expected \(what) as a mapping of keys to values",
                hint: path.isEmpty ? "write it as 'key: value' lines at the start of each line" : "write it as 'key: value' lines indented under '\(path)'")
            return nil
        }
        var result: [String: Node] = [:]
        var suggested = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, path, "a key must be plain text")
                continue
            }
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                let suggestion = Suggestion.closest(to: key, among: allowed)
                if let suggestion { suggested.insert(suggestion) }
                pathsWithUnknownKeys.insert(path)
                report(keyNode, childPath, "unknown key '\(key)' in \(what)",
                    hint: suggestion.map { "did you mean '\($0)'?" } ?? "allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            remember(value, childPath)
            result[key] = value
        }
        // A key reported as misspelt is not reported missing as well.
        for key in required where result[key] == nil && !suggested.contains(key) {
            report(node, path, "\(what) is missing '\(key)'", hint: "add '\(key):'")
        }
        return result
    }

    /// The entries of a mapping whose keys are ids (such as `facts:`), in file order.
    func entries(_ node: Node, _ path: String, what: String) -> [(key: String, keyNode: Node, value: Node)] {
        remember(node, path)
        guard let mapping = node.mapping else {
            report(node, path, "expected \(what) as a mapping from id to definition")
            return []
        }
        return mapping.compactMap { keyNode, value in
            guard let key = keyNode.scalar?.string else {
                report(keyNode, path, "an id must be plain text")
                return nil
            }
            remember(value, "\(path).\(key)")
            return (key, keyNode, value)
        }
    }

    func sequence(_ node: Node, _ path: String, what: String) -> [Node] {
        remember(node, path)
        guard let sequence = node.sequence else {
            report(node, path, "expected \(what) as a list", hint: "write each item on its own line starting with '- ', or as [a, b]")
            return []
        }
        for (index, item) in sequence.enumerated() { remember(item, "\(path)[\(index)]") }
        return Array(sequence)
    }

    func string(_ node: Node, _ path: String, what: String = "text") -> String? {
        remember(node, path)
        guard let scalar = node.scalar else {
            report(node, path, "expected \(what), found a \(node.mapping != nil ? "mapping" : "list")")
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            report(node, path, "expected \(what), found nothing")
            return nil
        }
        return value
    }

    func int(_ node: Node, _ path: String) -> Int? {
        guard let raw = string(node, path, what: "a whole number") else { return nil }
        guard let value = Int(raw) else {
            report(node, path, "expected a whole number, found '\(raw)'")
            return nil
        }
        return value
    }

    /// A finite decimal number such as `0`, `-5` or `2.5`.
    func number(_ node: Node, _ path: String) -> Double? {
        guard let raw = string(node, path, what: "a number") else { return nil }
        guard let value = try? FactValue.parseNumber(raw, language: .en), !raw.contains(",") else {
            report(node, path, "expected a number such as 0, 100 or 2.5, found '\(raw)'")
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ path: String) -> Bool? {
        guard let raw = string(node, path, what: "true or false") else { return nil }
        switch raw {
        case "true": return true
        case "false": return false
        default:
            report(node, path, "expected true or false, found '\(raw)'")
            return nil
        }
    }

    /// A list of ids; a single scalar is reported, since `after: a` almost always means `after: [a]`.
    func idList(_ node: Node, _ path: String) -> [(id: String, path: String)] {
        if node.scalar != nil {
            remember(node, path)
            report(node, path, "expected a list", hint: "write [\(node.scalar?.string ?? "")] with brackets")
            return []
        }
        return sequence(node, path, what: "ids").enumerated().compactMap { index, item in
            let itemPath = "\(path)[\(index)]"
            return string(item, itemPath, what: "an id").map { ($0, itemPath) }
        }
    }

    /// The languages every text must be given in: a journey's `languages`, else Swedish and English.
    var languages: [Language] = Language.authoring

    /// A text in each of ``languages``; a missing one is reported, but the others are still used. A language the
    /// file is not written in shows the first of ``languages`` (or whichever is given).
    func text(_ node: Node, _ path: String) -> LocalizedText? {
        let all = Language.authoring.map(\.rawValue)
        guard let fields = mapping(node, path, keys: all, what: "a text") else {
            if node.scalar != nil {
                diagnostics.removeLast()
                report(node, path, "expected a text in \(languageNames)", hint: "write { \(languages.map { "\($0.rawValue): ..." }.joined(separator: ", ")) }")
            }
            return nil
        }
        var given: [Language: String] = [:]
        for language in Language.authoring {
            given[language] = fields[language.rawValue].flatMap { string($0, "\(path).\(language.rawValue)") }
        }
        for language in languages where fields[language.rawValue] == nil {
            report(node, path, "missing \(Self.name(of: language)) translation (\(language.rawValue))", hint: "add '\(language.rawValue):'")
        }
        guard let fallback = (languages + Language.authoring).lazy.compactMap({ given[$0] }).first else { return nil }
        var text = LocalizedText(sv: given[.sv] ?? fallback, en: given[.en] ?? fallback)
        let stable = stablePath(path)
        let at = node.mark.map(position)
        sourceTexts.append(SourceText(path: stable, english: text.en, line: at?.line ?? 0, column: at?.column ?? 0))
        // Hashed only when translated: most texts are read with no translation files at all.
        var hash: String?
        for translation in translationFiles {
            guard let entry = translation.entry(stable) else { continue }
            let current = hash ?? SourceHash.of(text.en)
            hash = current
            text.translations[translation.language] = LocalizedText.Translation(text: entry.text, isStale: entry.source != current)
        }
        return text
    }

    // MARK: Translations

    /// Stable names for document paths that hold a list index, such as `steps[2]` → `steps.residence-permit`, so a
    /// translation's path survives steps being reordered.
    var stablePrefixes: [String: String] = [:]
    /// The translation files whose texts ``text(_:_:)`` attaches to the texts it reads.
    var translationFiles: [TranslationFile] = []
    /// Every text read, by stable path, in file order: what translations are checked against.
    private(set) var sourceTexts: [SourceText] = []

    /// `path` with its longest prefix in ``stablePrefixes`` replaced.
    func stablePath(_ path: String) -> String {
        var best: (prefix: String, stable: String)?
        for (prefix, stable) in stablePrefixes where path.hasPrefix(prefix + ".") && prefix.count > (best?.prefix.count ?? -1) {
            best = (prefix, stable)
        }
        guard let best else { return path }
        return best.stable + path.dropFirst(best.prefix.count)
    }

    private var languageNames: String {
        let names = languages.map(Self.name(of:))
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names[0]
    }

    static func name(of language: Language) -> String { language.englishName }
}

/// A 1-based line and column (in Unicode scalars, as libyaml counts them).
struct TextPosition: Hashable {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark) { self.init(line: mark.line, column: mark.column) }

    /// Just after the last character of `text`, with lines broken as YAML breaks them (LF, CR, CRLF, NEL, LS, PS)
    /// and columns counted in Unicode scalars, as libyaml counts them.
    init(endOf text: String) {
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default: column += 1
            }
            previous = scalar
        }
        self.init(line: line, column: column)
    }
}

extension TextPosition: Comparable {
    static func < (lhs: TextPosition, rhs: TextPosition) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
}
