import ArgumentParser
import Foundation
import JourneyEngine
import JourneyModel
import JourneySandbox
import JourneyStore

/// `lotsen sandbox emit`: a sandbox agency tells Lotsen of a life event, as a real agency does through
/// `POST /v1/life-events`, so offers can be tried offline.
struct SandboxEmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emit",
        abstract: "Have a sandbox agency tell Lotsen of a life event, which may offer a journey.",
        discussion: """
            birth-registered: the sandbox's Skatteverket registers a birth to --person, one of its test people \
            (19900101-2385, say), born on --born (default: today). Every journey the event offers (see offeredBy \
            in docs/journey-format.md) is offered to that person if Lotsen knows them by a proven number (log in \
            first: lotsen login), they are not on the journey, and they qualify; they see it the next time they \
            open lotsen guide. Practice only: no real agency is involved.
            """
    )

    @Argument(help: ArgumentHelp("The life event: birth-registered.", valueName: "event"))
    var event: String

    @Option(name: .long, help: ArgumentHelp("The test person the event is about: their personnummer.", valueName: "number"))
    var person: String

    @Option(name: .long, help: ArgumentHelp("The child's date of birth (default: today).", valueName: "YYYY-MM-DD"))
    var born: String?

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard SandboxLifeEvents.kinds.contains(event) else {
            throw ValidationError("the sandbox emits: \(SandboxLifeEvents.kinds.joined(separator: ", "))")
        }
        if let born, CalendarDate(iso: born) == nil { throw ValidationError("--born must be a date, YYYY-MM-DD") }
        if (try? Personnummer(parsing: person)) == nil { throw ValidationError("--person must be a personnummer") }
    }

    func run() async throws {
        try await reportingFailures {
            let number = try Personnummer(parsing: person)
            let emitted: (event: AgencyLifeEvent, fields: [String: FactValue])
            do {
                emitted = try SandboxLifeEvents.birthRegistered(parent: number, born: born.flatMap(CalendarDate.init(iso:)) ?? .today())
            } catch let error as SandboxError {
                throw CLIError(error.message, hint: error.hint)
            }
            let context = try await EngineContext(library: library, database: database)
            do {
                try await emit(emitted, about: number, context: context)
            } catch {
                await context.store.close()
                throw error
            }
            await context.store.close()
        }
    }

    private func emit(_ emitted: (event: AgencyLifeEvent, fields: [String: FactValue]), about number: Personnummer, context: EngineContext)
        async throws
    {
        let message = LifeEventMessage(messageID: "sandbox-\(UUID().uuidString.lowercased())", event: emitted.event, person: number,
            fields: emitted.fields)
        let receipt = try await context.engine.receive(message)
        // The person's journal says the agency told Lotsen, naming the journeys offered and the facts (never values).
        if let person = receipt.person {
            let entries = receipt.offers.map { offer in
                AccessEntry(at: offer.createdAt, person: person, actor: .agency, journey: offer.journey, step: nil, service: offer.vouchedBy,
                    action: .change, fields: offer.facts.map(\.fact), outcome: .completed, detail: "offer")
            }
            try await context.store.appendJournal(entries)
        }
        let agency = context.library.catalog.agency(emitted.event.agency)?.name[.en] ?? emitted.event.agency.rawValue
        Console.print("The sandbox's \(agency) registered the event and told Lotsen (message \(message.messageID)).")
        guard let person = receipt.person, !receipt.offers.isEmpty else {
            Console.print("No offer was made: Lotsen knows no one by that number who has logged in, or they are on every journey it offers.")
            return
        }
        for offer in receipt.offers {
            let title = context.library.journey(offer.journey)?.title[.en] ?? offer.journey.rawValue
            Console.print("Offered \(title) to \(person); they see it in: lotsen guide --person \(person)")
        }
    }
}
