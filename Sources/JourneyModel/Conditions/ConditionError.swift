/// A syntax or type error in a condition, pointing at the part of the source that is wrong.
///
/// Messages never quote fact *values* (conditions hold none), only names and literals from the journey file.
public struct ConditionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Character offsets into the condition's source (0-based, end exclusive). Empty at the end of the
    /// source when something is missing there.
    public let range: Range<Int>
    /// What is wrong, such as `unknown fact 'citizenshp'`.
    public let message: String
    /// How to fix it, such as `did you mean 'citizenship'?`.
    public let hint: String?

    public init(range: Range<Int>, message: String, hint: String? = nil) {
        self.range = range
        self.message = message
        self.hint = hint
    }

    /// `message (hint)`, the form compiler-style diagnostics print.
    public var description: String {
        guard let hint else { return message }
        return "\(message) (\(hint))"
    }
}

/// Every type error of one condition, in source order. (`Result` needs an `Error` as its failure,
/// which an array is not; this collection is one.)
public struct ConditionErrors: Error, Hashable, Sendable, RandomAccessCollection, CustomStringConvertible {
    public let errors: [ConditionError]

    public init(_ errors: [ConditionError]) { self.errors = errors }

    public var startIndex: Int { errors.startIndex }
    public var endIndex: Int { errors.endIndex }
    public subscript(position: Int) -> ConditionError { errors[position] }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
