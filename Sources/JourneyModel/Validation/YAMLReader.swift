import Yams

/// Reads a composed YAML tree the way the validator needs it: every problem becomes a located diagnostic
/// instead of a thrown error, so one pass reports them all, and every node read leaves its location behind
/// for the checks that come after parsing.
final class YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The location of every node read, by document path (`steps[0].when`).
    private(set) var locations: [String: Mark] = [:]

    init(file: String) { self.file = file }

    /// Composes the text into a node tree, reporting a syntax error with its position.
    func compose(_ text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(nil, "", "the file is empty", hint: "see docs for the expected format")
                return nil
            }
            return node
        } catch let error as YamlError {
            reportSyntax(error)
            return nil
        } catch {
            report(nil, "", "cannot read the file as YAML")
            return nil
        }
    }

    private func reportSyntax(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            diagnostics.append(Diagnostic(file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax error: \(detail)",
                hint: "check indentation and quoting near here; quote values that contain ': ' or start with '{', '[', '*' or '&'"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            diagnostics.append(Diagnostic(file: file, line: context.mark.line, column: context.mark.column, path: "",
                message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping", hint: "each key may appear once; remove or merge the repeated one"))
        case .reader(let problem, _, _, _):
            diagnostics.append(Diagnostic(file: file, line: 0, column: 0, path: "", message: "YAML syntax error: \(problem)", hint: "save the file as UTF-8 text"))
        default:
            diagnostics.append(Diagnostic(file: file, line: 0, column: 0, path: "", message: "YAML syntax error: \(error)"))
        }
    }

    // MARK: Reporting

    func report(_ node: Node?, _ path: String, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) {
        let mark = node?.mark ?? locations[path]
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, severity: severity, path: path, message: message, hint: hint))
    }

    /// Reports at a known path's location, or at the nearest enclosing path that was read.
    func report(at path: String, _ message: String, hint: String? = nil, columnOffset: Int = 0, severity: Diagnostic.Severity = .error) {
        var probe = path
        var mark = locations[probe]
        while mark == nil, let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) {
            probe = String(probe[..<cut])
            mark = locations[probe]
        }
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 0, column: (mark?.column ?? 0) + (mark == nil ? 0 : columnOffset),
            severity: severity, path: path, message: message, hint: hint))
    }

    func remember(_ node: Node, _ path: String) {
        if let mark = node.mark { locations[path] = mark }
    }

    // MARK: Reading

    /// A mapping's entries by key, after reporting unknown keys (with a suggestion) and missing required ones.
    func mapping(_ node: Node, _ path: String, keys allowed: [String], required: [String] = [], what: String) -> [String: Node]? {
        remember(node, path)
        guard let mapping = node.mapping else {
            report(node, path, "expected \(what) as a mapping of keys to values", hint: "write it as 'key: value' lines indented under '\(path.isEmpty ? "the document" : path)'")
            return nil
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, path, "a key must be plain text")
                continue
            }
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                let hint = Suggestion.closest(to: key, among: allowed).map { "did you mean '\($0)'?" }
                    ?? "allowed keys: \(allowed.joined(separator: ", "))"
                report(keyNode, childPath, "unknown key '\(key)' in \(what)", hint: hint)
                continue
            }
            remember(value, childPath)
            result[key] = value
        }
        for key in required where result[key] == nil {
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

    /// A text in Swedish and English; a missing language is reported, but the other is still used.
    func text(_ node: Node, _ path: String) -> LocalizedText? {
        guard let fields = mapping(node, path, keys: ["sv", "en"], what: "a text") else {
            if node.scalar != nil {
                diagnostics.removeLast()
                report(node, path, "expected a text in Swedish and English", hint: "write { sv: ..., en: ... }")
            }
            return nil
        }
        let sv = fields["sv"].flatMap { string($0, "\(path).sv") }
        let en = fields["en"].flatMap { string($0, "\(path).en") }
        if fields["sv"] == nil { report(node, path, "missing Swedish translation (sv)", hint: "add 'sv:'") }
        if fields["en"] == nil { report(node, path, "missing English translation (en)", hint: "add 'en:'") }
        guard sv != nil || en != nil else { return nil }
        return LocalizedText(sv: sv ?? en ?? "", en: en ?? sv ?? "")
    }
}
