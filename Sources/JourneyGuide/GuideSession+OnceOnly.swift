import JourneyEngine
import JourneyModel
import JourneyStore

/// The once-only screens: fetch what an agency already knows (after consent), send an application (after a
/// preview), follow the agency's case, and show the person their data and access journal.
extension GuideSession {
    /// Offers the lookup that could supply `fact`; `true` when the fact is now known and need not be asked.
    func offerLookup(for fact: FactDefinition, _ current: Current) throws(GuideStop) -> Bool {
        guard let exchange else { return false }
        // Fetching needs a login in this visit; offered only where an agency could supply the fact.
        let catalog = engine.library.catalog
        guard fact.from.contains(where: { catalog.service($0)?.kind == .lookup }), try loggedIn(current, offerTo: .fetch) else { return false }
        let offers: [LookupOffer]
        let (person, journey) = (current.person, current.journey.id)
        do { offers = try awaitFromThread { () async throws(EngineError) in try await exchange.lookupOffers(person: person, journey: journey) } } catch {
            notices.append(try refusal(error))
            return false
        }
        guard let offer = offers.first(where: { $0.facts.contains { $0.id == fact.id } }) else { return false }
        present(ConsentScreen(strings: strings).lookup(offer, sending: login))
        let decision: Consent.Decision = try choose(2) == .number(0) ? .granted : .refused
        let agency = strings.text(offer.agency.name)
        switch waitFor({ () async throws(EngineError) -> LookupOutcome in try await exchange.fetch(offer, for: person, decision: decision) }) {
        case .success(.recorded(let facts)) where facts.isEmpty:
            notices.append(Line(strings.fetchNothingHeld(agency)))
        case .success(.recorded(let facts)):
            let labels = facts.compactMap { current.journey.fact($0) }.map { ConsentScreen(strings: strings).label($0) }
            notices.append(Line(strings.fetched(agency, labels), style: .success))
            return facts.contains(fact.id)
        case .success(.refused): notices.append(Line(strings.fetchRefused(agency)))
        case .success(.noMatch): notices.append(Line(strings.fetchNoMatch(agency), style: .warning))
        case .success(.severalMatches): notices.append(Line(strings.fetchSeveralMatches(agency), style: .warning))
        case .failure(let error): notices.append(try refusal(error))
        }
        return false
    }

    /// Shows what would be sent for `step`, and sends it when the person agrees.
    func send(_ step: StepDefinition, _ situation: Situation, _ current: Current) throws(GuideStop) {
        guard let exchange else { return }
        // A newcomer with no number applies without one; a record named by a number sends only after a login.
        if try recordIdentity(current) != nil, try !loggedIn(current, offerTo: .send) { return }
        let offer: SubmissionOffer
        let (stepID, person, journey) = (step.id, current.person, current.journey.id)
        do {
            offer = try awaitFromThread { () async throws(EngineError) in try await exchange.submissionOffer(step: stepID, person: person, journey: journey) }
        } catch {
            notices.append(try refusal(error))
            return
        }
        present(ConsentScreen(strings: strings).submission(offer, catalog: engine.library.catalog))
        let decision: Consent.Decision = try choose(2) == .number(0) ? .granted : .refused
        switch waitFor({ () async throws(EngineError) -> SubmissionOutcome in try await exchange.submit(offer, for: person, decision: decision) }) {
        case .success(.submitted(let caseID)):
            notices.append(Line(strings.sent(strings.text(offer.agency.name), caseID: caseID, practice: practice), style: .success))
            notices.append(Line(strings.nowWaiting(strings.text(step.title), agency: strings.agencyInSentence(offer.agency))))
        case .success(.refused): notices.append(Line(strings.notSent))
        case .failure(let error): notices.append(try refusal(error))
        }
    }

    /// Finishes interrupted applications and asks the agencies about the person's cases; each change is a notice.
    /// Quiet on arrival: no news is not worth a line then.
    func followCases(_ current: Current, quiet: Bool) {
        guard let exchange else { return }
        let person = current.person
        let result = waitFor { () async throws(EngineError) -> [CaseUpdate] in
            await exchange.resumePendingSubmissions(of: person, actor: .system)
            return try await exchange.refreshCases(of: person)
        }
        switch result {
        case .success(let updates):
            for update in updates where update.journey == current.journey.id {
                let title = strings.text(current.journey.step(update.step)?.title) ?? update.step.rawValue
                let style: Line.Style = update.status == .approved ? .success : update.status == .received ? .normal : .warning
                notices.append(Line(strings.caseNews(title, update.status, message: update.message.map { AgencyMessage($0).shown(strings) }), style: style))
            }
            if updates.isEmpty, !quiet { notices.append(Line(strings.noNews)) }
        case .failure(let error):
            if !quiet { notices.append(Line(strings.refusal(error), style: .warning)) }
        }
    }

    /// What Lotsen knows about the person, where each fact came from, and their access journal.
    func showData(_ situation: Situation, _ current: Current) throws(GuideStop) {
        guard let exchange else { return }
        let journal: [AccessEntry]
        let person = current.person
        do { journal = try awaitFromThread { () async throws(EngineError) in try await exchange.journal(of: person) } } catch {
            notices.append(try refusal(error))
            return
        }
        present(YourDataScreen(journey: current.journey, known: situation.facts, claims: situation.view.claims, journal: journal,
            catalog: engine.library.catalog,
            strings: strings).screen)
        _ = try choose(0, commands: [.back])
    }
}
