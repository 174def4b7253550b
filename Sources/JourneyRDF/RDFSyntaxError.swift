/// A document that is not valid Turtle or JSON-LD: what is wrong and where, by line and column (both from 1;
/// the column counts characters, not bytes).
public struct RDFSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The line and column of byte `offset` in `bytes`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // UTF-8 continuation bytes belong to the character before
            }
            index += 1
        }
        return (line, column)
    }

    /// `3:7: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
