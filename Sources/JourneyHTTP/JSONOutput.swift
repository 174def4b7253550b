import Foundation

/// JSON text written by hand, byte for byte what ``JSONBody``'s `JSONEncoder` writes for the same value (keys
/// sorted by their UTF-8 bytes, absent optionals left out, no escaped slashes, whole-second UTC timestamps), for
/// the documents every status read returns: `Codable`'s generic encoding was the largest single cost of a read.
/// The caller writes an object's keys in sorted order; a test holds each writer to the encoder's output.
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value in the current object or array follows another one.
    private var needsComma = false

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// Writes an object whose fields `body` writes.
    mutating func object(_ body: (inout JSONOutput) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes an array of `items`, each written by `element`.
    mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONOutput, Items.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            needsComma = false
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts a field whose value the caller writes next (an object or an array).
    mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    /// Starts a field whose name is only known at run time, escaped like any string.
    mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        let text: StaticString = value ? "true" : "false"
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    mutating func field(_ name: StaticString, _ value: Date?) {
        guard let value else { return }
        key(name)
        bytes.append(UInt8(ascii: "\""))
        InternetTimestamp.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func field(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        key(name)
        array(values) { output, value in output.string(value) }
    }

    /// Writes a string value, escaped as `JSONEncoder` escapes: quote, backslash and control characters only.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }
}

/// A document ``JSONBody`` writes with ``JSONOutput`` instead of `JSONEncoder`; it stays `Encodable`, and a test
/// holds the two to the same bytes.
protocol JSONWritable: Encodable {
    func write(to output: inout JSONOutput)
}
