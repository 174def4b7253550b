import JourneyEngine
import JourneyModel

/// The answers the person gave in this journey, to pick one to change.
struct AnswersScreen {
    let facts: [FactDefinition]
    let known: [FactID: KnownFact]
    let strings: GuideStrings
    var title: String

    init(facts: [FactDefinition], known: [FactID: KnownFact], strings: GuideStrings, title: String? = nil) {
        self.facts = facts
        self.known = known
        self.strings = strings
        self.title = title ?? strings.yourAnswers
    }

    /// Each answer by its label, a noun ("Citizenship: Germany"), with "not answered yet" for one not asked so far.
    var screen: Screen {
        var screen = Screen([Line(title, style: .title)])
        if facts.isEmpty {
            screen.add(Line(strings.noAnswersYet))
        } else {
            screen.add(Line(strings.whichAnswer, style: .heading))
            let consent = ConsentScreen(strings: strings)
            for (number, fact) in facts.enumerated() {
                let marker = "  \(number + 1)) "
                let value = known[fact.id].map { AnswersScreen.shown($0.value, fact: fact, strings: strings) } ?? strings.notAnsweredYet
                guard fact.label == nil, fact.ask != nil else {
                    screen.add(Line(strings.labelled(consent.label(fact), value), prefix: marker))
                    continue
                }
                // A fact with no label is listed by its question, and a question is no label ("… one year?: yes"): the
                // answer goes on a line of its own.
                screen.add(Line(strings.text(fact.ask) ?? fact.id.rawValue, prefix: marker))
                let indent = String(repeating: " ", count: marker.count)
                screen.add(Line(known[fact.id] == nil ? strings.notAnsweredLine : strings.currentAnswer(value), prefix: indent))
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
