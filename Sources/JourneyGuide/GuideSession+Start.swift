import JourneyEngine
import JourneyModel
import JourneyStore

extension GuideSession {
    /// The journey named on the command line, the only one the person has started, or the one they pick.
    func chooseJourney(for reference: PersonReference?) throws(GuideStop) -> Journey {
        let library = engine.library
        if let requested = requestedJourney {
            if let journey = library.journey(JourneyID(requested)) { return journey }
            notices.append(Line(strings.unknownJourney(requested), style: .warning))
        }
        if requestedJourney == nil, let offered = try offeredJourney(for: reference) { return offered }
        let started = try startedJourneys(of: reference)
        if requestedJourney == nil, started.count == 1, let only = started.values.first { return only.journey }
        let journeys = library.journeys
        present(JourneyMenu(journeys: journeys, started: started, strings: strings).screen)
        while true {
            if case .number(let index) = try choose(journeys.count) { return journeys[index] }
        }
    }

    /// The person's enrollments by journey; none for someone Lotsen does not know yet.
    private func startedJourneys(of reference: PersonReference?) throws(GuideStop) -> [JourneyID: EnrollmentView] {
        guard let reference, reference != .new else { return [:] }
        do {
            let engine = self.engine
            let overview = try awaitFromThread { () async throws(EngineError) in try await engine.overview(reference) }
            return Dictionary(overview.enrollments.map { ($0.journey.id, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            if error.code == .unknownPerson { return [:] }
            throw .failed(error)
        }
    }

    /// Starts the journey for the person, or picks up their enrollment where they left it.
    func enroll(_ reference: PersonReference, in journey: Journey) throws(GuideStop) -> Current {
        let view: EnrollmentView
        let engine = self.engine
        let id = journey.id
        let acting = representation
        if acting != nil { try requireCustody() }
        do { view = try awaitFromThread { () async throws(EngineError) in try await engine.enroll(reference, in: id, representation: acting) } } catch {
            throw .failed(error)
        }
        var byNumber = false
        if case .identity = reference { byNumber = true }
        let current = Current(journey: view.journey, person: view.enrollment.person, byNumber: byNumber)
        self.current = current
        let title = strings.text(view.journey.title)
        if reference == .new {
            notices.append(Line(strings.referenceIssued(current.person), style: .highlight))
            notices.append(Line(strings.writeItDown, style: .highlight))
        }
        let created = view.created || startedFromOffer == journey.id
        notices.append(Line(created ? strings.started(title) : strings.welcomeBack(title), style: .success))
        tellIfUnreviewed(journey)
        if !created { try showNews(of: current.person) }
        if !created { followCases(current, quiet: true) }
        return current
    }

    /// Says goodbye: that everything is saved and how to continue, without ever showing a personnummer.
    func farewell(_ stop: GuideStop) -> Outcome {
        var lines: [Line] = []
        let outcome: Outcome
        switch stop {
        case .quit, .endOfInput, .languageChanged:
            outcome = .finished
        case .interrupted:
            lines.append(Line(strings.stopped))
            outcome = .interrupted
        case .failed(let error):
            lines.append(Line(strings.failure(error), style: .warning))
            outcome = .failed
        }
        if let current {
            lines.append(Line(strings.progressSaved, style: .success))
            if let actingFor {
                lines.append(Line(strings.howToContinueAsGuardian(journey: current.journey.id, guardian: actingFor.guardian)))
            } else {
                lines.append(Line(strings.howToContinue(journey: current.journey.id, person: current.byNumber ? nil : current.person)))
            }
        } else {
            lines.append(Line(strings.nothingSaved))
        }
        terminal.write([Line("")] + lines)
        return outcome
    }
}
