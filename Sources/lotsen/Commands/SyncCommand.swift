import ArgumentParser
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen sync`: finish interrupted submissions and follow open cases.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Finish interrupted submissions and bring a person's steps up to date with their agency cases.",
        discussion: """
            First sends every application that was recorded but not confirmed (after a crash, a kill or an \
            unreachable agency), with its original idempotency key, so the agency never opens two cases. Then, \
            with --person, asks each agency how the person's cases stand and moves the steps: waiting on the \
            agency, needs your action, done or rejected.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The person whose cases to follow (default: only finish interrupted submissions).", valueName: "id"))
    var person: String?

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingFailures {
            try await ExchangeContext.with(library: library, database: database) { context in
                let finished = await context.exchange.resumePendingSubmissions()
                if finished > 0 { Console.print("Sent \(finished) interrupted application\(finished == 1 ? "" : "s").") }
                guard let person else {
                    if finished > 0 && context.practice { Console.print(ExchangeContext.practiceNote) }
                    return
                }
                let id = try await context.engine.person(try PersonReference(parsing: person)).id
                let updates = try await context.exchange.refreshCases(of: id)
                for update in updates {
                    let state =
                        switch update.status {
                        case .received: "received by the agency"
                        case .needsAction: "needs your action"
                        case .approved: "approved: done"
                        case .rejected: "rejected"
                        }
                    Console.print("\(update.journey) / \(update.step): \(state)\(update.message.map { ": \($0)" } ?? "")")
                }
                if updates.isEmpty { Console.print("No news from the agencies.") }
                if (finished > 0 || !updates.isEmpty) && context.practice { Console.print(ExchangeContext.practiceNote) }
            }
        }
    }
}
