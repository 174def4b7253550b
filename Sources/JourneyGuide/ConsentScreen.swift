import JourneyEngine
import JourneyModel

/// The once-only preview before anything is fetched or sent: which facts, from where, to where, for which step.
/// The person's own screen, so values they gave are shown; identity numbers never are.
struct ConsentScreen {
    let strings: GuideStrings

    func lookup(_ offer: LookupOffer) -> Screen {
        let language = strings.language
        var screen = Screen([Line(strings.fetchTitle(offer.agency.name[language]), style: .title)])
        screen.add(Line(strings.fetchIntro(agency: offer.agency.name[language], service: offer.service.title[language],
            step: offer.step?.title[language])))
        screen.addBlank()
        for fact in offer.facts { screen.add(Line(label(fact), prefix: "  • ")) }
        screen.addBlank()
        screen.add(Line(strings.fetchNothingElse, style: .muted))
        screen.addBlank()
        screen.add(Line(strings.fetchYes, style: .highlight, prefix: "  1) "))
        screen.add(Line(strings.fetchNo, style: .highlight, prefix: "  2) "))
        return screen
    }

    func submission(_ offer: SubmissionOffer, catalog: AgencyCatalog) -> Screen {
        let language = strings.language
        var screen = Screen([Line(strings.sendTitle(offer.agency.name[language]), style: .title)])
        screen.add(Line(strings.sendIntro(agency: offer.agency.name[language], service: offer.service.title[language],
            step: offer.step.title[language])))
        screen.addBlank()
        for field in offer.fields {
            let value = AnswersScreen.shown(field.value, fact: field.fact, strings: strings)
            screen.add(Line("\(label(field.fact)): \(value)", prefix: "  • "))
            screen.add(Line(source(field.source, catalog: catalog), style: .muted, prefix: "      "))
        }
        screen.addBlank()
        screen.add(Line(strings.sendNothingElse, style: .muted))
        screen.addBlank()
        screen.add(Line(strings.sendYes, style: .highlight, prefix: "  1) "))
        screen.add(Line(strings.sendNo, style: .highlight, prefix: "  2) "))
        return screen
    }

    /// A fact as the person knows it: its label, else its question, else its id.
    func label(_ fact: FactDefinition) -> String {
        fact.label?[strings.language] ?? strings.identityLabel(fact.type) ?? fact.ask?[strings.language] ?? fact.id.rawValue
    }

    func source(_ source: FactSource, catalog: AgencyCatalog) -> String {
        switch source {
        case .person: return strings.sourcePerson
        case .agency(let service):
            let agency = catalog.agency(service.agency)?.name[strings.language] ?? service.agency.rawValue
            return strings.sourceAgency(agency, service: catalog.service(service)?.title[strings.language] ?? service.name)
        case .step(let step): return strings.sourceStep(step.rawValue)
        }
    }
}
