import Foundation
import JourneyModel
import Testing

/// `lotsen migrate-enrollments` with the real binary and a real database file: a journey file replaced by its next
/// version, a dry run first, then the move.
@Suite("Moving running enrollments to a new journey version on the command line")
struct MigrateEnrollmentsCommandTests {
    static let version1 = """
        id: permit
        version: 1
        title: { sv: Tillstånd, en: Permit }
        summary: { sv: Ett tillstånd, en: A permit }
        facts:
          fullName: { type: text, ask: { sv: Namn?, en: Name? } }
        steps:
          - id: apply
            title: { sv: Ansök, en: Apply }
            due: { within: P2W, from: start }
          - id: visit
            title: { sv: Besök, en: Visit }
            after: [apply]
          - id: collect
            title: { sv: Hämta, en: Collect }
            after: [visit]
          - id: brochure
            title: { sv: Broschyr, en: Brochure }
            optional: true
          - id: receive
            title: { sv: Ta emot, en: Receive }
            after: [collect]

        """

    static let version2 = """
        id: permit
        version: 2
        title: { sv: Tillstånd, en: Permit }
        summary: { sv: Ett tillstånd, en: A permit }
        facts:
          fullName: { type: text, ask: { sv: Namn?, en: Name? } }
        steps:
          - id: application
            title: { sv: Ansökan, en: Application }
            due: { within: P2W, from: start }
          - id: book-visit
            title: { sv: Boka besök, en: Book a visit }
            after: [application]
          - id: attend-visit
            title: { sv: Besök, en: Attend the visit }
            after: [book-visit]
          - id: collect
            title: { sv: Hämta, en: Collect }
            after: [attend-visit]
            needs: [fullName]
          - id: receive
            title: { sv: Ta emot, en: Receive }
            after: [collect]
        migrations:
          - from: 1
            renamed: { apply: application }
            split: { visit: [book-visit, attend-visit] }
            removed: [brochure]

        """

    /// The output with enrollment references (random) replaced, and the per-enrollment lines sorted by what they say.
    static func normalized(_ output: String) -> String {
        let lines = output.split(separator: "\n").map { $0.replacing(/le-[a-z0-9]+/, with: "le-…") }
        guard lines.count > 2 else { return lines.joined(separator: "\n") + "\n" }
        return ([lines[0]] + lines[1..<(lines.count - 1)].sorted() + [lines[lines.count - 1]]).joined(separator: "\n") + "\n"
    }

    @Test("a dry run lists each enrollment's move or why it stays and changes nothing; the move then happens once, as an event",
        arguments: ["sqlite", "postgres"])
    func dryRunThenMove(store: String) async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        guard store == "postgres" else { return try await Self.dryRunThenMove(cli, environment: [:]) }
        let database = try await TwoNodeDatabase.make()
        do {
            try await Self.dryRunThenMove(cli, environment: ["LOTSEN_DATABASE": database.url])
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    static func dryRunThenMove(_ cli: CLIRunner, environment: [String: String]) async throws {
        let journeys = cli.folder.appendingPathComponent("journeys")
        try FileManager.default.createDirectory(at: journeys, withIntermediateDirectories: true)
        let file = journeys.appendingPathComponent("permit.yaml")
        try Self.version1.write(to: file, atomically: true, encoding: .utf8)
        let library = ["--journeys", journeys.path, "--adapters", CLIRunner.root.appendingPathComponent("adapters").path]
        let moving = OfficialTestNumbers.personnummer
        let staying = OfficialTestNumbers.samordningsnummer
        func run(_ arguments: [String]) async throws -> CLIRunner.Result { try await cli.run(arguments + library, environment: environment) }
        if !environment.isEmpty { #expect(try await cli.run(["database", "create"], environment: environment).status == 0) }

        #expect(try await run(["start", "permit", "--person", moving]).status == 0)
        #expect(try await run(["answer", "--person", moving, "fullName=Tolvan Tolvansson"]).status == 0)
        #expect(try await run(["begin", "apply", "--person", moving]).status == 0)
        let dueBefore = try await run(["status", "--person", moving]).output.split(separator: "\n").first { $0.contains("[apply]") }
        #expect(try await run(["start", "permit", "--person", staying]).status == 0)
        for step in ["apply", "visit", "collect"] { #expect(try await run(["complete", step, "--person", staying]).status == 0) }

        try Self.version2.write(to: file, atomically: true, encoding: .utf8)
        let dryRun = try await run(["migrate-enrollments", "permit", "--to", "2", "--dry-run"])
        #expect(dryRun.status == 1, "\(dryRun.error)")
        try Golden.check(Self.normalized(dryRun.output), "migrate-enrollments-dry-run.txt")
        #expect(try await run(["history", "--person", moving]).output.contains("enrollmentMigrated") == false)
        let json = try await run(["migrate-enrollments", "permit", "--to", "2", "--dry-run", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(document["moved"] as? Int == 1 && document["stayed"] as? Int == 1 && document["dryRun"] as? Bool == true)
        let reasons = (document["enrollments"] as? [[String: Any]])?.flatMap { $0["reasons"] as? [[String: Any]] ?? [] }
        #expect(reasons?.map { $0["code"] as? String } == ["missingFact"])

        let moved = try await run(["migrate-enrollments", "permit", "--to", "2"])
        #expect(moved.status == 1)
        #expect(moved.output.contains("moved; renamed apply to application (started)"), "\(moved.output)")
        #expect(moved.output.hasSuffix("Moved 1 enrollment; 1 stays where it is.\n"), "\(moved.output)")
        let status = try await run(["status", "--person", moving]).output
        let dueAfter = status.split(separator: "\n").first { $0.contains("[application]") }
        #expect(dueAfter?.replacingOccurrences(of: "Application [application]", with: "Apply [apply]") == dueBefore.map(String.init), "\(status)")
        #expect(try await run(["history", "--person", moving]).output.contains("enrollmentMigrated version 1 to 2; renamed apply to application (started)"))

        // Running it again moves nothing twice; once the person gives the missing fact, the other one moves too.
        #expect(try await run(["migrate-enrollments", "permit", "--to", "2"]).output.hasSuffix("Moved 0 enrollments; 1 stays where it is.\n"))
        #expect(try await run(["answer", "--person", staying, "fullName=Tolva Tolvansson"]).status == 0)
        let rest = try await run(["migrate-enrollments", "permit", "--to", "2"])
        #expect(rest.status == 0, "\(rest.output)")
        #expect(rest.output.hasSuffix("Moved 1 enrollment; 0 stay where they are.\n"), "\(rest.output)")
        #expect(try await run(["migrate-enrollments", "permit", "--to", "3"]).status == 1)
    }
}
