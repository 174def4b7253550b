import ArgumentParser
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen submit`: send a step's application to its agency, after a preview and the person's consent.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Send a step's application to the agency, after a preview of exactly what is sent.",
        discussion: """
            Shows which facts go to which agency, and where Lotsen has each from, then asks. The application is \
            recorded before the agency is called and sent with an idempotency key, so if Lotsen is stopped half-way \
            'lotsen sync' finishes it without opening a second case. The step then waits on the agency; 'lotsen sync' \
            follows the case.
            """
    )

    @Argument(help: ArgumentHelp("The step id, such as population-registration.", valueName: "step"))
    var step: String

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
                let journey: JourneyID
                if let named = who.journeyID {
                    journey = named
                } else {
                    journey = try await context.engine.journey(containing: StepID(step), for: person.id)
                }
                let offer = try await context.exchange.submissionOffer(step: StepID(step), person: person.id, journey: journey)
                ExchangePreview.lines(offer, language: language.language).forEach { Console.print($0) }
                let decision = try consent.decision(question: "Send this to \(offer.agency.name[language.language])?")
                switch try await context.exchange.submit(offer, for: person.id, decision: decision) {
                case .submitted(let caseID):
                    Console.print("Sent. \(offer.agency.name[language.language]) has the case \(caseID); follow it with: lotsen sync")
                    if context.practice { Console.print(ExchangeContext.practiceNote) }
                case .refused: Console.print("Not sent.")
                }
            }
        }
    }
}
