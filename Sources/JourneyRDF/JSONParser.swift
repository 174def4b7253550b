/// A strict JSON (RFC 8259) reader for untrusted files: it reports the line and column of the first error,
/// refuses nesting deeper than ``maximumDepth`` (so a hostile file cannot exhaust the stack), and never
/// accepts what JSON does not allow (comments, trailing commas, unescaped control characters, lone surrogates).
public struct JSONParser {
    /// Where and why a file is not JSON. Lines and columns are 1-based; columns count Unicode scalars.
    public struct SyntaxError: Error, Equatable, Sendable {
        public let line: Int
        public let column: Int
        public let message: String
    }

    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON text; a UTF-8 byte-order mark at the start is skipped.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.error("the file is empty; expected a JSON object") }
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected \(parser.describeCurrent()) after the end of the JSON value") }
        return value
    }

    private func error(_ message: String) -> SyntaxError { SyntaxError(line: line, column: column, message: message) }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return byte < 0x80 ? "character \\u\(hex(byte))" : "text"
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "00" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }

    /// Moves one byte on, counting lines and (scalar) columns.
    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private mutating func value() throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try nested { (parser: inout JSONParser) throws(SyntaxError) in try parser.object() }
        case UInt8(ascii: "["): return try nested { (parser: inout JSONParser) throws(SyntaxError) in try parser.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected \(describeCurrent()); expected a value (an object, list, text, number, true, false or null)")
        }
    }

    private mutating func nested(_ body: (inout JSONParser) throws(SyntaxError) -> JSONValue) throws(SyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("objects and lists are nested more than \(Self.maximumDepth) levels deep") }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(SyntaxError) -> JSONValue {
        advance()  // {
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes, found \(describeCurrent())")
            }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the member name \"\(key)\"") }
            advance()
            skipWhitespace()
            let value = try value()
            if let existing = members.firstIndex(where: { $0.key == key }) { members.remove(at: existing) }
            members.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file; an object is not closed with '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                let comma = error("a comma before '}' is not allowed in JSON")
                advance()
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { throw comma }
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}' after an object member, found \(describeCurrent())") }
            advance()
            return .object(members)
        }
    }

    private mutating func array() throws(SyntaxError) -> JSONValue {
        advance()  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            advance()
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file; a list is not closed with ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                let comma = error("a comma before ']' is not allowed in JSON")
                advance()
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw comma }
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']' after a list item, found \(describeCurrent())") }
            advance()
            return .array(items)
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else { throw error("unexpected \(describeCurrent()); expected '\(word)'") }
            advance()
        }
    }

    private mutating func number() throws(SyntaxError) -> String {
        let start = index
        func digits(_ parser: inout JSONParser) -> Int {
            var count = 0
            while parser.index < parser.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]) {
                parser.advance()
                count += 1
            }
            return count
        }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
            advance()
        } else if digits(&self) == 0 {
            throw error("a number needs digits")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            advance()
            guard digits(&self) > 0 else { throw error("a number needs digits after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            advance()
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { advance() }
            guard digits(&self) > 0 else { throw error("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(SyntaxError) -> String {
        advance()  // "
        var scalars = String.UnicodeScalarView()
        var run = index  // start of the bytes copied as they are
        func flush(_ parser: JSONParser, upTo end: Int) throws(SyntaxError) {
            guard run < end else { return }
            guard let text = String(validating: parser.bytes[run..<end], as: UTF8.self) else { throw parser.error("the text is not valid UTF-8") }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard index < bytes.count else { throw error("unexpected end of file inside text; close it with '\"'") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try flush(self, upTo: index)
                advance()
                return String(scalars)
            }
            if byte < 0x20 { throw error("a control character (\\u\(hex(byte))) must be escaped inside text") }
            if byte != UInt8(ascii: "\\") {
                advance()
                continue
            }
            try flush(self, upTo: index)
            advance()
            guard index < bytes.count else { throw error("unexpected end of file after '\\'") }
            let escape = bytes[index]
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                advance()
                var code = try hexQuad()
                if (0xD800...0xDBFF).contains(code) {
                    // A high surrogate must be followed by an escaped low one; alone it is no character.
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("a \\u escape for a high surrogate must be followed by one for a low surrogate")
                    }
                    advance()
                    advance()
                    let low = try hexQuad()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("a \\u escape for a high surrogate must be followed by one for a low surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw error("a \\u escape for a low surrogate needs a high surrogate before it")
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                run = index
                continue
            default: throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in text")
            }
            advance()
            run = index
        }
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else {
                throw error("a \\u escape needs four hexadecimal digits")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }
}
