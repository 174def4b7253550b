import Foundation

/// Standard output and error, unbuffered where it matters so messages and prompts interleave correctly.
enum Console {
    static func print(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
