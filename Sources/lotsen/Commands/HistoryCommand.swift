import ArgumentParser
import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen history`: the append-only event log of a person's journeys.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show the history of a person's journeys, oldest first.")

    @OptionGroup var who: PersonOptions
    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingFailures {
            let context = try await EngineContext(library: library, database: database)
            let overview = try await context.engine.overview(try who.reference())
            let formatter = ISO8601DateFormatter()
            for view in overview.enrollments where who.journeyID == nil || view.journey.id == who.journeyID {
                Console.print("\(view.journey.id) (\(view.enrollment.id))")
                for event in try await context.engine.history(of: view.enrollment.id) {
                    let subject = [event.step?.rawValue, event.fact?.rawValue, event.detail].compactMap { $0 }.joined(separator: " ")
                    Console.print("  \(formatter.string(from: event.at))  \(event.actor.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))"
                        + "\(event.kind.rawValue.padding(toLength: max(16, event.kind.rawValue.count + 1), withPad: " ", startingAt: 0))\(subject)")
                }
            }
        }
    }
}
