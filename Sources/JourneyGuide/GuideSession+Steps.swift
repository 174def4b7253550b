import JourneyEngine
import JourneyModel
import JourneyStore

/// The list of steps, one step's screen, and changing answers: what a person does once the plan needs no more
/// answers. Every step keeps its number (``StepNumbers``), and only what the engine would accept is offered.
extension GuideSession {
    /// The steps offered as choices: what the agency asks for first, then steps to do or finish (required
    /// before optional), then steps waiting on an agency, which the person can still mark done.
    func actions(_ situation: Situation) -> [StepID] {
        let description = description(situation)
        var respond: [StepID] = []
        var required: [StepID] = []
        var optional: [StepID] = []
        var waiting: [StepID] = []
        for action in situation.view.plan.nextActions {
            switch action {
            case .answer: continue
            case .respond(let step): respond.append(step)
            case .start(let step), .finish(let step):
                guard let definition = situation.view.journey.step(step) else { continue }
                if description.isOptional(definition) { optional.append(step) } else { required.append(step) }
            case .wait(let step): waiting.append(step)
            }
        }
        return respond + required + optional + waiting
    }

    /// How much of the list to show: all of it when asked (`s`) or when it fits; in plain mode, all of it once a visit
    /// and afterwards only what to do next (the notices above say what changed); on a short terminal, the steps that
    /// have something to do now, or only the choices, so that "Next: …" and the prompt stay on screen.
    private func extent(of progress: ProgressScreen) -> ProgressScreen.Extent {
        if showAllSteps { return .all }
        if terminal.isPlain { return shownAllSteps ? .summary : .all }
        var progress = progress
        for extent in ProgressScreen.Extent.allCases {
            progress.extent = extent
            if terminal.fits(framed(progress.screen)) { return extent }
        }
        return .summary
    }

    func steps(_ situation: Situation, _ current: Current) throws(GuideStop) {
        let actions = actions(situation)
        var progress = ProgressScreen(view: situation.view, description: description(situation), strings: strings,
            reference: current.byNumber ? nil : current.person, actions: actions, showsData: exchange != nil)
        progress.extent = extent(of: progress)
        progress.repeatsNext = !terminal.isPlain && !terminal.fits(framed(progress.screen))
        showAllSteps = false
        if progress.extent == .all { shownAllSteps = true }
        present(progress.screen)
        let numbers = progress.numbers
        let commands: [Command] = (progress.extent == .all ? [] : [.allSteps]) + (exchange == nil ? [.change] : [.change, .data])
        while true {
            let input = try read(strings.choicePrompt)
            if let number = Int(WesternDigits.normalized(input)), let id = numbers.step(number) {
                if actions.contains(id) { return try step(id, situation, current) }
                guard let definition = current.journey.step(id) else { continue }
                let state = description(situation).state(definition).text
                terminal.write([Line(strings.nothingToDo(number: number, step: strings.text(definition.title), state: state), style: .warning)])
                continue
            }
            switch Command(input) {
            case .data? where commands.contains(.data): return try showData(situation, current)
            case .change?: return try changeAnswer(situation, current)
            case .allSteps?:
                showAllSteps = true
                return
            default:
                terminal.write([Line(strings.chooseNumber(upTo: numbers.steps.count, commands: commands + [.quit], numbers: strings.stepNumberChoice),
                    style: .warning)])
            }
        }
    }

