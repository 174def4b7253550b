import ArgumentParser
import Foundation
import JourneyEngine
import JourneyStore

/// `lotsen timers`: durable timers, for deployments without a running server.
struct TimersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timers",
        abstract: "Fire due timers without a server.",
        discussion: """
            Timers are kept with the steps (a step's deadline, say) and fired once each. 'lotsen serve' fires them \
            every second; a deployment without a server runs 'lotsen timers run' from cron instead.
            """,
        subcommands: [TimersRunCommand.self]
    )
}

/// `lotsen timers run`
struct TimersRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fire every timer that is due now, once, and exit.",
        discussion: """
            Meant for cron (every minute, say): it fires what came due since the last run and prints how many. \
            Running it twice, or next to 'lotsen serve' or another run on the same database, fires nothing twice. \
            Exit status: 0 when every due timer was fired (or none was due), 1 when the database cannot be opened \
            or cannot take changes (with error: and hint: lines on standard error; nothing was lost, the next run \
            fires them), 64 for a usage error.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Fire at most this many (default: all that are due).", valueName: "n"))
    var limit: Int?

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() async throws {
        try await reportingFailures {
            let context = try await EngineContext(library: library, database: database)
            let fired: [FiredTimer]
            do {
                fired = try await context.engine.fireDueTimers(in: context.store, limit: limit)
            } catch {
                await context.store.close()
                throw error
            }
            await context.store.close()
            Console.print("Fired \(fired.count) due timer\(fired.count == 1 ? "" : "s").")
        }
    }
}
