import ArgumentParser
import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen mandate`: a person lets another act for them (an ombud, under a fullmakt), lists and withdraws mandates.
struct MandateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mandate",
        abstract: "Grant, list or withdraw mandates: another proven person acting for someone in some journeys and services.",
        discussion: """
            A representative acts under a mandate through the API, naming it in the Lotsen-Mandate header; every \
            event and journal entry they cause records them and the mandate. Both people must have logged in with \
            e-legitimation; both are told in their journals when a mandate is granted or withdrawn.
            """,
        subcommands: [Grant.self, List.self, Withdraw.self],
        defaultSubcommand: List.self
    )

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant",
            abstract: "Let another proven person act for this person in some journeys and services, for a span of days.")

        @Option(name: .long, help: ArgumentHelp("The person granting the mandate: their Lotsen reference, or a personnummer.", valueName: "id"))
        var person: String

        @Option(name: .long, help: ArgumentHelp("The representative: the Lotsen reference (lp-...) they got when they logged in.", valueName: "lp-ref"))
        var to: String

        @Option(name: .long, help: ArgumentHelp("A journey the representative may act in (repeat for several).", valueName: "journey"))
        var journey: [String] = []

        @Option(name: .long, help: ArgumentHelp("A service whose steps the representative may move (repeat for several).", valueName: "agency.service"))
        var service: [String] = []

        @Option(name: .long, help: ArgumentHelp("The first day it holds (today if not given).", valueName: "YYYY-MM-DD"))
        var from: String?

        @Option(name: .long, help: ArgumentHelp("The last day it holds.", valueName: "YYYY-MM-DD"))
        var until: String

        @OptionGroup var library: LibraryOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingFailures {
                guard let last = CalendarDate(iso: until) else { throw ValidationError("'--until' must be a date, YYYY-MM-DD") }
                let first = try from.map { text in
                    guard let day = CalendarDate(iso: text) else { throw ValidationError("'--from' must be a date, YYYY-MM-DD") }
                    return day
                }
                guard to.hasPrefix(PersonReference.idPrefix) else { throw ValidationError("name the representative by their Lotsen reference (lp-...)") }
                let context = try await EngineContext(library: library, database: database)
                let grantor = try await context.engine.person(try PersonReference(parsing: person))
                let book = MandateBook(store: context.store, library: context.library)
                let mandate = try await book.grant(by: grantor.id, to: PersonID(to), journeys: journey.map(JourneyID.init),
                    services: service.map(ServiceID.init), from: first ?? book.day(of: Date()), until: last)
                Console.print("Granted \(mandate.id): \(mandate.representative) may act for \(mandate.grantor) in \(Self.scope(mandate)), "
                    + "\(book.day(of: mandate.validFrom)) to \(book.lastDay(of: mandate)).")
            }
        }

        static func scope(_ mandate: Mandate) -> String {
            (mandate.journeys.map(\.rawValue) + mandate.services.map(\.rawValue)).joined(separator: ", ")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list",
            abstract: "List the mandates a person granted or holds, oldest first; one ending within 14 days says so.")

        @Option(name: .long, help: ArgumentHelp("The person: their Lotsen reference, or a personnummer.", valueName: "id"))
        var person: String

        @OptionGroup var library: LibraryOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingFailures {
                let context = try await EngineContext(library: library, database: database)
                let subject = try await context.engine.person(try PersonReference(parsing: person))
                let book = MandateBook(store: context.store, library: context.library)
                let mandates = try await book.mandates(of: subject.id)
                if mandates.isEmpty { Console.print("No mandates.") }
                let now = Date()
                for mandate in mandates {
                    let direction = mandate.grantor == subject.id ? "to \(mandate.representative)" : "from \(mandate.grantor)"
                    let warning = mandate.expiresSoon(at: now) ? "  expires soon" : ""
                    Console.print("\(mandate.id)  \(direction)  \(Grant.scope(mandate))  \(book.day(of: mandate.validFrom)) to \(book.lastDay(of: mandate))  "
                        + "\(mandate.status(at: now).rawValue)\(warning)")
                }
            }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw",
            abstract: "Withdraw a mandate the person granted: from now on the representative cannot act for them.")

        @Argument(help: ArgumentHelp("The mandate id, as 'lotsen mandate list' shows it (md-...).", valueName: "mandate"))
        var mandate: String

        @Option(name: .long, help: ArgumentHelp("The person who granted it: their Lotsen reference, or a personnummer.", valueName: "id"))
        var person: String

        @OptionGroup var library: LibraryOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingFailures {
                let context = try await EngineContext(library: library, database: database)
                let grantor = try await context.engine.person(try PersonReference(parsing: person))
                let withdrawn = try await MandateBook(store: context.store, library: context.library).withdraw(mandate, by: grantor.id)
                Console.print("Withdrawn: \(withdrawn.id) (\(withdrawn.representative) no longer acts for \(withdrawn.grantor)).")
            }
        }
    }
}
