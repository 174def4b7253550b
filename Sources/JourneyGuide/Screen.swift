/// One screen of the guide: what the person sees before the next prompt.
public struct Screen: Hashable, Sendable {
    public var lines: [Line]

    public init(_ lines: [Line] = []) { self.lines = lines }

    /// Appends a line.
    public mutating func add(_ line: Line) { lines.append(line) }

    /// Appends a blank line, unless the screen is empty or already ends with one.
    public mutating func addBlank() {
        guard let last = lines.last, !last.isBlank else { return }
        lines.append(Line(""))
    }
}
