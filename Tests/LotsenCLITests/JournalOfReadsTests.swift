import Foundation
import JourneyModel
import Testing

/// Attack 4 of issue 15, as it was found: through a real `lotsen serve`, then `lotsen journal --person`.
@Suite("lotsen journal shows who read a person's data through the API")
struct JournalOfReadsTests {
    @Test("after a caseworker read A's journey and citizen B tried to, lotsen journal --person A shows both, with no values")
    func caseworkerReadAndRefusedAttemptAreShown() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let a = OfficialTestNumbers.personnummer
        #expect(try await runner.run(["start", "new-in-sweden", "--person", a]).status == 0)
        let caseworker = try await runner.run(["token", "create", "--role", "caseworker"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let b = try await runner.run(["token", "create", "--role", "citizen", "--person", OfficialTestNumbers.leapDayPersonnummer]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServeProcess(["serve", "--port", "0", "--database", runner.database])
        let list = try await server.send("GET", "/v1/enrollments?journey=new-in-sweden", token: caseworker)
        let enrollment = try #require((list.body["items"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try await server.send("GET", "/v1/enrollments/\(enrollment)", token: caseworker).status == 200)
        #expect(try await server.send("GET", "/v1/enrollments/\(enrollment)", token: b).status == 404)
        try await server.stop()

        let journal = try await runner.run(["journal", "--person", a]).output
        #expect(!journal.contains("Nothing has been read"))
        #expect(journal.contains("  caseworker  read  GET /v1/enrollments  completed  for new-in-sweden  token tk-"))
        #expect(journal.contains("  caseworker  read  GET /v1/enrollments/{enrollmentId}  completed  for new-in-sweden  token tk-"))
        #expect(journal.contains("  citizen  read  GET /v1/enrollments/{enrollmentId}  refused (forbidden)  for new-in-sweden  token tk-"))
        #expect(!journal.contains(a) && !journal.contains(a.filter(\.isNumber)))
        #expect(try await runner.run(["journal", "verify"]).output.hasPrefix("The journal is intact: 3 entries"))
    }
}
