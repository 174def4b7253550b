import Foundation
import JourneyModel
import Testing

@testable import JourneyGuide

#if canImport(Glibc)
    import Glibc
#endif

/// The real terminals, on pipes: what they print, when they may use escape codes, and how they read lines.
@Suite("Terminals")
struct TerminalTests {
    /// A pipe with `input` written and closed, read by a `LineReader` that does not catch Ctrl-C.
    private func reader(_ input: String) -> LineReader {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let bytes = Array(input.utf8)
        #expect(bytes.isEmpty || write(ends[1], bytes, bytes.count) == bytes.count)
        close(ends[1])
        return LineReader(descriptor: ends[0], catchInterrupts: false)
    }

    /// Collects what a terminal writes.
    final class Output: @unchecked Sendable {
        var text = ""
        func write(_ more: String) { text += more }
    }

    @Test("lines are read with or without a final newline, CRLF is trimmed, and the end is reported")
    func readsLinesUntilTheEnd() async {
        let reader = reader("yes\r\n\nlast")
        #expect(reader.readLine() == .line("yes"))
        #expect(reader.readLine() == .line(""))
        #expect(reader.readLine() == .line("last"))
        #expect(reader.readLine() == .end)
        #expect(reader.readLine() == .end)
    }

    @Test("the plain terminal prints every prompt on a line of its own and never an escape code")
    func plainTerminalPrintsLines() async {
        let output = Output()
        let terminal = PlainTerminal(reader: reader("1\n"), output: output.write)
        terminal.show(Screen([Line("Title", style: .title), Line("Next", style: .highlight, prefix: "  1) ")]))
        #expect(terminal.read(prompt: "Your choice:") == .line("1"))
        terminal.show(Screen([Line("Second")]))
        #expect(terminal.read(prompt: "Your choice:") == .end)
        #expect(output.text == "Title\n  1) Next\nYour choice:\n\nSecond\nYour choice:\n")
    }

    @Test("the terminal redraws and colours only when escape codes are allowed")
    func ttyUsesEscapesOnlyWhenAllowed() async {
        let screen = Screen([Line("Title", style: .title), Line("Do this next", style: .highlight), Line("plain")])
        let styled = Output()
        let colourful = TTYTerminal(usesEscapes: true, reader: reader(""), output: styled.write, width: { 80 })
        colourful.show(screen)
        #expect(colourful.read(prompt: "Your choice:") == .end)
        #expect(styled.text.hasPrefix("\u{1B}[H\u{1B}[2J\u{1B}[1mTitle\u{1B}[0m\n\u{1B}[1;36mDo this next\u{1B}[0m\nplain\n"))
        let unstyled = Output()
        let plain = TTYTerminal(usesEscapes: false, reader: reader(""), output: unstyled.write, width: { 80 })
        plain.show(screen)
        #expect(plain.read(prompt: "Your choice:") == .end)
        #expect(unstyled.text == "Title\nDo this next\nplain\nYour choice: \n")
    }

    @Test("no style is dim: a line that needs no attention now is printed as it is, never faint")
    func nothingIsDim() async {
        let styled = Output()
        let terminal = TTYTerminal(usesEscapes: true, reader: reader(""), output: styled.write, width: { 80 })
        terminal.show(Screen([Line("Locked: waits for Open a bank account", style: .muted)]))
        #expect(styled.text == "\u{1B}[H\u{1B}[2JLocked: waits for Open a bank account\n")
        #expect(!styled.text.contains("\u{1B}[2m") && !styled.text.contains(";2m"))
    }

    @Test("plain lines drop the symbols a screen reader reads out by name, and keep words, numbers and links")
    func plainLinesHaveNoSymbols() {
        #expect(PlainTerminal.spoken("Notify your move — Swedish Tax Agency") == "Notify your move, Swedish Tax Agency")
        #expect(PlainTerminal.spoken("Cost: SEK 400 · Takes about 2 weeks") == "Cost: SEK 400, Takes about 2 weeks")
        #expect(PlainTerminal.spoken("  • Company name: Testkrogen AB") == "  Company name: Testkrogen AB")
        #expect(PlainTerminal.spoken("═══ Lotsen ───") == " Lotsen")
        #expect(PlainTerminal.spoken("https://www.verksamt.se/starta?x=1-2") == "https://www.verksamt.se/starta?x=1-2")
    }

    @Test("escape codes need a terminal, no NO_COLOR and a TERM that is not dumb")
    func escapeRules() async {
        #expect(TTYTerminal.allowsEscapes(environment: ["TERM": "xterm-256color"], outputIsTerminal: true))
        #expect(!TTYTerminal.allowsEscapes(environment: ["TERM": "xterm-256color"], outputIsTerminal: false))
        #expect(!TTYTerminal.allowsEscapes(environment: ["TERM": "xterm", "NO_COLOR": "1"], outputIsTerminal: true))
        // no-color.org: an empty NO_COLOR does not count.
        #expect(TTYTerminal.allowsEscapes(environment: ["TERM": "xterm", "NO_COLOR": ""], outputIsTerminal: true))
        #expect(!TTYTerminal.allowsEscapes(environment: ["TERM": "dumb"], outputIsTerminal: true))
    }

    @Test("long lines wrap under their own text, keep thousands groups together, and stay whole without a width")
    func linesWrap() async {
        let line = Line("Cost: From SEK 1,500 per adult and 750 kr per child, work permit 2 200 kr in the e-service", prefix: "1     ")
        #expect(line.rows(width: 40) == [
            "1     Cost: From SEK 1,500 per adult and",
            "      750 kr per child, work permit",
            "      2 200 kr in the e-service",
        ])
        #expect(line.rows(width: nil) == ["1     " + line.text])
        #expect(Line("https://example.org/a/very/long/link/that/cannot/break", prefix: "  ").rows(width: 30)
            == ["  https://example.org/a/very/long/link/that/cannot/break"])
    }
}
