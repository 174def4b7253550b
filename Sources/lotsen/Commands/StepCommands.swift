import ArgumentParser
import JourneyEngine
import JourneyModel
import JourneyStore

/// The options every step command shares, and how it runs: one engine call, then the updated journey.
struct StepArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The step id, as shown by 'lotsen status' or 'lotsen show'.", valueName: "step"))
    var step: String

    @OptionGroup var who: PersonOptions
    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    func run(_ command: StepCommand, produced: [(fact: FactID, text: String)] = [], done: (Labels, String) -> String) async throws {
        let context = try await EngineContext(library: library, database: database)
        let reference = try who.reference()
        let person = try await context.engine.person(reference)
        let view = try await context.engine.apply(command, step: StepID(step), person: person.id, journey: who.journeyID, produced: produced)
        let title = view.journey.step(StepID(step))?.title[language.language] ?? step
        let label = Labels(language: language.language)
        if view.unchanged, let state = view.plan.status(of: StepID(step))?.state {
            Console.print(label("Nothing changed: \(title) is already \(label.state(state)).", "Ingenting ändrades: \(title) är redan \(label.state(state))."))
        } else {
            Console.print(done(label, title))
        }
        Console.print()
        let report = StatusReport(catalog: context.library.catalog, language: language.language, now: context.engine.now,
            personArgument: reference.commandArgument(person: person.id))
        report.render(view).forEach { Console.print($0) }
    }
}

/// `lotsen begin`: marks a step as started.
struct BeginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "begin", abstract: "Mark a step as started.")

    @OptionGroup var arguments: StepArguments

    func run() async throws {
        try await reportingFailures { try await arguments.run(.start) { label, title in label("Started: \(title).", "Påbörjat: \(title).") } }
    }
}

/// `lotsen complete`: marks a step as done, optionally reporting the facts it produced.
struct CompleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Mark a step as done.",
        discussion: "Facts the step gives (see 'Gives' in 'lotsen show') can be reported with --fact, such as --fact residencePermit=yes."
    )

    @OptionGroup var arguments: StepArguments

    @Option(name: .customLong("fact"), help: ArgumentHelp("A fact the step produced, as FACT=VALUE (repeatable).", valueName: "fact=value"))
    var facts: [String] = []

    func validate() throws {
        for fact in facts where AnswerCommand.split(fact) == nil {
            throw ValidationError("--fact '\(fact.prefix { $0 != "=" })' has no value; write it as FACT=VALUE")
        }
    }

    func run() async throws {
        try await reportingFailures {
            try await arguments.run(.complete, produced: facts.compactMap(AnswerCommand.split)) { label, title in label("Done: \(title).", "Klart: \(title).") }
        }
    }
}

/// `lotsen skip`: skips an optional step.
struct SkipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "skip", abstract: "Skip an optional step.")

    @OptionGroup var arguments: StepArguments

    func run() async throws {
        try await reportingFailures { try await arguments.run(.skip) { label, title in label("Skipped: \(title).", "Hoppade över: \(title).") } }
    }
}

/// `lotsen reject`: records that the agency turned a step down.
struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Record that the agency rejected a step.",
        discussion: "A rejected required step blocks the journey until it is started again with 'lotsen begin'."
    )

    @OptionGroup var arguments: StepArguments

    @Option(name: .long, help: ArgumentHelp("The agency's reason, as the person may read it.", valueName: "text"))
    var reason: String?

    func run() async throws {
        try await reportingFailures { try await arguments.run(.reject(reason: reason)) { label, title in label("Rejected: \(title).", "Avslaget: \(title).") } }
    }
}
