import JourneyEngine
import JourneyModel

/// The first screen when no journey is named: what Lotsen does, and the life events to choose from, with the
/// ones the person has started marked.
struct JourneyMenu {
    let journeys: [Journey]
    let started: [JourneyID: EnrollmentView]
    let strings: GuideStrings

    var screen: Screen {
        let language = strings.language
        var screen = Screen([Line(strings.welcomeTitle, style: .title), Line(strings.welcomeText)])
        screen.addBlank()
        screen.add(Line(strings.whichLifeEvent, style: .heading))
        for (number, journey) in journeys.enumerated() {
            let marker = "  \(number + 1)) "
            let indent = String(repeating: " ", count: marker.count)
            screen.add(Line(strings.text(journey.title), style: .heading, prefix: marker))
            screen.add(Line(strings.text(journey.summary), style: .muted, prefix: indent))
            if !journey.isWritten(in: language) { screen.add(Line(strings.onlyIn(journey.languages[0]), style: .muted, prefix: indent)) }
            if let view = started[journey.id] {
                let progress = view.stepsDone
                screen.add(Line(view.plan.isComplete ? strings.completeMark : strings.startedMark(done: progress.done, of: progress.total),
                    style: .highlight, prefix: indent))
            }
        }
        screen.add(Line(strings.orHeading))
        screen.add(Line(strings.quit, prefix: "  \(strings.key(.quit))) "))
        return screen
    }
}
