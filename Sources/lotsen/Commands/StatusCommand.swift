import ArgumentParser
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen status`: where a person stands in each journey, and what to do next.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where a person stands in their journeys and what to do next."
    )

    @OptionGroup var who: PersonOptions
    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let context = try await EngineContext(library: library, database: database)
            let reference = try who.reference()
            let overview = try await context.engine.overview(reference)
            let views = overview.enrollments.filter { who.journeyID == nil || $0.journey.id == who.journeyID }
            if let journey = who.journeyID, views.isEmpty {
                throw CLIError("this person has not started '\(journey)'", hint: "start it with: lotsen start \(journey) --person ...")
            }
            if json {
                let filtered = PersonOverview(person: overview.person, facts: overview.facts, enrollments: views)
                Console.print(json: try StatusDocument(filtered, language: language.language, now: context.engine.now).json())
                return
            }
            let label = Labels(language: language.language)
            let report = StatusReport(catalog: context.library.catalog, language: language.language, now: context.engine.now,
                personArgument: reference.commandArgument(person: overview.person.id))
            Console.print(label("Person \(overview.person.id)", "Person \(overview.person.id)")
                + (overview.person.identity == nil ? label(" (no personnummer linked yet)", " (inget personnummer kopplat ännu)") : ""))
            if views.isEmpty { Console.print(label("No journeys started yet.", "Inga resor startade ännu.")) }
            for view in views {
                Console.print()
                report.render(view).forEach { Console.print($0) }
            }
            let facts = report.renderFacts(overview.facts, claims: overview.claims, journeys: views.map(\.journey))
            if !facts.isEmpty {
                Console.print()
                facts.forEach { Console.print($0) }
            }
        }
    }
}
