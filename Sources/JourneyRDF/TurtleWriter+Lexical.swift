/// Escaping and the shapes of names and numbers the Turtle writer may write bare.
extension TurtleWriter {
    /// A local name made only of ASCII letters, digits, `_` and `-` (and inner dots), which every Turtle reader takes as it is.
    static func isSimpleLocal(_ local: Substring) -> Bool {
        guard let first = local.first, first.isASCII, first.isLetter || first.isNumber || first == "_" else { return local.isEmpty }
        guard local.last != "." else { return false }
        return local.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
    }

    /// `"…"`, or `"""…"""` for text over several lines; quotes and backslashes always escaped.
    static func quote(_ text: String) -> String {
        let long = text.contains("\n")
        var out = long ? "\"\"\"" : "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += long ? "\n" : "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + (long ? "\"\"\"" : "\"")
    }

    /// An IRI with the characters Turtle does not allow inside `<…>` (not even as `\u` escapes) percent-encoded, as an
    /// IRI would carry them: only a graph built in code can hold them, never one read from Turtle.
    static func escapeIRI(_ iri: String) -> String {
        var out = ""
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                out += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `text` is an INTEGER (`dot` false), DECIMAL (`dot` true) or DOUBLE (`exponent`) as Turtle writes them bare.
    static func matches(_ text: String, dot: Bool?, exponent: Bool) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(whole.count)
        var fraction = 0
        var sawDot = false
        if bytes.first == UInt8(ascii: ".") {
            sawDot = true
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        if exponent {
            guard whole.count + fraction > 0, let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let digits = bytes.prefix(while: isDigit).count
            return digits > 0 && digits == bytes.count
        }
        guard bytes.isEmpty else { return false }
        return dot == true ? sawDot && fraction > 0 : !sawDot && whole.count > 0
    }
}
