import ArgumentParser
import Foundation
import JourneyEngine
import JourneyGuide
import JourneyModel

/// `lotsen guide`: the interactive guide for citizens, on the real terminal.
struct GuideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Walk through a life event step by step, interactively.",
        discussion: """
            Pick a life event (or name it), say who you are (personnummer, samordningsnummer, a Lotsen reference \
            lp-..., or 'I don't have one yet', which gives you a reference), answer the few questions that decide \
            which steps apply, then mark steps as started, done or skipped. Where an agency already knows something \
            (such as your name and address at Skatteverket), the guide offers to fetch it instead of asking, and it can \
            send an application to the agency for you: each time it first shows exactly what goes where, and you say \
            yes or no. Before it fetches or sends anything it asks you to log in with e-legitimation (the provider of \
            LOTSEN_OIDC_ISSUER, else the sandbox's): open the link it shows, approve in your eID app, then choose \
            "I have approved". The login counts for this visit only. On a terminal, when neither --lang nor LANG \
            names a language, the first screen offers every language in its own name; l at any prompt changes it. Press d to see what Lotsen knows about you and who has read it. Every answer and step is saved at once: \
            stop with q, Ctrl-D or Ctrl-C and run the same command to continue where you left off.

            A parent acts for their child with --as-guardian --person THEIR-OWN-NUMBER: the guide asks them to log in \
            with e-legitimation first, asks Skatteverket's population register which children under 18 they have \
            custody of, and lets them pick one. Every screen then says so, every change is recorded in the child's \
            journal as made by their guardian, and custody is checked with the register again before each change.

            Every step keeps one number for the whole journey (saying who moves with you renumbers it once): type it \
            to open the step. On a terminal the guide \
            redraws each screen in colour (never with NO_COLOR set, never dim), and a list of steps taller than the \
            window shows only the steps to act on (s shows them all), so "Next:" stays in view. With --plain, or when \
            standard input is not a terminal, it prints plain lines without symbols and reads one answer per line, for \
            screen readers and scripts: the whole list once, then after each action what changed and what to do next.

            Exit status: 0 when you stop, 130 after Ctrl-C, 1 when progress could not be read or saved, 141 when \
            standard output was closed (the terminal went away, or a pipe's reader stopped): everything until then is \
            saved.
            """
    )

    @Argument(help: ArgumentHelp("The journey id, such as new-in-sweden (default: choose from a menu).", valueName: "journey"))
    var journey: String?

    @Option(name: .long, help: ArgumentHelp("Who you are: personnummer, samordningsnummer, Lotsen reference, or 'new' (default: asked).",
        valueName: "id"))
    var person: String?

    @Flag(name: .long, help: "Plain lines without colour or redrawing, for screen readers and scripts.")
    var plain = false

    @Flag(name: .long, help: "Log in first and act for a child under 18 in your custody (with --person: your own number).")
    var asGuardian = false

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try await reportingFailures {
            try await ExchangeContext.with(library: library, database: database) { context in
                guard !context.context.library.journeys.isEmpty else {
                    throw CLIError("there are no journeys to guide you through", hint: "add journey files to the journeys folder, or pass --journeys FOLDER")
                }
                let interactive = isatty(STDIN_FILENO) == 1
                let terminal: any Terminal = plain || !interactive ? PlainTerminal() : TTYTerminal()
                // The language menu is for a person at a keyboard; a script piping answers keeps English.
                let session = GuideSession(engine: context.engine, terminal: terminal, language: language.language,
                    offerLanguages: interactive && language.decided == nil, journey: journey, person: person,
                    exchange: context.exchange, identity: context.identity, practice: context.practice, asGuardian: asGuardian)
                switch await session.run() {
                case .finished: return
                case .interrupted: throw ExitCode(130)
                case .failed: throw ExitCode(1)
                }
            }
        }
    }
}
