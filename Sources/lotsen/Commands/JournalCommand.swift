import ArgumentParser
import Foundation
import JourneyEngine
import JourneyModel
import JourneySQLite
import JourneyStore

/// `lotsen journal`: who read or sent what about a person, and checking that nobody edited the record.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Show the access journal: every read, change and refused attempt on a person's data, every call to an agency, every consent.",
        subcommands: [Show.self, Verify.self],
        defaultSubcommand: Show.self
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show everything that was read, changed or sent about a person, oldest first.",
            discussion: """
                Each line: when, who (their role towards the person: person, citizen for someone else, caseworker, agency, \
                representative acting for them, system), what (read, change, fetch, send, consent, mandate...), through \
                which route or agency service, which fields (names only, never values), the outcome, why (journey/step) \
                and, for a request through the API, the token, and for a representative who acted and under which mandate.
                """
        )

        @OptionGroup var who: PersonOptions
        @OptionGroup var library: LibraryOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingFailures {
                let context = try await EngineContext(library: library, database: database)
                let person = try await context.engine.person(try who.reference())
                let entries = try await context.store.journal(person: person.id)
                if entries.isEmpty { Console.print("Nothing has been read or sent about this person.") }
                let formatter = ISO8601DateFormatter()
                for entry in entries where who.journeyID == nil || entry.journey == who.journeyID {
                    Console.print(Self.line(entry, formatter: formatter))
                }
            }
        }

        /// One entry on one line: `#5  2026-01-01T10:00:00Z  caseworker  read  GET /v1/people/{personId}  completed  token tk-…`.
        static func line(_ entry: AccessEntry, formatter: ISO8601DateFormatter) -> String {
            let purpose = [entry.journey?.rawValue, entry.step?.rawValue].compactMap { $0 }.joined(separator: "/")
            let outcome = entry.outcome.rawValue + (entry.detail.map { " (\($0))" } ?? "")
            var parts = ["#\(entry.sequence)", formatter.string(from: entry.at), entry.requester?.role.rawValue ?? entry.actor.rawValue, entry.action.rawValue]
            if let requester = entry.requester {
                parts += [requester.purpose, outcome]
                if !purpose.isEmpty { parts.append("for \(purpose)") }
                parts.append("token \(requester.token)")
                if let representation = requester.representation {
                    switch representation.basis {
                    case .mandate(let mandate): parts.append("acting: \(representation.representative) under \(mandate)")
                    case .custody: parts.append("acting: \(representation.representative) as guardian")
                    }
                }
            } else {
                let fields = entry.fields.isEmpty ? "-" : entry.fields.map(\.rawValue).joined(separator: ",")
                parts += [entry.service?.rawValue ?? "-", fields, outcome]
                if !purpose.isEmpty { parts.append("for \(purpose)") }
            }
            return parts.joined(separator: "  ")
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the journal's hash chain: an edited, removed or reordered entry is reported.",
            discussion: """
                Prints the number of entries and the hash of the last one. Keep that hash somewhere else and pass it \
                next time with --expect-head: then removing entries from the end is caught too.

                Exit status: 0 when the chain is whole, 1 when it is broken.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The head hash a previous check printed.", valueName: "hash"))
        var expectHead: String?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingFailures {
                let store = try await database.open()
                let result = try await store.verifyJournal(expectedHead: expectHead)
                switch result.problem {
                case nil:
                    Console.print("The journal is intact: \(result.entries) entr\(result.entries == 1 ? "y" : "ies"), head \(result.head).")
                case .edited(let sequence)?:
                    throw CLIError("entry #\(sequence) was changed after it was written", hint: "restore the database from a backup and investigate who had access")
                case .missing(let sequence)?:
                    throw CLIError("entries before #\(sequence) are missing", hint: "restore the database from a backup and investigate who had access")
                case .brokenLink(let sequence)?:
                    throw CLIError("entry #\(sequence) does not follow the entry before it", hint: "entries were replaced or reordered; restore from a backup")
                }
            }
        }
    }
}
