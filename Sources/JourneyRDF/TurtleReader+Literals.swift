/// Strings (short and long, with either quote), language tags, datatypes, numbers.
extension TurtleReader {
    /// A quoted string with an optional `@lang` or `^^datatype`.
    func rdfLiteral() throws -> RDFLiteral {
        let lexical = try quotedString()
        if current == UInt8(ascii: "@") {
            return RDFLiteral(lexical, language: try languageTag())
        }
        if current == UInt8(ascii: "^"), peek(1) == UInt8(ascii: "^") {
            pos += 2
            let datatype: String
            if current == UInt8(ascii: "<") {
                datatype = try iriRef()
            } else if isNameStart || current == UInt8(ascii: ":") {
                datatype = try prefixedName()
            } else {
                throw fail("expected a datatype IRI after '^^', found \(found)")
            }
            return RDFLiteral(lexical, datatype: datatype)
        }
        return RDFLiteral(lexical)
    }

    /// `@en`, `@sv-SE`: letters, then hyphenated letters and digits.
    func languageTag() throws -> String {
        pos += 1
        let start = pos
        while isLetter(current) { pos += 1 }
        guard pos > start else { throw fail("expected a language tag after '@', such as @en") }
        while current == UInt8(ascii: "-") {
            let dash = pos
            pos += 1
            while isLetter(current) || current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") { pos += 1 }
            guard pos > dash + 1 else { throw fail("a language tag cannot end in '-'", at: dash) }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// `"…"`, `'…'`, `"""…"""` or `'''…'''`, escapes decoded.
    func quotedString() throws -> String {
        let start = pos
        let quote = current
        let long = peek(1) == quote && peek(2) == quote
        pos += long ? 3 : 1
        let contentStart = pos
        var out: [UInt8]?
        while true {
            guard pos < bytes.count else { throw fail("the string that starts at \(place(start)) is not closed", at: start) }
            let byte = bytes[pos]
            if byte == quote {
                if !long || peek(1) == quote && peek(2) == quote {
                    let text: String
                    if let out {
                        text = String(decoding: out, as: UTF8.self)
                    } else {
                        text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]), as: UTF8.self)
                    }
                    pos += long ? 3 : 1
                    return text
                }
                out?.append(byte)
                pos += 1
            } else if byte == UInt8(ascii: "\\") {
                if out == nil { out = Array(bytes[contentStart..<pos]) }
                let next = peek(1)
                switch next {
                case UInt8(ascii: "t"): out!.append(0x09)
                case UInt8(ascii: "b"): out!.append(0x08)
                case UInt8(ascii: "n"): out!.append(0x0A)
                case UInt8(ascii: "r"): out!.append(0x0D)
                case UInt8(ascii: "f"): out!.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): out!.append(next)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let scalar = try unicodeEscape()
                    out!.append(contentsOf: String(Character(scalar)).utf8)
                    continue
                default:
                    throw fail("'\\\(next < 0x80 && next >= 0x20 ? String(Character(UnicodeScalar(next))) : "")' is not an escape Turtle knows; write a backslash as \\\\")
                }
                pos += 2
            } else if !long && (byte == 0x0A || byte == 0x0D) {
                throw fail("a line break inside a \(quote == UInt8(ascii: "\"") ? "\"…\"" : "'…'") string; use \"\"\"…\"\"\" for text over several lines, or \\n")
            } else {
                let length = try utf8Length(at: pos)
                out?.append(contentsOf: bytes[pos..<pos + length])
                pos += length
            }
        }
    }

    /// INTEGER, DECIMAL or DOUBLE, its lexical form kept as written.
    func numericLiteral() throws -> RDFLiteral {
        let start = pos
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { pos += 1 }
        let integerDigits = digits()
        var datatype = XSD.integer
        if current == UInt8(ascii: "."), isDigit(peek(1)) || (integerDigits > 0 && isExponentAt(pos + 1)) {
            pos += 1
            _ = digits()
            datatype = XSD.decimal
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            guard integerDigits > 0 || datatype == XSD.decimal else { throw fail("expected a number, found \(found)", at: start) }
            guard isExponentAt(pos) else { throw fail("the exponent of the number needs digits, such as 1.5e3") }
            pos += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { pos += 1 }
            _ = digits()
            datatype = XSD.double
        }
        guard integerDigits > 0 || datatype != XSD.integer else { throw fail("expected a number, found \(found)", at: start) }
        return RDFLiteral(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self), datatype: datatype)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func digits() -> Int {
        let start = pos
        while isDigit(current) { pos += 1 }
        return pos - start
    }

    /// Whether an exponent (`e`, an optional sign, at least one digit) starts at `offset`.
    private func isExponentAt(_ offset: Int) -> Bool {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") else { return false }
        var next = offset + 1
        if next < bytes.count, bytes[next] == UInt8(ascii: "+") || bytes[next] == UInt8(ascii: "-") { next += 1 }
        return next < bytes.count && isDigit(bytes[next])
    }
}
