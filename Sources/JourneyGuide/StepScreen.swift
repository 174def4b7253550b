import JourneyEngine
import JourneyModel

/// One step in full: what it is, the agency, what it costs and takes, where to do it, and what the person can
/// record about it now.
struct StepScreen {
    /// What the person can say about a step.
    enum Choice: Equatable {
        case done
        case started
        case skip
        case tryAgain
        /// Send the application through Lotsen, after a preview.
        case send
        /// Ask the agency how the case stands.
        case checkNews

        var command: StepCommand {
            switch self {
            case .done: .complete
            case .started, .tryAgain, .send, .checkNews: .start
            case .skip: .skip
            }
        }
    }

    let step: StepDefinition
    let state: StepState
    let description: StepDescription
    let strings: GuideStrings
    /// Lotsen can send this step's application itself.
    var submittable = false
    /// The agency has a case for this step that Lotsen can ask about.
    var followsCase = false

    /// The choices that make sense in the step's state; an optional step can always be skipped until done.
    var choices: [Choice] {
        var choices: [Choice]
        switch state {
        case .available: choices = (submittable ? [.send] : []) + [.done, .started]
        case .inProgress: choices = (submittable ? [.send] : []) + [.done]
        case .waitingOnAgency, .needsAction: choices = (followsCase ? [.checkNews] : []) + [.done]
        case .skipped: choices = [.done]
        case .rejected: choices = [.tryAgain]
        case .done, .locked, .notApplicable: choices = []
        }
        if description.isOptional(step), state != .skipped, state != .done { choices.append(.skip) }
        return choices
    }

    var screen: Screen {
        let language = strings.language
        var screen = Screen([Line(description.title(step), style: .title)])
        screen.add(description.state(step))
        for note in [description.deadline(step), description.agencyDelay(step)].compactMap({ $0 }) { screen.add(note) }
        // Each paragraph is a line of its own, so the terminal wraps and counts them like every other line.
        for paragraph in step.summary.map({ strings.text($0).split(separator: "\n") }) ?? [] {
            screen.addBlank()
            screen.add(Line(String(paragraph)))
        }
        let facts = [step.cost.map { strings.cost(strings.text($0)) }, step.processingTime.map { strings.takes(strings.duration($0)) },
            step.link(in: strings.language).map(strings.readMore)].compactMap { $0 }
        if !facts.isEmpty {
            screen.addBlank()
            facts.forEach { screen.add(Line($0)) }
        }
        if !step.links.isEmpty {
            screen.addBlank()
            screen.add(Line(strings.links))
            for link in step.links {
                let cost = link.cost.map { " (\(strings.text($0)))" } ?? ""
                screen.add(Line("\(strings.linkMarker(link.kind)) \(strings.text(link.title))\(cost): \(link.url)"))
            }
        }
        screen.addBlank()
        if !choices.isEmpty {
            screen.add(Line(strings.whatHaveYouDone, style: .highlight))
            for (number, choice) in choices.enumerated() {
                screen.add(Line(label(choice), style: .highlight, prefix: "  \(number + 1)) "))
            }
        }
        screen.add(Line(strings.orHeading))
        screen.add(Line(strings.backToSteps, prefix: "  \(strings.key(.back))) "))
        screen.add(Line(strings.saveAndQuit, prefix: "  \(strings.key(.quit))) "))
        return screen
    }

    private func label(_ choice: Choice) -> String {
        switch choice {
        case .done: strings.iHaveDoneThis
        case .started: strings.iHaveStarted
        case .skip: strings.skipThisStep
        case .tryAgain: strings.tryAgainStep
        case .send: strings.sendThroughLotsen
        case .checkNews: strings.checkForNews
        }
    }
}
