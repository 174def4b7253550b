/// Decodes HTML character references: `&#39;`, `&#x2019;` and the named ones GOV.UK content uses.
///
/// An unknown name is left as it is; a number that is no character (a surrogate, zero, beyond U+10FFFF) becomes
/// U+FFFD, as browsers do.
enum CharacterReferences {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "pound": "£", "euro": "€", "cent": "¢",
        "yen": "¥", "copy": "©", "reg": "®", "trade": "™", "sect": "§", "para": "¶", "deg": "°", "plusmn": "±", "times": "×",
        "divide": "÷", "frac12": "½", "frac14": "¼", "frac34": "¾", "middot": "·", "bull": "•", "hellip": "…", "ndash": "–",
        "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«",
        "raquo": "»", "shy": "\u{00AD}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}",
        "zwj": "\u{200D}", "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú", "agrave": "à",
        "egrave": "è", "ograve": "ò", "acirc": "â", "ecirc": "ê", "ocirc": "ô", "auml": "ä", "euml": "ë", "iuml": "ï",
        "ouml": "ö", "uuml": "ü", "yuml": "ÿ", "aring": "å", "aelig": "æ", "oslash": "ø", "ccedil": "ç", "ntilde": "ñ",
        "szlig": "ß", "Aacute": "Á", "Eacute": "É", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "Aring": "Å", "AElig": "Æ",
        "Oslash": "Ø", "wcirc": "ŵ", "ycirc": "ŷ", "Wcirc": "Ŵ", "Ycirc": "Ŷ",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&", let (replacement, end) = reference(scalars, at: index) else {
                out.append(scalars[index])
                index += 1
                continue
            }
            out.append(contentsOf: replacement.unicodeScalars)
            index = end
        }
        return String(out)
    }

    /// The text a reference at `start` stands for and the position after it (its `;`), if it is one.
    private static func reference(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        var body = ""
        // The longest name or number is short; a long run without ';' is ordinary text.
        while index < scalars.count, scalars[index] != ";", body.unicodeScalars.count < 32 {
            let scalar = scalars[index]
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return nil }
            body.unicodeScalars.append(scalar)
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let isHex = digits.first == "x" || digits.first == "X"
            guard let code = UInt32(isHex ? String(digits.dropFirst()) : String(digits), radix: isHex ? 16 : 10) else { return nil }
            let scalar = code == 0 ? nil : Unicode.Scalar(code)
            return (String(Character(scalar ?? "\u{FFFD}")), index + 1)
        }
        guard let replacement = named[body] else { return nil }
        return (replacement, index + 1)
    }
}
