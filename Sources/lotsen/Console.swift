import JourneyGuide
import JourneyModel

/// Standard output and error for every command: the one place where what Lotsen prints is made safe for a terminal.
///
/// Each line goes through ``ControlCharacters/visible(_:)``, so a control character in a stored answer, an agency's
/// message or a file (an escape code, a carriage return, a line break) is shown as `\u{1B}` and never acts on the
/// terminal or forges a line. Output goes through ``StandardOutput``: a closed pipe or terminal ends the command
/// quietly with exit status 141.
enum Console {
    /// Prints one line.
    static func print(_ line: String = "") {
        StandardOutput.write(ControlCharacters.visible(line) + "\n")
    }

    /// Prints text that Lotsen composed of several lines joined with line breaks (an outline, a graph).
    static func print(block: String) {
        StandardOutput.write(block.split(separator: "\n", omittingEmptySubsequences: false).map { ControlCharacters.visible(String($0)) + "\n" }.joined())
    }

    /// Prints a JSON document, with the control characters JSON leaves raw written as `\uXXXX` escapes.
    static func print(json: String) {
        StandardOutput.write(ControlCharacters.visibleJSON(json) + "\n")
    }

    /// Asks a question on the line where the answer is typed.
    static func prompt(_ question: String) {
        StandardOutput.write(ControlCharacters.visible(question) + " ")
    }

    /// Prints one line on standard error.
    static func error(_ line: String) {
        StandardOutput.writeError(ControlCharacters.visible(line) + "\n")
    }
}
