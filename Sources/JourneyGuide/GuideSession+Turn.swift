import JourneyEngine
import JourneyModel

extension GuideSession {
    /// One turn: the next question the plan needs, or else the steps and what to do next.
    func turn(_ current: Current) throws(GuideStop) {
        let situation = try load(current)
        if let fact = nextQuestion(situation) {
            try ask(fact, situation, current)
        } else {
            try steps(situation, current)
        }
    }

    /// The enrollment and facts as stored now; every screen starts from what is saved.
    private func load(_ current: Current) throws(GuideStop) -> Situation {
        let overview: PersonOverview
        let (engine, person) = (self.engine, current.person)
        do { overview = try awaitFromThread { () async throws(EngineError) in try await engine.overview(.id(person)) } } catch { throw .failed(error) }
        guard let view = overview.enrollments.first(where: { $0.journey.id == current.journey.id }) else {
            throw .failed(EngineError(.notEnrolled, "the enrollment disappeared"))
        }
        return Situation(view: view, facts: overview.facts)
    }

    /// The first fact the plan asks for that a person can answer: one with a question, or an identity number.
    /// Others (such as a permit an agency records) wait for the once-only screens.
    private func nextQuestion(_ situation: Situation) -> FactDefinition? {
        situation.view.plan.factsToAnswer.lazy.compactMap { situation.view.journey.fact($0) }.first(where: Self.isAskable)
    }

    static func isAskable(_ fact: FactDefinition) -> Bool {
        fact.ask != nil || fact.type == .personnummer || fact.type == .organisationsnummer
    }

    private func question(for fact: FactDefinition) -> QuestionPrompt {
        QuestionPrompt(fact: fact, question: strings.text(fact.ask) ?? strings.identityQuestion(fact.type), strings: strings, today: today())
    }

    // MARK: Questions

    /// Asks `fact` (after offering it to the once-only screens); "back" re-asks the previous answer of this visit.
    private func ask(_ fact: FactDefinition, _ situation: Situation, _ current: Current) throws(GuideStop) {
        if !fact.from.isEmpty, try offerLookup(for: fact, current) { return }
        var target = fact
        var changing = false
        while true {
            let prompt = question(for: target)
            var screen = Screen([Line(strings.questionsTitle(strings.text(current.journey.title)), style: .title)])
            if answered.isEmpty && !changing { screen.add(Line(strings.questionsIntro)) }
            screen.addBlank()
            let shown = changing ? situation.facts[target.id].map { AnswersScreen.shown($0.value, fact: target, strings: strings) } : nil
            screen.lines += prompt.lines(current: shown, commands: strings.questionCommands)
            present(screen)
            switch try prompt.answer(read: { () throws(GuideStop) in try read(strings.answerPrompt) }, report: terminal.write) {
            case .text(let text):
                if try save(target, text, current) {
                    answered.append(target.id)
                    return
                }
            case .back:
                guard let previous = answered.popLast(), let definition = current.journey.fact(previous) else {
                    notices.append(Line(strings.noEarlierQuestion, style: .warning))
                    continue
                }
                target = definition
                changing = true
            }
        }
    }

    /// Records an answer; a refusal goes to the notices and `false` asks again.
    private func save(_ fact: FactDefinition, _ text: String, _ current: Current) throws(GuideStop) -> Bool {
        let (engine, person, journey, answer, language, acting) = (self.engine, current.person, current.journey.id, (fact: fact.id, text: text), strings.language,
            representation)
        try requireCustody()
        do {
            _ = try awaitFromThread { () async throws(EngineError) in try await engine.answer(person: person, journey: journey, answers: [answer], language: language,
                representation: acting) }
        } catch {
            notices.append(try refusal(error))
            return false
        }
        if fact.type == .personnummer, !current.byNumber { notices.append(Line(strings.numberLinked, style: .success)) }
        return true
    }

    // MARK: Steps

