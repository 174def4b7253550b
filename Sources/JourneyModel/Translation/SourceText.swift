/// A translatable text as a journey or adapter file gives it: its stable path, the English source a translation is
/// made from, and where it stands (so a missing translation can be reported at its source).
public struct SourceText: Hashable, Sendable {
    /// Such as `title`, `facts.citizenship.ask`, `steps.residence-permit.links[0].title` or `services.folkbokforing.title`.
    public let path: String
    public let english: String
    public let line: Int
    public let column: Int

    public init(path: String, english: String, line: Int, column: Int) {
        self.path = path
        self.english = english
        self.line = line
        self.column = column
    }

    /// ``SourceHash`` of the English text.
    public var hash: String { SourceHash.of(english) }
}
