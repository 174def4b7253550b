/// Why a file could not be imported: what, where (the file, and the line and column or the JSON path), and how to fix it.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of problem, for callers that act on it.
    public enum Code: String, Sendable {
        /// The file cannot be read, or is too large.
        case unreadable
        /// The file is not JSON.
        case syntax
        /// The JSON is not a GOV.UK step-by-step navigation Lotsen can import.
        case notStepByStep
        /// The RDF describes no public service and no life or business event (CPSV-AP).
        case notCatalogue
        /// The content item is in a language Lotsen's journeys are not written in.
        case unsupportedLanguage
        /// An option, such as the journey id, is not usable.
        case invalidOption
        /// The journey made from the file does not validate: a bug in the importer.
        case internalError
    }

    public let code: Code
    /// The file as the person named it.
    public let file: String
    public let line: Int?
    public let column: Int?
    /// Where in the content item, such as `details.step_by_step_nav.steps`.
    public let path: String?
    public let message: String
    public let hint: String?

    public init(_ code: Code, file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String, hint: String? = nil) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `file:3:7: message`, or `file: path: message`, compiler style.
    public var description: String {
        var place = file
        if let line, let column { place += ":\(line):\(column)" }
        return "\(place): " + (path.map { "\($0): " } ?? "") + message
    }
}

/// Something the import dropped or changed on the way, which the journey author should know about.
public struct ImportWarning: Equatable, Sendable, CustomStringConvertible {
    /// Where in the content item, such as `details.step_by_step_nav.steps[2].contents[1].contents[0].href`.
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
