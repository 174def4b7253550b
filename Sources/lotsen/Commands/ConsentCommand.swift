import ArgumentParser
import Foundation
import JourneyEngine
import JourneyModel
import JourneySQLite
import JourneyStore

/// `lotsen consent`: the person's consents to fetch or send their data, and withdrawing them.
struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "List a person's consents to exchange their data, or withdraw one.",
        subcommands: [List.self, Withdraw.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every consent the person gave or refused, oldest first.")

        @OptionGroup var who: PersonOptions
        @OptionGroup var library: LibraryOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingFailures {
                let context = try await EngineContext(library: library, database: database)
                let person = try await context.engine.person(try who.reference())
                let consents = try await ConsentBook(store: context.store).consents(of: person.id)
                if consents.isEmpty { Console.print("No consents yet.") }
                let formatter = ISO8601DateFormatter()
                for consent in consents where who.journeyID == nil || consent.journey == who.journeyID {
                    let state = consent.withdrawnAt.map { "withdrawn \(formatter.string(from: $0))" } ?? consent.decision.rawValue
                    let scope = [consent.journey.rawValue, consent.step?.rawValue].compactMap { $0 }.joined(separator: "/")
                    Console.print("\(consent.id)  \(formatter.string(from: consent.decidedAt))  \(state)  \(consent.direction.rawValue) "
                        + "\(consent.fields.map(\.rawValue).joined(separator: ",")) \(consent.direction == .fetch ? "from" : "to") \(consent.service)  for \(scope)")
                }
            }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw",
            abstract: "Withdraw a consent: Lotsen asks again before the next exchange in its scope.")

        @Argument(help: ArgumentHelp("The consent id, as 'lotsen consent list' shows it (c-...).", valueName: "consent"))
        var consent: String

        @OptionGroup var who: PersonOptions
        @OptionGroup var library: LibraryOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingFailures {
                let context = try await EngineContext(library: library, database: database)
                let person = try await context.engine.person(try who.reference())
                let withdrawn = try await ConsentBook(store: context.store).withdraw(consent, of: person.id)
                Console.print("Withdrawn: \(withdrawn.direction.rawValue) \(withdrawn.fields.map(\.rawValue).joined(separator: ",")) (\(withdrawn.service)).")
            }
        }
    }
}
