import JourneyEngine
import JourneyModel

/// The once-only preview before anything is fetched or sent: which facts, from where, to where, for which step, and
/// each value that will be sent with where Lotsen has it from. The person's own screen, after their own login: the
/// access journal and logs name fields only.
struct ConsentScreen {
    let strings: GuideStrings

    /// `sending` is the login the lookup finds the person's record by: the one value a lookup sends.
    func lookup(_ offer: LookupOffer, sending login: ProvenIdentity?) -> Screen {
        let language = strings.language
        var screen = Screen([Line(strings.fetchTitle(strings.agencyInSentence(offer.agency)), style: .title)])
        screen.add(Line(strings.fetchIntro(agency: strings.text(offer.agency.name), service: strings.text(offer.service.title),
            step: strings.text(offer.step?.title))))
        screen.addBlank()
        for fact in offer.facts { screen.add(Line(label(fact), prefix: "  • ")) }
        if let login {
            screen.addBlank()
            screen.add(Line(strings.fetchSends(login.number.formatted)))
        }
        screen.addBlank()
        screen.add(Line(strings.fetchNothingElse, style: .muted))
        screen.addBlank()
        screen.add(Line(strings.fetchYes, style: .highlight, prefix: "  1) "))
        screen.add(Line(strings.fetchNo, style: .highlight, prefix: "  2) "))
        return screen
    }

    func submission(_ offer: SubmissionOffer, catalog: AgencyCatalog) -> Screen {
        let language = strings.language
        var screen = Screen([Line(strings.sendTitle(strings.agencyInSentence(offer.agency)), style: .title)])
        screen.add(Line(strings.sendIntro(agency: strings.agencyInSentence(offer.agency), service: strings.text(offer.service.title),
            step: strings.text(offer.step.title))))
        screen.addBlank()
        for field in offer.fields {
            let value = field.value.display(in: strings.language, type: field.fact.type)
            screen.lines += valueLines(field.fact, value, prefix: "  • ")
            screen.add(Line(source(field.source, catalog: catalog), style: .muted, prefix: "      "))
        }
        screen.addBlank()
        screen.add(Line(strings.sendNothingElse, style: .muted))
        screen.addBlank()
        screen.add(Line(strings.sendYes, style: .highlight, prefix: "  1) "))
        screen.add(Line(strings.sendNo, style: .highlight, prefix: "  2) "))
        return screen
    }

    /// A fact with its value as a list item: "Citizenship: Germany" by its label. A fact with only a question keeps the
    /// question whole and puts the value on a line of its own, since a question is no label ("… one year?: yes").
    func valueLines(_ fact: FactDefinition, _ value: String, prefix: String) -> [Line] {
        guard fact.label == nil, strings.identityLabel(fact.type) == nil, let question = strings.text(fact.ask) else {
            return [Line(strings.labelled(label(fact), value), prefix: prefix)]
        }
        return [Line(question, prefix: prefix), Line(value, prefix: String(repeating: " ", count: prefix.count))]
    }

    /// A fact as the person knows it: its label, else its question, else its id.
    func label(_ fact: FactDefinition) -> String {
        strings.text(fact.label) ?? strings.identityLabel(fact.type) ?? strings.text(fact.ask) ?? fact.id.rawValue
    }

    /// Where a value came from, in words; a step by its title in `journey` (its id only when the journey has no such step).
    func source(_ source: FactSource, catalog: AgencyCatalog, journey: Journey? = nil) -> String {
        switch source {
        case .person: return strings.sourcePerson
        case .agency(let service):
            let agency = strings.text(catalog.agency(service.agency)?.name) ?? service.agency.rawValue
            return strings.sourceAgency(agency, service: strings.text(catalog.service(service)?.title) ?? service.name)
        case .step(let step): return strings.sourceStep(strings.text(journey?.step(step)?.title) ?? step.rawValue)
        }
    }
}
