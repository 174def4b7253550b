/// Where the guide talks to the person: a real terminal (``TTYTerminal``), a plain line-by-line stream for
/// screen readers and scripts (``PlainTerminal``), or a scripted conversation in tests.
///
/// The guide decides what to say; a terminal decides how it looks. Every state change is saved by the engine
/// before the next ``read(prompt:)``, so a terminal may end the conversation at any moment without losing anything.
public protocol Terminal: AnyObject {
    /// Shows a new screen. A terminal that can redraw replaces what was shown; others print it after it.
    func show(_ screen: Screen)
    /// Adds lines below what is shown, such as why an answer was not accepted.
    func write(_ lines: [Line])
    /// Shows `prompt` and reads one line of input.
    func read(prompt: String) -> TerminalInput
    /// How many columns and rows a screen has before it scrolls; `nil` when there is no screen to fit, as for plain
    /// lines, a pipe or a script.
    var size: TerminalSize? { get }
    /// Plain mode, for screen readers and scripts: every line is heard, so after an action the guide says what changed
    /// rather than reading the whole list of steps again.
    var isPlain: Bool { get }
}

extension Terminal {
    public var size: TerminalSize? { nil }
    public var isPlain: Bool { false }

    /// Whether `screen`, wrapped at the terminal's width, fits above the prompt without scrolling; always on a terminal
    /// of unknown size.
    public func fits(_ screen: Screen) -> Bool {
        guard let size else { return true }
        return screen.lines.reduce(0) { $0 + $1.rows(width: size.columns).count } + 1 <= size.rows
    }
}

/// A terminal's size in character cells.
public struct TerminalSize: Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// What a terminal read.
public enum TerminalInput: Hashable, Sendable {
    /// A line the person typed, without its line ending.
    case line(String)
    /// The input ended (Ctrl-D, or the end of a pipe or script).
    case end
    /// The person pressed Ctrl-C.
    case interrupted
}
