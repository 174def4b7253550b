import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An interactive terminal: each screen replaces the last and styles show what matters, when escape codes are
/// allowed (standard output is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`). Without them it
/// prints like ``PlainTerminal``, but keeps the prompt on the input line and wraps to the terminal's width.
public final class TTYTerminal: Terminal {
    /// Whether colours, weights and clearing the screen are used.
    public let usesEscapes: Bool
    private let reader: LineReader
    private let output: (String) -> Void
    private let width: () -> Int
    private let height: () -> Int?
    private var hasShown = false

    /// Reads standard input and writes standard output; Ctrl-C ends the conversation cleanly.
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(usesEscapes: Self.allowsEscapes(environment: environment, outputIsTerminal: isatty(STDOUT_FILENO) == 1),
            reader: LineReader(catchInterrupts: true), output: StandardOutput.write, width: { Self.columns(environment: environment) },
            height: { Self.rows(environment: environment) })
    }

    init(usesEscapes: Bool, reader: LineReader, output: @escaping (String) -> Void, width: @escaping () -> Int, height: @escaping () -> Int? = { nil }) {
        self.usesEscapes = usesEscapes
        self.reader = reader
        self.output = output
        self.width = width
        self.height = height
    }

    /// Measured again for every screen, so a window made smaller or larger gets a view that fits.
    public var size: TerminalSize? { height().map { TerminalSize(columns: width(), rows: $0) } }

    /// Escape codes only on a real terminal, and never when `NO_COLOR` is set to anything (no-color.org) or
    /// the terminal says it cannot show them.
    public static func allowsEscapes(environment: [String: String], outputIsTerminal: Bool) -> Bool {
        guard outputIsTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    public func show(_ screen: Screen) {
        if usesEscapes {
            // Home, then clear to the end: the new screen replaces the old one.
            output("\u{1B}[H\u{1B}[2J")
        } else if hasShown {
            output("\n")
        }
        hasShown = true
        write(screen.lines)
    }

    public func write(_ lines: [Line]) {
        let columns = width()
        var text = ""
        for line in lines {
            for row in line.rows(width: columns) { text += styled(row, line.style) + "\n" }
        }
        output(text)
    }

    public func read(prompt: String) -> TerminalInput {
        output(styled(Line(prompt).rows(width: nil)[0], .heading) + " ")
        let input = reader.readLine()
        // Ctrl-C and Ctrl-D leave the cursor after the prompt; start the goodbye on a line of its own.
        if case .line = input {} else { output("\n") }
        return input
    }

    private func styled(_ text: String, _ style: Line.Style) -> String {
        guard usesEscapes, !text.isEmpty else { return text }
        let code: String
        switch style {
        case .normal: return text
        case .title, .heading: code = "1"
        case .highlight: code = "1;36"
        case .success: code = "32"
        // Nothing the guide says is dim: faint text is hard to read for many (and on many screens), and every line
        // of a screen matters to someone. Less urgent lines are simply not emphasised.
        case .muted: return text
        case .warning: code = "1;31"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// The terminal's height in rows, `LINES` when it cannot be asked, or `nil` when neither says.
    static func rows(environment: [String: String]) -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The terminal's width, capped so long texts stay easy to read; `COLUMNS` or 80 when it cannot be asked.
    static func columns(environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return min(Int(size.ws_col), 100) }
        return environment["COLUMNS"].flatMap(Int.init).map { min($0, 100) } ?? 80
    }
}
