import ArgumentParser
import JourneyModel

/// `lotsen show`: a journey as a readable, numbered step list.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a journey as a numbered step list.",
        discussion: "Steps that share a number can be done in any order ('and'); alternatives read 'either ... or'."
    )

    @Argument(help: ArgumentHelp("The journey id, such as new-in-sweden.", valueName: "journey"))
    var journey: String

    @OptionGroup var library: LibraryOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try await reportingFailures {
            let loaded = try library.load()
            let definition = try loaded.requireJourney(journey)
            Console.print(block: JourneyOutline(journey: definition.asDeclared, catalog: loaded.catalog, language: language.language).render())
        }
    }
}

extension JourneyLibrary {
    /// The journey, or a refusal that suggests the closest id.
    func requireJourney(_ id: String) throws -> Journey {
        if let journey = journey(JourneyID(id)) { return journey }
        let hint = Suggestion.closest(to: id, among: journeys.map(\.id.rawValue)).map { "did you mean '\($0)'?" } ?? "list them with: lotsen journeys"
        throw CLIError("no journey '\(id)'", hint: hint)
    }
}
