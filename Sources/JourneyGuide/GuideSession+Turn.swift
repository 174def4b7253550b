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
    func load(_ current: Current) throws(GuideStop) -> Situation {
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

    func question(for fact: FactDefinition) -> QuestionPrompt {
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
        guard try record(fact, text, current) != nil else { return false }
        if Self.linksNumber(fact), !current.byNumber { notices.append(Line(strings.numberLinked, style: .success)) }
        return true
    }

    /// Records an answer, once custody is checked again for a guardian: the person as it stands after it, or `nil` with the
    /// refusal in the notices.
    func record(_ fact: FactDefinition, _ text: String, _ current: Current) throws(GuideStop) -> PersonOverview? {
        let (engine, person, journey, answer, language, acting) = (self.engine, current.person, current.journey.id, (fact: fact.id, text: text), strings.language,
            representation)
        try requireCustody()
        do {
            return try awaitFromThread { () async throws(EngineError) in try await engine.answer(person: person, journey: journey, answers: [answer], language: language,
                representation: acting) }
        } catch {
            notices.append(try refusal(error))
            return nil
        }
    }

    /// Whether saying `fact` gives the person their own number: a household member's names someone else.
    static func linksNumber(_ fact: FactDefinition) -> Bool { fact.type == .personnummer && fact.member == nil }

    /// Asks for a number the step gave the person (such as their new personnummer); `nil` when they go back.
    func askProduced(_ fact: FactDefinition, by step: StepDefinition) throws(GuideStop) -> String? {
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
}
