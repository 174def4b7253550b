@testable import JourneyGuide

/// A terminal that plays one side of a conversation for tests: it answers each prompt from a script (or a
/// responder that looks at the screen) and keeps a transcript that reads like the person's terminal, with each
/// answer typed after its prompt, for golden files.
final class ScriptedTerminal: Terminal {
    typealias Responder = (_ prompt: String, _ screen: [String]) -> TerminalInput

    private let responder: Responder
    private let width: Int
    /// Everything, as the person would see it, including what they typed.
    private(set) var transcript = ""
    /// Only what the guide printed: never what was typed.
    private(set) var printed = ""
    /// The text of the screen shown last, with what was written below it since.
    private(set) var screen: [String] = []
    private(set) var screens = 0
    private var reads = 0
    /// Plays plain mode (`--plain`): the guide says what changed rather than reprinting the steps, and rows lose the
    /// symbols a screen reader would read out, as ``PlainTerminal`` prints them.
    var isPlain = false
    /// A terminal of this many rows and columns, for the view that fits it; `nil`: no screen to fit.
    var size: TerminalSize?

    /// Answers the prompts with `inputs` in order, then ends the input with `last` (end of input by default).
    convenience init(_ inputs: [String], then last: TerminalInput = .end, width: Int = 80) {
        var queue = inputs[...]
        self.init(width: width) { _, _ in queue.popFirst().map(TerminalInput.line) ?? last }
        remaining = { queue.count }
    }

    init(width: Int = 80, responder: @escaping Responder) {
        self.width = width
        self.responder = responder
    }

    /// Inputs not yet read, for a script; a test expects all of them to be used.
    private(set) var remaining: () -> Int = { 0 }

    func show(_ screen: Screen) {
        screens += 1
        self.screen = []
        append(["", "════════════════════════════════════════════════════════════════════════════"])
        write(screen.lines)
    }

    func write(_ lines: [Line]) {
        let rows = lines.flatMap { $0.rows(width: isPlain ? nil : width) }.map { isPlain ? PlainTerminal.spoken($0) : $0 }
        screen += rows
        append(rows)
        printed += rows.map { $0 + "\n" }.joined()
    }

    func read(prompt: String) -> TerminalInput {
        reads += 1
        // A guide that asks again and again without end would otherwise hang the test.
        let input = reads > 2_000 ? .end : responder(prompt, screen)
        printed += prompt + "\n"
        switch input {
        case .line(let text): append([prompt + " " + text])
        case .end: append([prompt + " ^D"])
        case .interrupted: append([prompt + " ^C"])
        }
        return input
    }

    private func append(_ rows: [String]) { transcript += rows.map { $0 + "\n" }.joined() }
}
