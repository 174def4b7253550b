import Foundation
import JourneyModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The operator's side of the health check, with the real binary on a real file: a database deleted or made
/// read-only under a running server, a restart on a missing file, and making a database on purpose.
@Suite("lotsen serve's health check and lotsen database create, as real processes")
struct HealthCommandTests {
    @Test("serve refuses a database file that does not exist, says how to make one, and creates nothing")
    func serveRefusesMissingFile() throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let server = try ServeProcess(["serve", "--port", "0", "--database", runner.database])
        #expect(server.exitStatus() == 1)
        #expect(server.log.contains("error: there is no database at \(runner.database)"), "\(server.log)")
        #expect(server.log.contains("hint: if there was one, restore it from a backup; to begin with a new, empty database, run 'lotsen database create --database \(runner.database)'"))
        #expect(!FileManager.default.fileExists(atPath: runner.database))
    }

    @Test("lotsen database create makes a new database once, says so, and serve then starts on it")
    func databaseCreate() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let created = try await runner.run(["database", "create"])
        #expect(created.status == 0)
        #expect(created.output == "Created a new, empty database: sqlite:\(runner.database) (14 migrations applied).\n")
        let again = try await runner.run(["database", "create"])
        #expect(again.status == 0)
        #expect(again.output == "The database sqlite:\(runner.database) is ready (14 migrations applied).\n")
        let server = try ServeProcess(["serve", "--port", "0", "--database", runner.database])
        #expect(try await server.send("GET", "/health").status == 200)
        try await server.stop()
    }

    @Test("a database file deleted under a running server: /health and changes answer 503, and a restart refuses to start")
    func deletedUnderRunningServer() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        #expect(try await runner.run(["database", "create"]).status == 0)
        let citizen = try await runner.run(["token", "create", "--role", "citizen", "--person", OfficialTestNumbers.personnummer]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServeProcess(["serve", "--port", "0", "--database", runner.database])
        #expect(try await server.send("POST", "/v1/enrollments", token: citizen, json: ["journey": "new-in-sweden"]).status == 201)

        try FileManager.default.removeItem(atPath: runner.database)
        let health = try await server.send("GET", "/health")
        #expect(health.status == 503)
        #expect(health.body["reason"] as? String == "deleted")
        #expect((health.body["error"] as? [String: Any])?["code"] as? String == "unavailable")
        let change = try await server.send("POST", "/v1/enrollments", token: citizen, json: ["journey": "starting-a-business"])
        #expect(change.status == 503)
        #expect((change.body["error"] as? [String: Any])?["code"] as? String == "unavailable")
        #expect(try await server.send("GET", "/live").status == 200)
        try await server.stop()

        let restarted = try ServeProcess(["serve", "--port", "0", "--database", runner.database])
        #expect(restarted.exitStatus() == 1)
        #expect(restarted.log.contains("error: there is no database at \(runner.database)"), "\(restarted.log)")
        #expect(!FileManager.default.fileExists(atPath: runner.database), "no empty database in its place")
    }

    @Test("serve refuses to start on a database file it cannot write, saying what, where and how to fix it")
    func readOnlyFileRefused() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        #expect(try await runner.run(["database", "create"]).status == 0)
        try runner.giveToUnprivilegedUser()
        #expect(chmod(runner.database, 0o444) == 0)
        // As root the server runs as nobody: root would write the file anyway, and rightly be told nothing is wrong.
        let server = try ServeProcess(["serve", "--port", "0", "--database", runner.database], unprivileged: true)
        #expect(server.exitStatus() == 1)
        #expect(server.log.contains("error: the database sqlite:\(runner.database) cannot take changes: the database file or its folder is read-only"),
            "\(server.log)")
        #expect(server.log.contains("hint: make both writable for that user (chown, chmod), then restart the server"))
        #expect(!server.log.contains("database ready"))
    }

    @Test("a database file made read-only under a running server: /health says readOnly and changes answer 503, not 500")
    func readOnlyUnderRunningServer() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        #expect(try await runner.run(["database", "create"]).status == 0)
        let citizen = try await runner.run(["token", "create", "--role", "citizen", "--person", OfficialTestNumbers.personnummer]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try runner.giveToUnprivilegedUser()
        let server = try ServeProcess(["serve", "--port", "0", "--database", runner.database], unprivileged: true)
        #expect(try await server.send("GET", "/health").status == 200)

        #expect(chmod(runner.database, 0o444) == 0)
        let health = try await server.send("GET", "/health")
        #expect(health.status == 503)
        #expect(health.body["reason"] as? String == "readOnly")
        let change = try await server.send("POST", "/v1/enrollments", token: citizen, json: ["journey": "new-in-sweden"])
        #expect(change.status == 503)
        #expect((change.body["error"] as? [String: Any])?["code"] as? String == "unavailable")

        #expect(chmod(runner.database, 0o644) == 0)
        #expect(try await server.send("GET", "/health").status == 200, "healthy again once the operator fixed it")
        #expect(try await server.send("POST", "/v1/enrollments", token: citizen, json: ["journey": "new-in-sweden"]).status == 201)
        try await server.stop()
    }
}
