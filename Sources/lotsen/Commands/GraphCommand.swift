import ArgumentParser
import JourneyModel

/// `lotsen graph`: the step graph as Mermaid or Graphviz DOT.
struct GraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a journey's step graph as Mermaid or Graphviz DOT.",
        discussion: "Conditional steps are dashed, optional steps dotted, and alternatives boxed together. Render DOT with: dot -Tsvg"
    )

    @Argument(help: ArgumentHelp("The journey id.", valueName: "journey"))
    var journey: String

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "mermaid|dot"))
    var format: JourneyGraph.Format = .mermaid

    @OptionGroup var library: LibraryOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try await reportingFailures {
            let definition = try library.load().requireJourney(journey)
            Console.print(block: JourneyGraph(journey: definition.asDeclared, language: language.language).render(format))
        }
    }
}

extension JourneyGraph.Format: ExpressibleByArgument {}
