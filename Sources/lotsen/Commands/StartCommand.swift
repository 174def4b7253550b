import ArgumentParser
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen start`: enrols a person in a journey, or continues the one they already started.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a journey for a person (or show it again if already started).",
        discussion: """
            Starting the same journey twice continues the first one. Someone who has neither a personnummer nor a \
            samordningsnummer yet uses --person new and gets a Lotsen reference (lp-...) to use from then on; \
            a number obtained later is linked to it with 'lotsen link', keeping all progress.
            """
    )

    @Argument(help: ArgumentHelp("The journey id, such as new-in-sweden.", valueName: "journey"))
    var journey: String

    @Option(name: .long, help: ArgumentHelp("The person: personnummer, samordningsnummer, Lotsen reference, or 'new'.", valueName: "id"))
    var person: String

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try await reportingFailures {
            let context = try await EngineContext(library: library, database: database)
            let reference = try PersonReference(parsing: person)
            let view = try await context.engine.enroll(reference, in: JourneyID(journey))
            let label = Labels(language: language.language)
            let title = view.journey.title[language.language]
            if reference == .new {
                Console.print(label("Your Lotsen reference is \(view.enrollment.person). Keep it: you need it to continue.",
                    "Ditt Lotsen-referensnummer är \(view.enrollment.person). Spara det: du behöver det för att fortsätta."))
            }
            Console.print(view.created ? label("Started \(title).", "Startade \(title).") : label("You already started \(title); continuing.", "Du har redan startat \(title); fortsätter."))
            Console.print()
            let argument = reference.commandArgument(person: view.enrollment.person)
            StatusReport(catalog: context.library.catalog, language: language.language, now: context.engine.now, personArgument: argument).render(view).forEach { Console.print($0) }
        }
    }
}

extension PersonReference {
    /// How to name the person in suggested commands: their Lotsen reference, or a placeholder when they named
    /// themselves by identity number, which is never echoed.
    func commandArgument(person: PersonID) -> String {
        switch self {
        case .id, .new: person.rawValue
        case .identity: "<your personnummer>"
        }
    }
}
