import ArgumentParser
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen fetch`: fetch facts an agency already holds, after a preview and the person's consent.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch what an agency already knows instead of answering, after a preview and your consent.",
        discussion: """
            Shows, for each agency that can supply facts the journey needs now, exactly which facts would be \
            fetched and for which step, then asks. Saying no is fine: answer the questions with 'lotsen answer' \
            instead. Every fetch, refusal and failure is written to the access journal (lotsen journal). Needs a \
            personnummer or samordningsnummer proven by logging in with e-legitimation (lotsen login).
            """
    )

    @OptionGroup var who: PersonOptions
    @OptionGroup var consent: ConsentOptions
    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try await reportingFailures {
            try await ExchangeContext.with(library: library, database: database) { context in
                let person = try await context.engine.person(try who.reference())
                // A number that was only typed is never used with an agency: the person logs in first.
                if person.identity != nil { _ = try await context.exchange.requireProvenIdentity(of: person.id) }
                let journeys = try await context.engine.overview(.id(person.id)).enrollments.map(\.journey.id).filter { who.journeyID == nil || $0 == who.journeyID }
                var offered = false
                for journey in journeys {
                    for offer in try await context.exchange.lookupOffers(person: person.id, journey: journey) {
                        offered = true
                        ExchangePreview.lines(offer, person: person, language: language.language).forEach { Console.print($0) }
                        let decision = try consent.decision(question: "Fetch these from \(offer.agency.name[language.language])?")
                        switch try await context.exchange.fetch(offer, for: person.id, decision: decision) {
                        case .recorded(let facts) where facts.isEmpty: Console.print("\(offer.agency.name[language.language]) holds none of these; answer them yourself.")
                        case .recorded(let facts): Console.print("Fetched: \(facts.map(\.rawValue).joined(separator: ", ")).")
                        case .refused: Console.print("Not fetched. Answer these yourself with: lotsen answer")
                        case .noMatch: Console.print("\(offer.agency.name[language.language]) has no record of you; answer these yourself.")
                        case .severalMatches:
                            Console.print("\(offer.agency.name[language.language]) has more than one record for your number, so nothing was used; answer these yourself.")
                        }
                    }
                }
                if !offered { Console.print("Nothing to fetch now: no agency can supply what your journeys need next.") }
                if offered && context.practice { Console.print(ExchangeContext.practiceNote) }
            }
        }
    }
}