    /// One step's screen, and what the person records about it.
    func step(_ id: StepID, _ situation: Situation, _ current: Current) throws(GuideStop) {
        guard let step = current.journey.step(id), let state = situation.view.plan.status(of: id)?.state else { return }
        let catalog = engine.library.catalog
        let submittable = exchange != nil && step.service.flatMap(catalog.service)?.isSubmittable == true
        let submission = exchange == nil ? nil : lastSubmission(id, situation)
        let consent = ConsentScreen(strings: strings)
        var screen = StepScreen(step: step, state: state, description: description(situation), strings: strings, submittable: submittable,
            followsCase: submission?.state == .submitted)
        screen.agency = step.service.flatMap { catalog.agency($0.agency) }
        screen.caseID = submission?.caseID
        screen.missing = step.needs.filter { situation.facts[$0] == nil }.compactMap { current.journey.fact($0) }.map(consent.label)
        screen.canChangeSent = !sentAnswers(submission, situation, current).isEmpty
        let choices = screen.choices
        present(screen.screen)
        guard case .number(let index) = try choose(choices.count, commands: [.back]) else { return }
        let choice = choices[index]
        switch choice {
        case .send: return try send(step, situation, current)
        case .checkNews: return followCases(current, quiet: false)
        case .changeSent:
            try changeAnswer(situation, current, only: sentAnswers(submission, situation, current))
            // Back to the step, where "Send the application again" sends the corrected answers.
            return try self.step(id, try load(current), current)
        default: break
        }
        var produced: [(fact: FactID, text: String)] = []
        if choice == .done {
            for factID in step.produces where situation.facts[factID] == nil {
                guard let fact = current.journey.fact(factID), Self.isAskable(fact) else { continue }
                guard let text = try askProduced(fact, by: step) else {
                    notices.append(Line(strings.notMarked(strings.text(step.title))))
                    return
                }
                produced.append((fact: factID, text: text))
            }
        }
        // "I have sent it" puts the case back with the agency, under its case number.
        let command = choice == .sentWhatWasAsked ? .submitted(caseReference: submission?.caseID) : choice.command
        let target: StepID
        if case .skip(let skipped) = choice { target = skipped } else { target = id }
        let after: EnrollmentView
        let (engine, person, journey, reported, acting) = (self.engine, current.person, current.journey.id, produced, representation)
        try requireCustody()
        do {
            after = try awaitFromThread { () async throws(EngineError) in
                try await engine.apply(command, step: target, person: person, journey: journey, produced: reported, representation: acting)
            }
        } catch {
            notices.append(try refusal(error))
            return
        }
        let title = strings.text(step.title)
        switch choice {
        case .done where after.unchanged: notices.append(Line(strings.alreadyDoneNotice(title)))
        case .done: notices.append(Line(strings.doneNotice(title), style: .success))
        case .started, .tryAgain: notices.append(Line(strings.startedNotice(title), style: .success))
        case .skip(let skipped): notices.append(Line(strings.skippedNotice(strings.text(current.journey.step(skipped)?.title) ?? title), style: .success))
        case .sentWhatWasAsked:
            let agency = screen.agency.map(strings.agencyInSentence) ?? ""
            notices.append(Line(strings.sentWhatWasAskedNotice(title, agency: agency), style: .success))
        case .sendAgain:
            // Started again: now the application can be previewed and sent, with the answers as they are now.
            return try send(step, try load(current), current)
        case .send, .checkNews, .changeSent: break
        }
        if produced.contains(where: { current.journey.fact($0.fact).map(Self.linksNumber) == true }), !current.byNumber {
            notices.append(Line(strings.numberLinked, style: .success))
        }
        notices += PlanChange(before: situation.view.plan, after: after.plan, journey: current.journey, strings: strings).notices
    }

    /// The application Lotsen last sent for `step` in this journey, if any: its case number and what it sent.
    private func lastSubmission(_ step: StepID, _ situation: Situation) -> Submission? {
        guard let exchange, let person = current?.person,
            let submissions = try? awaitFromThread({ () async throws(EngineError) in try await exchange.submissions(of: person) })
        else { return nil }
        return submissions.last { $0.journey == situation.view.journey.id && $0.step == step && $0.state != .failed }
    }

    /// The answers a sent application carried that the person gave and can change (not what an agency supplied).
    private func sentAnswers(_ submission: Submission?, _ situation: Situation, _ current: Current) -> [FactDefinition] {
        guard let submission else { return [] }
        return submission.fields.compactMap { current.journey.fact($0) }.filter { $0.ask != nil && situation.facts[$0.id]?.source == .person }
    }

    // MARK: Answers

    /// Lists every answer the journey can ask, given or not yet (or only `only`, such as what a rejected application
    /// sent); the chosen one is asked, and the plan recomputed. Facts an agency supplied are left out: the person's
    /// answer would not replace them.
    func changeAnswer(_ situation: Situation, _ current: Current, only: [FactDefinition]? = nil) throws(GuideStop) {
        // A household member's answers only once the member is known to be coming: no questions about child 5 of two,
        // and no number of children from someone who said none come.
        let known = { (id: FactID) in situation.facts[id]?.value }
        let coming = { (fact: FactDefinition) in
            guard let member = fact.member else {
                return !current.journey.household.contains { $0.count?.fact == fact.id && $0.when.flatMap(known) == .bool(false) }
            }
            return member.presence.evaluate(known) == .true
        }
        let facts = only ?? current.journey.facts.filter { $0.ask != nil && coming($0) && (situation.facts[$0.id].map { $0.source == .person } ?? true) }
        let title = only == nil ? strings.yourAnswers : strings.sentAnswersTitle
        present(AnswersScreen(facts: facts, known: situation.facts, strings: strings, title: title).screen)
        guard case .number(let index) = try choose(facts.count, commands: [.back]) else { return }
        let fact = facts[index]
        let prompt = question(for: fact)
        var screen = Screen([Line(title, style: .title)])
        screen.addBlank()
        let shown = situation.facts[fact.id].map { AnswersScreen.shown($0.value, fact: fact, strings: strings) }
        screen.lines += prompt.lines(current: shown, commands: strings.changeCommands)
        present(screen)
        guard case .text(let text) = try prompt.answer(read: { () throws(GuideStop) in try read(strings.answerPrompt) }, report: terminal.write)
        else { return }
        guard let overview = try record(fact, text, current) else { return }
        notices.append(Line(strings.answerChanged, style: .success))
        if let after = overview.enrollments.first(where: { $0.journey.id == current.journey.id }) {
            notices += PlanChange(before: situation.view.plan, after: after.plan, journey: current.journey, strings: strings).notices
        }
    }
}
