import ArgumentParser
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen migrate-enrollments`: moves running enrollments to the newest version of their journey.
struct MigrateEnrollmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-enrollments",
        abstract: "Move running enrollments to a new version of their journey.",
        discussion: """
            An enrollment follows the version of the journey it started on. This moves every running enrollment on an \
            older version to VERSION, which must be the version in the journey file, following the file's 'migrations:' \
            mapping for renamed, split and removed steps (see docs/journey-format.md). Recorded progress goes with its \
            step; an enrollment the mapping cannot place (the agency has an open case at a step that changes, say) stays \
            on its version and is listed with the reason. Each move is one transaction and an 'enrollmentMigrated' \
            event in the enrollment's history; running it again moves nothing twice, and it is safe while 'lotsen \
            serve' runs on the same database. Complete enrollments keep their version. Lines name enrollments by \
            reference, never a person's data. Exit status: 0 when every running enrollment moved (or would, with \
            --dry-run), 1 when some stay where they are, the mapping has errors or a request is refused, 64 on a \
            usage error.
            """
    )

    @Argument(help: ArgumentHelp("The journey whose enrollments move.", valueName: "journey"))
    var journey: String

    @Option(name: .long, help: ArgumentHelp("The version to move them to: the one in the journey file.", valueName: "version"))
    var to: Int

    @Flag(name: .long, help: "Print what would change, and change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        var stays = false
        try await reportingFailures {
            let context = try await EngineContext(library: library, database: database)
            do {
                stays = try await migrate(context)
            } catch {
                await context.store.close()
                throw error
            }
            await context.store.close()
        }
        if stays { throw ExitCode(1) }
    }

    /// Plans, prints and (without --dry-run) moves; returns whether anything stays or the mapping has errors.
    private func migrate(_ context: EngineContext) async throws -> Bool {
        let journeyID = JourneyID(journey)
        let plan = try await context.engine.planMigration(of: journeyID, to: to, in: context.store)
        var document = MigrationDocument(journey: journeyID.rawValue, to: to, dryRun: dryRun, finished: plan.finished)
        if !plan.diagnostics.isEmpty {
            document.diagnostics = plan.diagnostics.map(\.description)
            if json { Console.print(json: try document.json()) } else {
                for diagnostic in plan.diagnostics { Console.print(diagnostic.description) }
                Console.print("Nothing moved: the mapping has \(count(plan.diagnostics.count, "error")).")
            }
            return true
        }
        if !json { Console.print("Moving running enrollments of \(journeyID) to version \(to)\(dryRun ? " (dry run: nothing changes)" : "").") }
        for planned in plan.moves {
            let move = dryRun ? planned : try await context.engine.migrate(planned.enrollment, of: planned.person, to: to, in: context.store)
            guard let move else { continue }
            document.add(move)
            guard !json else { continue }
            switch move.outcome {
            case .moves(let changes):
                let what = changes.isEmpty ? "every recorded progress keeps its step" : changes.map(\.text).joined(separator: "; ")
                Console.print("\(move.enrollment)  version \(move.from): \(dryRun ? "moves" : "moved"); \(what)")
            case .stays(let holds):
                Console.print("\(move.enrollment)  version \(move.from): stays; \(holds.map(\.text).joined(separator: "; "))")
            }
        }
        if json {
            Console.print(json: try document.json())
        } else {
            let (moved, stayed) = (document.moved, document.stayed)
            let finished = plan.finished > 0 ? "; \(count(plan.finished, "complete enrollment")) \(plan.finished == 1 ? "keeps its" : "keep their") version" : ""
            Console.print("\(dryRun ? "Would move" : "Moved") \(count(moved, "enrollment")); \(stayed) \(stayed == 1 ? "stays" : "stay") where \(stayed == 1 ? "it is" : "they are")\(finished).")
        }
        return document.stayed > 0
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
