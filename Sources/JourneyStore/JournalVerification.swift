/// The result of checking the access journal's hash chain from the first entry to the last.
public struct JournalVerification: Hashable, Sendable {
    public enum Problem: Hashable, Sendable {
        /// The entry's content no longer matches its hash: it was edited.
        case edited(sequence: Int64)
        /// Entries are missing before this one: they were deleted.
        case missing(before: Int64)
        /// The entry does not point at the hash of the one before it: entries were replaced or reordered.
        case brokenLink(sequence: Int64)
    }

    /// How many entries were checked.
    public let entries: Int
    /// The last entry's hash. Keep it elsewhere: a later check that starts from it also catches removed tail entries.
    public let head: String
    /// The first problem found, `nil` when the chain is whole.
    public let problem: Problem?

    public var isIntact: Bool { problem == nil }

    public init(entries: Int, head: String, problem: Problem?) {
        self.entries = entries
        self.head = head
        self.problem = problem
    }
}
