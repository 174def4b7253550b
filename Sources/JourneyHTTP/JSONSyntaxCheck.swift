/// Reads a request body's JSON text once, before it is decoded, for what `JSONSerialization` and `JSONDecoder` let
/// through or report without a place: a syntax error (400 naming line and column), a key given twice in one object
/// (400 naming the key, dotted from the body's root), and nesting deeper than ``maxDepth``.
struct JSONSyntaxCheck {
    /// Deeper than any request the API takes; bounds the work a hostile body can ask for.
    static let maxDepth = 32

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// Throws the refusal for the first problem in `bytes`, or returns when the text is one well-formed JSON value
    /// without duplicate keys.
    static func check(_ bytes: [UInt8]) throws(APIError) {
        var checker = JSONSyntaxCheck(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { checker.index = 3 }
        checker.skipWhitespace()
        try checker.value(path: [], depth: 0)
        checker.skipWhitespace()
        guard checker.index == bytes.count else { throw checker.malformed("there is more after the JSON value") }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The 1-based column of the current byte, counted in characters (UTF-8 continuation bytes are not counted).
    private var column: Int {
        1 + bytes[lineStart..<min(index, bytes.count)].count { $0 & 0xC0 != 0x80 }
    }

    private func malformed(_ what: String) -> APIError {
        APIError.badRequest("malformedJSON", "the request body is not valid JSON: \(what) at line \(line), column \(column)")
    }

    private mutating func skipWhitespace() {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func value(path: [String], depth: Int) throws(APIError) {
        guard depth <= Self.maxDepth else { throw malformed("nested deeper than \(Self.maxDepth) levels") }
        guard let byte = current else { throw malformed("the text ends where a value should be") }
        switch byte {
        case UInt8(ascii: "{"): try object(path: path, depth: depth)
        case UInt8(ascii: "["): try array(path: path, depth: depth)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw malformed("unexpected \(describe(byte))")
        }
    }

    private mutating func object(path: [String], depth: Int) throws(APIError) {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return
        }
        var seen: Set<String> = []
        while true {
            guard current == UInt8(ascii: "\"") else { throw malformed("expected a key in double quotes") }
            let key = try string()
            let keyPath = path + [key]
            guard seen.insert(key).inserted else {
                let field = keyPath.joined(separator: ".")
                throw APIError.badRequest("duplicateField", "'\(field)' is given more than once", field: field)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw malformed("expected ':' after a key") }
            index += 1
            skipWhitespace()
            try value(path: keyPath, depth: depth + 1)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw malformed("expected ',' or '}'")
            }
        }
    }

    private mutating func array(path: [String], depth: Int) throws(APIError) {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return
        }
        var position = 0
        while true {
            // Elements are named as the decoder names them: `facts[0]`, or `[0]` at the root.
            var elementPath = path
            if elementPath.isEmpty { elementPath.append("[\(position)]") } else { elementPath[elementPath.count - 1] += "[\(position)]" }
            try value(path: elementPath, depth: depth + 1)
            position += 1
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw malformed("expected ',' or ']'")
            }
        }
    }

    /// A string starting at the opening quote; returns its text (escapes resolved), for duplicate keys.
    private mutating func string() throws(APIError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var start = index
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars) }
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                flush(index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(index)
                index += 1
                guard let escaped = current else { break }
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escaped))
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    scalars.append(try unicodeEscape())
                default: throw malformed("unknown escape '\\\(describe(escaped))'")
                }
                index += 1
                start = index
            case 0x00..<0x20:
                throw malformed("a control character inside a string must be escaped")
            default:
                index += 1
            }
        }
        throw malformed("a string is not closed")
    }

    /// The character of a `\\uXXXX` escape, the index on its `u`; leaves the index on the escape's last digit. A
    /// surrogate half stands for no character on its own: a high one must be followed at once by a low one, and the
    /// pair is one character. A lone half is refused here, with its place, rather than by the decoder without one
    /// (and two keys with different lone halves are never mistaken for the same key).
    private mutating func unicodeEscape() throws(APIError) -> Unicode.Scalar {
        let backslash = index - 1
        let high = try hexCode(after: index)
        index += 4
        switch high {
        case 0xDC00...0xDFFF:
            index = backslash
            throw malformed("'\\u\(Self.hex(high))' is the second half of a surrogate pair with no first half")
        case 0xD800...0xDBFF:
            guard bytes[min(index + 1, bytes.count)...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]),
                let low = try? hexCode(after: index + 2), (0xDC00...0xDFFF).contains(low)
            else {
                index = backslash
                throw malformed("'\\u\(Self.hex(high))' is the first half of a surrogate pair with no second half")
            }
            index += 6
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        default:
            return Unicode.Scalar(high)!
        }
    }

    /// The four hexadecimal digits after `position`, as a number.
    private func hexCode(after position: Int) throws(APIError) -> UInt32 {
        let hex = bytes[min(position + 1, bytes.count)..<min(position + 5, bytes.count)]
        guard hex.count == 4, hex.allSatisfy({ Self.isHexDigit($0) }), let code = UInt32(String(decoding: hex, as: UTF8.self), radix: 16)
        else { throw malformed("'\\u' needs four hexadecimal digits") }
        return code
    }

    private static func hex(_ code: UInt32) -> String {
        let digits = String(code, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private mutating func literal(_ word: String) throws(APIError) {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else { throw malformed("unexpected \(describe(bytes[index]))") }
        index += expected.count
    }

    private mutating func number() throws(APIError) {
        func digits() -> Int {
            let start = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - start
        }
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw malformed("a number needs digits")
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw malformed("a number needs digits after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw malformed("a number needs digits in its exponent") }
        }
        // JSONSerialization refuses a number beyond a double's range (`1e400`) without saying where; say it here.
        if !(Double(String(decoding: bytes[start..<index], as: UTF8.self))?.isFinite ?? false) {
            index = start
            throw malformed("a number is too large")
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }

    /// A byte as a message shows it: printable ASCII quoted, anything else as its code.
    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
