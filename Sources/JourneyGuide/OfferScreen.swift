import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// An offer on the first screen: which agency told Lotsen of what, the journey it offers, what is already filled in,
/// and the choice to start it, say no, or decide later.
struct OfferScreen {
    let offer: Offer
    let journey: Journey
    let catalog: AgencyCatalog
    let strings: GuideStrings

    var screen: Screen {
        let language = strings.language
        let agency = catalog.agency(offer.agency)?.name[language] ?? offer.agency.rawValue
        let title = journey.title[language]
        var screen = Screen([Line(strings.offerHeading(agency: agency, event: offer.event), style: .title), Line(strings.offerIntro(title))])
        screen.add(Line(journey.summary[language], style: .muted, prefix: "  "))
        if !offer.facts.isEmpty {
            screen.addBlank()
            screen.add(Line(strings.offerFilledIn(agency)))
            for proven in offer.facts {
                let fact = journey.fact(proven.fact)
                let label = fact?.label?[language] ?? fact?.ask?[language] ?? proven.fact.rawValue
                screen.add(Line("\(label): \(proven.value.display(in: language, type: fact?.type))", prefix: "  • "))
            }
        }
        // The offer stands to the end of the day before the moment it expires.
        screen.add(Line(strings.offerStands(until: DueStanding.day(of: offer.expiresAt)), style: .muted))
        screen.addBlank()
        screen.add(Line(strings.offerAccept(title), style: .highlight, prefix: "  1) "))
        screen.add(Line(strings.offerDecline, style: .highlight, prefix: "  2) "))
        screen.add(Line(strings.offerLater, style: .highlight, prefix: "  3) "))
        return screen
    }
}
