import JourneyModel

/// Asks for one fact and reads until the answer is a valid value of the fact's type: the question, its help, how to
/// write the answer (with numbered options for a choice), and a clear re-prompt that never repeats what was typed.
struct QuestionPrompt {
    enum Answer: Equatable {
        /// What the person typed, already checked against the fact's type.
        case text(String)
        case back
    }

    let fact: FactDefinition
    let question: String
    let strings: GuideStrings
    let today: CalendarDate

    /// The lines that pose the question; `current` is the answer being changed, as the person reads it.
    func lines(current: String?, commands: String) -> [Line] {
        let language = strings.language
        var lines = [Line(question, style: .heading)]
        if let help = fact.help { lines.append(Line(strings.text(help), style: .muted)) }
        for (number, option) in fact.type.options.enumerated() {
            lines.append(Line(strings.text(option.label), prefix: "  \(number + 1)) "))
        }
        if let hint = strings.inputHint(fact) { lines.append(Line(hint)) }
        if let current { lines.append(Line(strings.currentAnswer(current), style: .highlight)) }
        lines.append(Line(commands, style: .muted))
        return lines
    }

    /// Reads answers until one parses and keeps the fact's bounds (the engine checks the same again); each wrong one is explained below the question and asked again.
    func answer(read: () throws(GuideStop) -> String, report: ([Line]) -> Void) throws(GuideStop) -> Answer {
        while true {
            let input = try read()
            if Command(input) == .back { return .back }
            do throws(FactValueError) {
                _ = try fact.value(parsing: input, language: strings.language, today: today)
                return .text(input)
            } catch {
                report([Line(strings.tryAgain(error), style: .warning)])
            }
        }
    }
}
