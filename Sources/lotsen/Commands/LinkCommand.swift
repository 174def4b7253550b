import ArgumentParser
import JourneyEngine
import JourneyModel

/// `lotsen link`: attaches a personnummer or samordningsnummer obtained later to a newcomer's reference.
struct LinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link a personnummer or samordningsnummer to a Lotsen reference, keeping all progress."
    )

    @Option(name: .long, help: ArgumentHelp("The Lotsen reference (lp-...) the person was given.", valueName: "reference"))
    var person: String

    @Option(name: .long, help: ArgumentHelp("The personnummer or samordningsnummer to link.", valueName: "number"))
    var identity: String

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try await reportingFailures {
            guard case .id(let id) = try PersonReference(parsing: person) else {
                throw ValidationError("--person must be a Lotsen reference (lp-...)")
            }
            guard case .identity(let number) = try PersonReference(parsing: identity) else {
                throw ValidationError("--identity must be a personnummer or samordningsnummer")
            }
            let context = try await EngineContext(library: library, database: database)
            _ = try await context.engine.link(person: id, identity: number)
            let label = Labels(language: language.language)
            Console.print(label("Linked. From now on you can use your \(number.kind == .samordningsnummer ? "samordningsnummer" : "personnummer") instead of \(id).",
                "Kopplat. Från och med nu kan du använda ditt \(number.kind.rawValue) i stället för \(id)."))
        }
    }
}
