import Foundation
import GRDB
import JourneyModel
import Testing

/// `lotsen status` with a deadline, and `lotsen timers run` as cron runs it: the real binary and a real database file.
@Suite("Deadlines and timers on the command line")
struct TimersCommandTests {
    static let person = OfficialTestNumbers.personnummer

    @Test("status shows when a step is due; timers run fires a due timer once, says how many, and exits 0")
    func statusAndTimersRun() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["start", "starting-a-business", "--person", Self.person]).status == 0)
        #expect(try await cli.run(["answer", "--person", Self.person, "businessForm=aktiebolag", "companyName=Testbolaget AB"]).status == 0)
        for step in ["name-check", "articles-of-association"] {
            let done = try await cli.run(["complete", step, "--person", Self.person])
            #expect(done.status == 0, "\(done.error)")
        }
        let status = try await cli.run(["status", "--person", Self.person])
        let line = try #require(status.output.split(separator: "\n").first { $0.contains("[register-limited-company]") })
        #expect(line.contains("— due by 20"), "\(line)")
        #expect(try await cli.run(["timers", "run"]).output == "Fired 0 due timers.\n")

        // Six months pass: the timer is made due behind the binary's back, as the clock cannot be moved from outside.
        let database = try DatabaseQueue(path: cli.database)
        try await database.write { db in try db.execute(sql: "UPDATE timer SET dueAt = 0 WHERE kind = 'due'") }
        try database.close()
        let fired = try await cli.run(["timers", "run"])
        #expect(fired.status == 0, "\(fired.error)")
        #expect(fired.output == "Fired 1 due timer.\n")
        #expect(try await cli.run(["timers", "run"]).output == "Fired 0 due timers.\n")
        let history = try await cli.run(["history", "--person", Self.person]).output
        #expect(history.components(separatedBy: "timerFired").count == 2, "\(history)")
    }

    @Test("timers run exits 1 with an error and a hint when the database cannot be opened")
    func unreachableDatabaseExitsOne() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        let failed = try await cli.run(["timers", "run", "--database", "postgres://lotsen@127.0.0.1:1/lotsen"])
        #expect(failed.status == 1)
        #expect(failed.error.hasPrefix("error: "), "\(failed.error)")
        #expect(try await cli.run(["timers", "run", "--limit", "0"]).status == 64)
    }
}
