import Foundation

/// Writes to standard output unbuffered, so text always appears before the guide waits for input.
enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
