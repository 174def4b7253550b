import JourneyEngine
import JourneyModel

/// The answers the person gave in this journey, to pick one to change.
struct AnswersScreen {
    let facts: [FactDefinition]
    let known: [FactID: KnownFact]
    let strings: GuideStrings

    var screen: Screen {
        var screen = Screen([Line(strings.yourAnswers, style: .title)])
        if facts.isEmpty {
            screen.add(Line(strings.noAnswersYet))
        } else {
            screen.add(Line(strings.whichAnswer, style: .heading))
            for (number, fact) in facts.enumerated() {
                let marker = "  \(number + 1)) "
                screen.add(Line(strings.text(fact.ask) ?? fact.id.rawValue, prefix: marker))
                if let value = known[fact.id]?.value {
                    screen.add(Line(strings.currentAnswer(AnswersScreen.shown(value, fact: fact, strings: strings)), style: .muted,
                        prefix: String(repeating: " ", count: marker.count)))
                }
            }
        }
        screen.addBlank()
        screen.add(Line(strings.orHeading))
        screen.add(Line(strings.backToSteps, prefix: "  \(strings.key(.back))) "))
        screen.add(Line(strings.saveAndQuit, prefix: "  \(strings.key(.quit))) "))
        return screen
    }

    /// An answer as the person reads it; identity numbers are never shown, only that they were given.
    static func shown(_ value: FactValue, fact: FactDefinition, strings: GuideStrings) -> String {
        switch value {
        case .personnummer, .organisationsnummer: strings.given
        default: value.display(in: strings.language, type: fact.type)
        }
    }
}
