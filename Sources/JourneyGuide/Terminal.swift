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
