import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// What Lotsen knows about the person and where each fact came from, then their access journal: who read or sent
/// what, when, why, and how it went.
struct YourDataScreen {
    let journey: Journey
    let known: [FactID: KnownFact]
    /// What the person says beside facts an agency supplied.
    let claims: [FactID: KnownFact]
    let journal: [AccessEntry]
    let catalog: AgencyCatalog
    let strings: GuideStrings

    var screen: Screen {
        let consent = ConsentScreen(strings: strings)
        var screen = Screen([Line(strings.yourDataTitle, style: .title)])
        let facts = journey.facts.filter { known[$0.id] != nil }
        if facts.isEmpty { screen.add(Line(strings.nothingKnownYet)) }
        for fact in facts {
            guard let value = known[fact.id] else { continue }
            screen.lines += consent.valueLines(fact, AnswersScreen.shown(value.value, fact: fact, strings: strings), prefix: "  • ")
            screen.add(Line(consent.source(value.source, catalog: catalog, journey: journey), style: .muted, prefix: "      "))
            if let claim = claims[fact.id] {
                screen.add(Line(strings.yourClaim(AnswersScreen.shown(claim.value, fact: fact, strings: strings)), prefix: "      "))
            }
        }
        screen.addBlank()
        screen.add(Line(strings.journalTitle, style: .heading))
        if journal.isEmpty { screen.add(Line(strings.journalEmpty)) }
        // Swedish time, with its offset from UTC, so a reader abroad (or on summer time) knows which hour it was.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm xxx"
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        for entry in journal {
            let agency = entry.agency.map { strings.text(catalog.agency($0)?.name) ?? $0.rawValue } ?? ""
            let fields = entry.fields.compactMap { journey.fact($0) }.map { consent.label($0) }
            screen.add(Line(strings.journalLine(entry, agency: agency, fields: fields), prefix: "  \(formatter.string(from: entry.at))  "))
        }
        screen.addBlank()
        screen.add(Line(strings.orHeading))
        screen.add(Line(strings.backToSteps, prefix: "  \(strings.key(.back))) "))
        screen.add(Line(strings.saveAndQuit, prefix: "  \(strings.key(.quit))) "))
        return screen
    }
}
