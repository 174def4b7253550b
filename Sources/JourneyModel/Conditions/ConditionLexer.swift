/// A comparison operator of the condition language.
enum ComparisonOperator: String, Hashable, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether the operator orders its operands, which only numbers and dates can be.
    var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// The reserved words of the condition language. They are lower case; a fact cannot be named after one.
enum ConditionKeyword: String, Hashable, Sendable, CaseIterable {
    case and, or, not, `in`, `true`, `false`, `is`, known
}

/// One token of a condition, with its character range in the source.
struct ConditionToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// `[a-z][A-Za-z0-9_]*` that is not a keyword.
        case fact(String)
        /// `[A-Z][A-Z0-9_]*`, a named set such as `EU_EEA`.
        case setName(String)
        case keyword(ConditionKeyword)
        /// A quoted string, escapes resolved.
        case string(String)
        case number(Double)
        case comparison(ComparisonOperator)
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case end
    }

    let kind: Kind
    let range: Range<Int>
}

/// Splits a condition into tokens on demand, so the parser reports the leftmost error first.
///
/// Works on the source's `Character`s so that every range is a character offset, the unit
/// ``ConditionError/range`` promises.
struct ConditionLexer {
    let characters: [Character]
    private(set) var position = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    mutating func next() throws(ConditionError) -> ConditionToken {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let start = position
        guard start < characters.count else { return ConditionToken(kind: .end, range: start..<start) }
        let character = characters[start]
        position += 1

        func token(_ kind: ConditionToken.Kind) -> ConditionToken { ConditionToken(kind: kind, range: start..<position) }
        func followedBy(_ expected: Character) -> Bool {
            guard position < characters.count, characters[position] == expected else { return false }
            position += 1
            return true
        }

        switch character {
        case "(": return token(.leftParen)
        case ")": return token(.rightParen)
        case "[": return token(.leftBracket)
        case "]": return token(.rightBracket)
        case ",": return token(.comma)
        case "<": return token(.comparison(followedBy("=") ? .lessOrEqual : .less))
        case ">": return token(.comparison(followedBy("=") ? .greaterOrEqual : .greater))
        case "=":
            guard followedBy("=") else {
                throw ConditionError(range: start..<position, message: "unexpected '='", hint: "write '==' to compare")
            }
            return token(.comparison(.equal))
        case "!":
            guard followedBy("=") else {
                throw ConditionError(range: start..<position, message: "unexpected '!'", hint: "write 'not' to negate a condition")
            }
            return token(.comparison(.notEqual))
        case "&":
            _ = followedBy("&")
            throw ConditionError(range: start..<position, message: "unexpected '\(String(characters[start..<position]))'", hint: "write 'and'")
        case "|":
            _ = followedBy("|")
            throw ConditionError(range: start..<position, message: "unexpected '\(String(characters[start..<position]))'", hint: "write 'or'")
        case "\"", "'":
            return try string(quote: character, start: start)
        default:
            if character.isASCIIDigit { return try number(start: start) }
            if character.isASCII, character.isLetter { return try word(start: start) }
            throw ConditionError(range: start..<position, message: "unexpected character '\(character)'",
                hint: "names use only the letters a–z and A–Z, digits and '_'; put text in quotes")
        }
    }

    /// `"…"` or `'…'`; a backslash escapes either quote or itself.
    private mutating func string(quote: Character, start: Int) throws(ConditionError) -> ConditionToken {
        var value = ""
        while position < characters.count {
            let character = characters[position]
            position += 1
            if character == quote { return ConditionToken(kind: .string(value), range: start..<position) }
            guard character == "\\" else {
                value.append(character)
                continue
            }
            guard position < characters.count else { break }
            let escaped = characters[position]
            position += 1
            guard escaped == "\"" || escaped == "'" || escaped == "\\" else {
                throw ConditionError(range: (position - 2)..<position, message: "unknown escape '\\\(escaped)'",
                    hint: "only \\\", \\' and \\\\ are escapes in a string")
            }
            value.append(escaped)
        }
        throw ConditionError(range: start..<characters.count, message: "unterminated string", hint: "close it with \(quote)")
    }

    /// Digits with an optional fraction: `18`, `2.5`.
    private mutating func number(start: Int) throws(ConditionError) -> ConditionToken {
        while position < characters.count, characters[position].isASCIIDigit { position += 1 }
        if position < characters.count, characters[position] == "." {
            position += 1
            guard position < characters.count, characters[position].isASCIIDigit else {
                throw ConditionError(range: start..<position, message: "expected digits after '.'", hint: "write a number such as 2.5")
            }
            while position < characters.count, characters[position].isASCIIDigit { position += 1 }
        }
        // Only ASCII digits and one '.' were consumed, so the conversion cannot fail.
        let value = Double(String(characters[start..<position])) ?? 0
        return ConditionToken(kind: .number(value), range: start..<position)
    }

    /// A keyword, a fact (lower-case initial) or a set name (all upper case).
    private mutating func word(start: Int) throws(ConditionError) -> ConditionToken {
        while position < characters.count, characters[position].isASCII,
            characters[position].isLetter || characters[position].isASCIIDigit || characters[position] == "_"
        {
            position += 1
        }
        let text = String(characters[start..<position])
        let range = start..<position
        if characters[start].isLowercase {
            if let keyword = ConditionKeyword(rawValue: text) { return ConditionToken(kind: .keyword(keyword), range: range) }
            return ConditionToken(kind: .fact(text), range: range)
        }
        guard text.allSatisfy({ $0.isUppercase || $0.isASCIIDigit || $0 == "_" }) else {
            throw ConditionError(range: range, message: "'\(text)' is neither a fact nor a set name",
                hint: "fact names start with a lower-case letter; set names are all upper case, such as 'EU_EEA'")
        }
        return ConditionToken(kind: .setName(text), range: range)
    }
}
