import JourneyEngine
import JourneyModel

/// One step in full: what it is, the agency, what it costs and takes, where to do it, and what the person can do
/// about it now. Only choices the engine accepts in the step's state are offered: no skipping a required step, no
/// "done" while Lotsen lacks what the step needs, and after a rejection a way to correct what was sent.
struct StepScreen {
    /// What the person can say or do about a step.
    enum Choice: Equatable {
        case done
        case started
        /// Skip the step, or the optional either/or group it is an alternative of (the engine skips only optional steps).
        case skip(StepID)
        case tryAgain
        /// Send the application through Lotsen, after a preview.
        case send
        /// A rejected application: start it again and send it, after a preview.
        case sendAgain
        /// A rejected application: change the answers it sent first.
        case changeSent
        /// Ask the agency how the case stands.
        case checkNews
        /// The person sent the agency what it asked for: the case waits on the agency again.
        case sentWhatWasAsked

        var command: StepCommand {
            switch self {
            case .done: .complete
            case .started, .tryAgain, .send, .sendAgain, .changeSent, .checkNews: .start
            case .skip: .skip
            case .sentWhatWasAsked: .submitted(caseReference: nil)
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
    /// The agency the step's service belongs to, if any.
    var agency: Agency?
    /// The agency's case number for this step, when Lotsen sent it.
    var caseID: String?
    /// The labels of what the step needs and Lotsen does not know: starting or finishing it would be refused.
    var missing: [String] = []
    /// Whether the person can change an answer the rejected application sent.
    var canChangeSent = false

    /// What a skip would skip: the step if it is optional, else the optional either/or group it belongs to.
    var skipTarget: StepID? {
        if step.optional { return step.id }
        guard let group = step.group.flatMap(description.journey.step), group.optional,
            description.plan.status(of: group.id)?.state != .skipped
        else { return nil }
        return group.id
    }

    /// The choices that can succeed in the step's state.
    var choices: [Choice] {
        var choices: [Choice]
        let ready = missing.isEmpty
        switch state {
        case .available: choices = ready ? (submittable ? [.send] : []) + [.done, .started] : []
        case .inProgress: choices = ready ? (submittable ? [.send] : []) + [.done] : []
        case .waitingOnAgency: choices = (followsCase ? [.checkNews] : []) + (ready ? [.done] : [])
        case .needsAction: choices = (followsCase ? [.checkNews] : []) + [.sentWhatWasAsked] + (ready ? [.done] : [])
        case .skipped: choices = ready ? [.done] : []
        case .rejected: choices = submittable ? (canChangeSent ? [.changeSent] : []) + (ready ? [.sendAgain] : []) : [.tryAgain]
        case .done, .locked, .notApplicable: choices = []
        }
        if state != .skipped, state != .done, let target = skipTarget { choices.append(.skip(target)) }
        return choices
    }

    var screen: Screen {
        let language = strings.language
        var screen = Screen([Line(description.title(step), style: .title)])
        screen.add(description.state(step))
        if state == .needsAction, let agency {
            screen.add(Line(strings.needsActionWhat(strings.agencyInSentence(agency), caseID: caseID)))
            screen.add(Line(strings.needsActionWhere(step.link(in: language) ?? agency.website)))
            screen.add(Line(strings.needsActionThen))
        }
        if state == .rejected, submittable, let agency { screen.add(Line(strings.rejectedIntro(strings.agencyInSentence(agency)))) }
        if !missing.isEmpty, [.available, .inProgress, .skipped, .waitingOnAgency, .needsAction, .rejected].contains(state) {
            screen.add(Line(strings.needsFirst(missing), style: .warning))
        }
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
            screen.add(Line(strings.stepChoicesHeading, style: .highlight))
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
        case .skip(let target): target == step.id ? strings.skipThisStep : strings.skipChoice(strings.text(description.journey.step(target)?.title) ?? "")
        case .tryAgain: strings.tryAgainStep
        case .send: strings.sendThroughLotsen
        case .sendAgain: strings.sendAgain
        case .changeSent: strings.changeSentAnswers
        case .checkNews: strings.checkForNews
        case .sentWhatWasAsked: strings.sentWhatWasAsked
        }
    }
}
