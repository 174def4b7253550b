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

    public func write(_ lines: [Line]) {
        output(lines.flatMap { $0.rows(width: nil) }.map { $0 + "\n" }.joined())
    }

    public func read(prompt: String) -> TerminalInput {
        output(Line(prompt).rows(width: nil)[0] + "\n")
        return reader.readLine()
    }
}
