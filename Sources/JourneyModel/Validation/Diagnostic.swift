/// One problem found in a journey or adapter file, located in the file so an editor can jump to it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    /// 1-based line; 0 when the problem concerns the file as a whole.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    public var severity: Severity
    /// Where in the document, such as `steps[0].when`; empty for the document itself.
    public var path: String
    public var message: String
    /// How to fix it, such as "did you mean 'citizenship'?".
    public var hint: String?

    public init(file: String, line: Int, column: Int, severity: Severity = .error, path: String, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// Compiler style: `journeys/x.yaml:14:11: error: steps[0].when: unknown fact 'citizenshp' (did you mean 'citizenship'?)`.
    public var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        let subject = path.isEmpty ? "" : "\(path): "
        let suffix = hint.map { " (\($0))" } ?? ""
        return "\(location): \(severity.rawValue): \(subject)\(message)\(suffix)"
    }
}

extension [Diagnostic] {
    /// Sorted by file, then position, so output is stable and reads top to bottom.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            (lhs.element.file, lhs.element.line, lhs.element.column, lhs.offset)
                < (rhs.element.file, rhs.element.line, rhs.element.column, rhs.offset)
        }.map(\.element)
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