    /// The steps offered as choices: what the agency asks for first, then steps to do or finish (required
    /// before optional), then steps waiting on an agency, which the person can still mark done.
    private func actions(_ situation: Situation) -> [StepID] {
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

    private func steps(_ situation: Situation, _ current: Current) throws(GuideStop) {
        let actions = actions(situation)
        present(ProgressScreen(view: situation.view, description: description(situation), strings: strings,
            reference: current.byNumber ? nil : current.person, actions: actions, showsData: exchange != nil).screen)
        switch try choose(actions.count, commands: exchange == nil ? [.change] : [.change, .data]) {
        case .number(let index): try step(actions[index], situation, current)
        case .command(.data): try showData(situation, current)
        case .command: try changeAnswer(situation, current)
        }
    }

    /// One step's screen, and what the person records about it.
    private func step(_ id: StepID, _ situation: Situation, _ current: Current) throws(GuideStop) {
        guard let step = current.journey.step(id), let state = situation.view.plan.status(of: id)?.state else { return }
        let submittable = exchange != nil && step.service.flatMap(engine.library.catalog.service)?.isSubmittable == true
        let screen = StepScreen(step: step, state: state, description: description(situation), strings: strings, submittable: submittable,
            followsCase: exchange != nil && hasCase(id, situation))
        let choices = screen.choices
        present(screen.screen)
        guard case .number(let index) = try choose(choices.count, commands: [.back]) else { return }
        let choice = choices[index]
        switch choice {
        case .send: return try send(step, situation, current)
        case .checkNews: return followCases(current, quiet: false)
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
        let after: EnrollmentView
        let (engine, command, person, journey, reported, acting) = (self.engine, choice.command, current.person, current.journey.id, produced, representation)
        try requireCustody()
        do {
            after = try awaitFromThread { () async throws(EngineError) in
                try await engine.apply(command, step: id, person: person, journey: journey, produced: reported, representation: acting)
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
        case .skip: notices.append(Line(strings.skippedNotice(title), style: .success))
        case .send, .checkNews: break
        }
        if produced.contains(where: { current.journey.fact($0.fact)?.type == .personnummer }), !current.byNumber {
            notices.append(Line(strings.numberLinked, style: .success))
        }
        notices += PlanChange(before: situation.view.plan, after: after.plan, journey: current.journey, strings: strings).notices
    }

    /// Asks for a number the step gave the person (such as their new personnummer); `nil` when they go back.
    private func askProduced(_ fact: FactDefinition, by step: StepDefinition) throws(GuideStop) -> String? {
        let prompt = QuestionPrompt(fact: fact, question: strings.text(fact.ask) ?? strings.producedQuestion(fact.type), strings: strings,
            today: today())
        var screen = Screen([Line(strings.producedTitle(strings.text(step.title)), style: .title), Line(strings.producedIntro)])
        screen.addBlank()
        screen.lines += prompt.lines(current: nil, commands: strings.producedCommands)
        present(screen)
        switch try prompt.answer(read: { () throws(GuideStop) in try read(strings.answerPrompt) }, report: terminal.write) {
        case .text(let text): return text
        case .back: return nil
        }
    }

    // MARK: Answers

    /// Lists the person's own answers in this journey; the chosen one is asked again and the plan recomputed.
    private func changeAnswer(_ situation: Situation, _ current: Current) throws(GuideStop) {
        let facts = current.journey.facts.filter { $0.ask != nil && situation.facts[$0.id]?.source == .person }
        present(AnswersScreen(facts: facts, known: situation.facts, strings: strings).screen)
        guard case .number(let index) = try choose(facts.count, commands: [.back]) else { return }
        let fact = facts[index]
        let prompt = question(for: fact)
        var screen = Screen([Line(strings.yourAnswers, style: .title)])
        screen.addBlank()
        let shown = situation.facts[fact.id].map { AnswersScreen.shown($0.value, fact: fact, strings: strings) }
        screen.lines += prompt.lines(current: shown, commands: strings.changeCommands)
        present(screen)
        guard case .text(let text) = try prompt.answer(read: { () throws(GuideStop) in try read(strings.answerPrompt) }, report: terminal.write)
        else { return }
        let overview: PersonOverview
        let (engine, person, journey, answer, language, acting) = (self.engine, current.person, current.journey.id, (fact: fact.id, text: text), strings.language,
            representation)
        try requireCustody()
        do {
            overview = try awaitFromThread { () async throws(EngineError) in try await engine.answer(person: person, journey: journey, answers: [answer], language: language,
                representation: acting) }
        } catch {
            notices.append(try refusal(error))
            return
        }
        notices.append(Line(strings.answerChanged, style: .success))
        if let after = overview.enrollments.first(where: { $0.journey.id == current.journey.id }) {
            notices += PlanChange(before: situation.view.plan, after: after.plan, journey: current.journey, strings: strings).notices
        }
    }
}
