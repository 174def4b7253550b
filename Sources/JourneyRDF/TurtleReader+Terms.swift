/// IRIs, prefixed names and blank-node labels: the terms of Turtle that are not literals.
extension TurtleReader {
    func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"), 0x80...0xFF:
            true
        default: false
        }
    }

    /// Whether a prefix name (PN_PREFIX) can start at the position.
    var isNameStart: Bool {
        let byte = current
        if byte < 0x80 { return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        guard let (scalar, _) = scalarAt(pos) else { return false }
        return Self.isCharsBase(scalar)
    }

    /// An IRI, a prefixed name or a blank node, as a subject or object.
    func iriOrBlank(role: String) throws -> Int32 {
        switch current {
        case UInt8(ascii: "<"): return graph.intern(.iri(try iriRef()))
        case UInt8(ascii: "_") where peek(1) == UInt8(ascii: ":"): return try blankNodeLabel()
        default:
            guard isNameStart || current == UInt8(ascii: ":") else { throw fail("expected \(role) (an IRI, a prefixed name or a blank node), found \(found)") }
            return graph.intern(.iri(try prefixedName()))
        }
    }

    /// `<…>`, with `\u` escapes decoded, resolved against the base.
    func iriRef() throws -> String {
        let start = pos
        pos += 1
        let contentStart = pos
        var escaped: [UInt8]?
        while true {
            guard pos < bytes.count else { throw fail("the IRI that starts at \(place(start)) is not closed with '>'", at: start) }
            let byte = bytes[pos]
            switch byte {
            case UInt8(ascii: ">"):
                let raw: String
                if let escaped {
                    raw = String(decoding: escaped, as: UTF8.self)
                } else {
                    raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]), as: UTF8.self)
                }
                pos += 1
                if IRIReference.isAbsolute(raw) { return raw }  // as written, as other parsers keep absolute IRIs
                return IRIReference.resolve(raw, against: base)
            case UInt8(ascii: "\\"):
                if escaped == nil { escaped = Array(bytes[contentStart..<pos]) }
                let escapeStart = pos
                guard peek(1) == UInt8(ascii: "u") || peek(1) == UInt8(ascii: "U") else {
                    throw fail("only \\u and \\U escapes are allowed in an IRI")
                }
                let scalar = try unicodeEscape()
                if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                    throw fail("the escape stands for a character not allowed in an IRI", at: escapeStart)
                }
                escaped!.append(contentsOf: String(Character(scalar)).utf8)
            case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"),
                UInt8(ascii: "^"), UInt8(ascii: "`"):
                throw fail(byte == 0x20 ? "a space is not allowed in an IRI; write it as %20" : "the character \(found) is not allowed in an IRI")
            default:
                let length = try utf8Length(at: pos)
                if escaped != nil { escaped!.append(contentsOf: bytes[pos..<pos + length]) }
                pos += length
            }
        }
    }

    /// PN_PREFIX, possibly empty; stops before the ':'.
    func prefixName() throws -> String {
        let start = pos
        guard current != UInt8(ascii: ":") else { return "" }
        guard isNameStart else { throw fail("expected a prefix name, found \(found)") }
        pos += try utf8Length(at: pos)
        try nameTail()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    }

    /// `prefix:local`, expanded with the prefix in force.
    func prefixedName() throws -> String {
        let start = pos
        let prefix = try prefixName()
        guard current == UInt8(ascii: ":") else { throw fail("expected ':' in the prefixed name, found \(found)", at: pos) }
        pos += 1
        guard let namespace = prefixes[prefix] else {
            throw fail("the prefix '\(prefix):' is not declared; add '@prefix \(prefix): <…> .' before it", at: start)
        }
        var local: [UInt8]?
        if current == UInt8(ascii: ":") || current == UInt8(ascii: "%") || current == UInt8(ascii: "\\") || isLocalStart {
            local = try localName()
        }
        if let local { return namespace + String(decoding: local, as: UTF8.self) }
        return namespace
    }

    private var isLocalStart: Bool {
        let byte = current
        if byte < 0x80 {
            return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "_")
        }
        guard let (scalar, _) = scalarAt(pos) else { return false }
        return Self.isCharsBase(scalar)
    }

    /// PN_LOCAL with its escapes decoded (`\-` is `-`) and `%xx` kept as written.
    private func localName() throws -> [UInt8] {
        var out: [UInt8] = []
        var lastGood = pos
        var lastGoodCount = 0
        var first = true
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\\") {
                let next = peek(1)
                guard "_~.-!$&'()*+,;=/?#@%".utf8.contains(next) else { throw fail("'\\\(Character(UnicodeScalar(next)))' is not an escape allowed in a local name") }
                out.append(next)
                pos += 2
            } else if byte == UInt8(ascii: "%") {
                guard isHex(peek(1)), isHex(peek(2)) else { throw fail("'%' in a local name must be followed by two hex digits") }
                out.append(contentsOf: bytes[pos..<pos + 3])
                pos += 3
            } else if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") && !first || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                || byte == UInt8(ascii: "_") || byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            {
                out.append(byte)
                pos += 1
            } else if byte == UInt8(ascii: "."), !first {
                out.append(byte)
                pos += 1
                first = false
                continue  // a '.' cannot end the name
            } else if byte >= 0x80, let (scalar, length) = scalarAt(pos), first ? Self.isCharsBase(scalar) : Self.isChars(scalar) {
                out.append(contentsOf: bytes[pos..<pos + length])
                pos += length
            } else {
                break
            }
            first = false
            lastGood = pos
            lastGoodCount = out.count
        }
        pos = lastGood
        out.removeLast(out.count - lastGoodCount)
        return out
    }

    /// The rest of a PN_PREFIX or blank-node label: name characters and inner dots, not ending in a dot.
    func nameTail() throws {
        var lastGood = pos
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: ".") {
                pos += 1
                continue
            }
            if byte < 0x80 {
                guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                    || byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                else { break }
                pos += 1
            } else {
                guard let (scalar, length) = scalarAt(pos), Self.isChars(scalar) else { break }
                pos += length
            }
            lastGood = pos
        }
        pos = lastGood
    }

    /// `_:label`; the same label within one document is the same node.
    func blankNodeLabel() throws -> Int32 {
        pos += 2
        let start = pos
        let byte = current
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "_") {
            pos += 1
        } else if isNameStart {
            pos += try utf8Length(at: pos)
        } else {
            throw fail("expected a blank node label after '_:', found \(found)")
        }
        try nameTail()
        let label = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if let known = blankLabels[label] { return known }
        let node = newBlank()
        blankLabels[label] = node
        return node
    }

    // MARK: Characters

    func isHex(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")
            || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F")
    }

    /// `\uXXXX` or `\UXXXXXXXX` at the position, which is the backslash.
    func unicodeEscape() throws -> Unicode.Scalar {
        let start = pos
        let digits = peek(1) == UInt8(ascii: "u") ? 4 : 8
        var value: UInt32 = 0
        for index in 0..<digits {
            let byte = peek(2 + index)
            guard isHex(byte) else { throw fail("\\\(digits == 4 ? "u" : "U") needs \(digits) hex digits", at: start) }
            value = value << 4 | UInt32(Character(UnicodeScalar(byte)).hexDigitValue!)
        }
        guard let scalar = Unicode.Scalar(value) else { throw fail("the escape is not a Unicode character (a surrogate or above U+10FFFF)", at: start) }
        pos += 2 + digits
        return scalar
    }

    /// The length of the UTF-8 character at `offset`; invalid UTF-8 is an error.
    func utf8Length(at offset: Int) throws -> Int {
        let byte = bytes[offset]
        if byte < 0x80 { return 1 }
        guard let (_, length) = scalarAt(offset) else { throw fail("the file is not valid UTF-8 here", at: offset) }
        return length
    }

    /// The scalar at `offset` and its length in bytes, or nil for invalid UTF-8.
    func scalarAt(_ offset: Int) -> (Unicode.Scalar, Int)? {
        let byte = bytes[offset]
        if byte < 0x80 { return (Unicode.Scalar(byte), 1) }
        let length: Int
        var value: UInt32
        switch byte {
        case 0xC2...0xDF: length = 2; value = UInt32(byte & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(byte & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(byte & 0x07)
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        for index in 1..<length {
            let next = bytes[offset + index]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// PN_CHARS_BASE.
    static func isCharsBase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default: false
        }
    }

    /// PN_CHARS.
    static func isChars(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x30...0x39, 0x5F, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isCharsBase(scalar)
        }
    }
}
