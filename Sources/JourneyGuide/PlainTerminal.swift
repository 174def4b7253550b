import Foundation

/// Line by line, no escape codes, no redrawing: for screen readers, pipes and scripts. Every prompt is a line of
/// its own, so a script can read the output line by line and answer each prompt with one line.
public final class PlainTerminal: Terminal {
    private let reader: LineReader
    private let output: (String) -> Void
    private var hasShown = false

    /// Reads standard input and writes standard output; Ctrl-C ends the conversation cleanly.
    public convenience init() {
        self.init(reader: LineReader(catchInterrupts: true), output: StandardOutput.write)
    }

    init(reader: LineReader, output: @escaping (String) -> Void) {
        self.reader = reader
        self.output = output
    }

    public func show(_ screen: Screen) {
        // A blank line between screens, so a listener hears where a new one begins.
        if hasShown { output("\n") }
        hasShown = true
        write(screen.lines)
    }

    public var isPlain: Bool { true }

    public func write(_ lines: [Line]) {
        output(lines.flatMap { $0.rows(width: nil) }.map { Self.spoken($0) + "\n" }.joined())
    }

    public func read(prompt: String) -> TerminalInput {
        output(Self.spoken(Line(prompt).rows(width: nil)[0]) + "\n")
        return reader.readLine()
    }

    /// A row without the symbols a screen reader reads out by name ("em dash", "middle dot", "bullet", "ellipsis",
    /// box drawing): a dash or dot between two parts becomes a comma, a bullet before an item goes, an ellipsis and box
    /// characters go. Words, numbers, links and the person's own text are left as they are.
    static func spoken(_ row: String) -> String {
        var text = row.replacingOccurrences(of: " — ", with: ", ").replacingOccurrences(of: " · ", with: ", ")
            .replacingOccurrences(of: "• ", with: "").replacingOccurrences(of: "…", with: "")
        text.unicodeScalars.removeAll { (0x2500...0x259F).contains($0.value) || [0x2014, 0x00B7, 0x2022].contains($0.value) }
        while text.last == " " { text.removeLast() }
        return text
    }
}
