import Foundation
import JourneyModel
import Testing

/// A parent in the sandbox acts for their child through a real `lotsen serve`, which asks a real `lotsen sandbox` about
/// custody; `lotsen journal --person` then shows the child who acted for them.
@Suite("lotsen serve checks guardians against the population register; lotsen journal names them")
struct GuardianCommandTests {
    @Test("a proven parent lists their child and reads the child's data; the child's journal says acting: lp-… as guardian")
    func parentActsForChildThroughServe() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let parent = OfficialTestNumbers.personnummer
        #expect(try await runner.run(["start", "new-in-sweden", "--person", parent]).status == 0)
        let login = try await runner.run(["login", "--person", parent], environment: ["LOTSEN_SANDBOX_APPROVE_LOGINS": "1"])
        #expect(login.status == 0, "\(login.error)")
        let reference = try #require(login.output.range(of: #"lp-[0-9a-z]{10}"#, options: .regularExpression).map { String(login.output[$0]) })
        let token = try await runner.run(["token", "create", "--role", "citizen", "--person", reference]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let sandbox = try SandboxProcess(cli: runner)
        defer { sandbox.stop() }

        let server = try ServeProcess(["serve", "--port", "0", "--database", runner.database],
            environment: ["LOTSEN_SANDBOX_URL": sandbox.root.absoluteString])
        let children = try await server.send("GET", "/v1/people/\(reference)/children", token: token)
        #expect(children.status == 200)
        let child = try #require((children.body["items"] as? [[String: Any]])?.first?["person"] as? String)
        let read = try await server.send("GET", "/v1/people/\(child)", token: token, headers: ["Lotsen-Guardian-For": child])
        #expect(read.status == 200)
        try await server.stop()

        // Without a register to ask, `lotsen serve` refuses guardians rather than trusting them.
        let unwired = try ServeProcess(["serve", "--port", "0", "--database", runner.database])
        let refused = try await unwired.send("GET", "/v1/people/\(child)", token: token, headers: ["Lotsen-Guardian-For": child])
        #expect(refused.status == 503 && (refused.body["error"] as? [String: Any])?["code"] as? String == "custodyUnavailable")
        try await unwired.stop()

        let journal = try await runner.run(["journal", "--person", child]).output
        #expect(journal.contains("  guardian  read  GET /v1/people/{personId}  completed  token tk-"), "\(journal)")
        #expect(journal.contains("acting: \(reference) as guardian"))
        #expect(!journal.contains(OfficialTestNumbers.childPersonnummer))
        #expect(try await runner.run(["journal", "verify"]).output.hasPrefix("The journal is intact"))
    }
}
