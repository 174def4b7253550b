/// Answers checked against the fact itself: its type, then its bounds. Every front (the command line, the
/// guide, the JSON API) goes through the engine, which checks here, so the rules hold once for all of them.
extension FactDefinition {
    /// Parses what a person typed as a value of this fact, in the person's `language` (which decides a
    /// number's decimal mark), and checks it against the fact's bounds.
    public func value(parsing input: String, language: Language? = nil, today: CalendarDate = .today()) throws(FactValueError) -> FactValue {
        let value: FactValue
        do {
            value = try FactValue.parse(input, as: type, language: language, today: today)
        } catch where error.reason == .decimalComma && bounds.wholeNumber {
            // "1,5" people in English: what matters is that a count has no decimals, not how decimals are written.
            throw FactValueError(type: type, reason: .notWholeNumber)
        }
        try check(value)
        return value
    }

    /// Checks a value that is already of this fact's type (an agency's answer, say) against the fact's bounds:
    /// a text's length and characters, a number's range and whether it is whole.
    public func check(_ value: FactValue) throws(FactValueError) {
        switch value {
        case .text(let text):
            if let control = ControlCharacters.first(in: text) {
                throw FactValueError(type: type, reason: .controlCharacter(ControlCharacters.name(control.scalar), position: control.position))
            }
            if text.unicodeScalars.count > bounds.textLength { throw FactValueError(type: type, reason: .tooLong(bounds.textLength)) }
        case .number(let number):
            if bounds.wholeNumber, number.rounded() != number { throw FactValueError(type: type, reason: .notWholeNumber) }
            if let minimum = bounds.minimum, number < minimum {
                throw FactValueError(type: type, reason: .tooSmall(minimum: minimum, maximum: bounds.maximum))
            }
            if let maximum = bounds.maximum, number > maximum {
                throw FactValueError(type: type, reason: .tooLarge(maximum: maximum, minimum: bounds.minimum))
            }
        default:
            break
        }
    }
}
