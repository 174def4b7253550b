import Foundation
import GRDB
import JourneyModel
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The once-only commands as a person runs them: the real binary, a real database file, and the sandbox agencies
/// over HTTP on loopback (in-process, or as a separate `lotsen sandbox` process).
@Suite("Once-only commands", .serialized)
struct OnceOnlyCommandTests {
    static let person = OfficialTestNumbers.personnummer

    /// Starts `new-in-sweden` for the seeded person with answers that make population registration the next step.
    static func enrolled() async throws -> CLIRunner {
        let cli = CLIRunner()
        #expect(try await cli.run(["start", "new-in-sweden", "--person", person]).status == 0)
        let answers = ["citizenship=NO", "stayAtLeastOneYear=yes", "hasChildren=no", "lookingForWork=no", "hasForeignDrivingLicence=no",
            "alreadyRegistered=no"]
        #expect(try await cli.run(["answer", "--person", person] + answers).status == 0)
        // Once-only needs a proven number: the person logs in (the sandbox's BankID approves at once here).
        let login = try await cli.run(["login", "--person", person], environment: ["LOTSEN_SANDBOX_APPROVE_LOGINS": "1"])
        #expect(login.status == 0, "\(login.error)")
        #expect(login.output.contains("Logged in. Your personnummer is proven"))
        #expect(!login.output.contains(person) && !login.output.contains("19900101"))
        return cli
    }

    @Test("issue 15, why 5: fetch and submit refuse a number nobody proved, say how to log in, and call no agency")
    func typedNumberFetchesNothing() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["start", "new-in-sweden", "--person", Self.person]).status == 0)
        #expect(try await cli.run(["answer", "--person", Self.person, "citizenship=NO", "stayAtLeastOneYear=yes", "alreadyRegistered=no"]).status == 0)
        let fetched = try await cli.run(["fetch", "--person", Self.person, "--yes"])
        #expect(fetched.status == 1)
        #expect(fetched.error.contains("has not been proven"), "\(fetched.error)")
        #expect(fetched.error.contains("hint: log in with e-legitimation first: lotsen login --person lp-"))
        #expect(!fetched.error.contains(Self.person) && !fetched.output.contains("fullName"))
        let submitted = try await cli.run(["submit", "population-registration", "--person", Self.person, "--yes"])
        #expect(submitted.status == 1)
        #expect(try await cli.run(["journal", "--person", Self.person]).output.contains("Nothing has been read or sent"))

        // A login that is not approved in time binds nothing.
        let waited = try await cli.run(["login", "--person", Self.person, "--timeout", "1"])
        #expect(waited.status == 1)
        #expect(waited.error.contains("the login was not approved in time"))
        #expect(try await cli.run(["fetch", "--person", Self.person, "--yes"]).status == 1)
    }

    @Test("name and address are fetched after consent, sent on to the agency after a preview, and every call is journaled")
    func fetchSubmitFollowAndJournal() async throws {
        let cli = try await Self.enrolled()
        defer { cli.remove() }
        let fetched = try await cli.run(["fetch", "--person", Self.person, "--yes"])
        #expect(fetched.status == 0, "\(fetched.error)")
        #expect(fetched.output.contains("  - fullName\n  - address\n"))
        // The person's own preview shows the one value a lookup sends, and where it comes from.
        #expect(fetched.output.contains("To find your record, Lotsen sends your personnummer 19900101-2385   (proven by your e-legitimation login)"))
        #expect(fetched.output.contains("Fetched: fullName, address."))
        // Saying the agency's record is wrong keeps it, with the person's claim beside it.
        #expect(try await cli.run(["answer", "--person", Self.person, "fullName=Tolvan Testsson"]).status == 0)
        let disputed = try await cli.run(["status", "--person", Self.person])
        #expect(disputed.output.contains("  fullName: Tolvan Tolvansson (from Swedish Tax Agency)\n    you say: Tolvan Testsson; the agency's value stays\n"),
            "\(disputed.output)")
        let submitted = try await cli.run(["submit", "population-registration", "--person", Self.person, "--yes"])
        #expect(submitted.status == 0, "\(submitted.error)")
        // Each value that will be sent, with its source (issue 15, why 2: the preview showed only the source).
        #expect(submitted.output.contains("  - fullName → name: Tolvan Tolvansson   (from skatteverket.population-record)"), "\(submitted.output)")
        #expect(submitted.output.contains("  - citizenship → citizenship: Norway   (you answered)"))
        let status = try await cli.run(["status", "--person", Self.person])
        #expect(status.output.contains("waiting on agency  Notify your move to Sweden [population-registration] — case SKV-"), "\(status.output)")
        let synced = try await cli.run(["sync", "--person", Self.person])
        #expect(synced.output.contains("new-in-sweden / population-registration: approved: done"), "\(synced.output)")

        let journal = try await cli.run(["journal", "--person", Self.person])
        let actions = journal.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true)[3] }
        #expect(actions == ["consentGranted", "fetch", "fetch", "consentGranted", "send", "send", "caseStatus"])
        // Beyond the previews, the person's own data never reaches the terminal: names of fields only, no values, no number.
        for output in [synced.output, journal.output] {
            #expect(!output.contains("Tolvan") && !output.contains("Testgatan") && !output.contains(Self.person))
        }
        let verified = try await cli.run(["journal", "verify"])
        #expect(verified.status == 0)
        #expect(verified.output.hasPrefix("The journal is intact: 7 entries, head "))
    }

    @Test("journal verify catches an edited entry and a deleted one")
    func tamperingIsCaught() async throws {
        let cli = try await Self.enrolled()
        defer { cli.remove() }
        #expect(try await cli.run(["fetch", "--person", Self.person, "--yes"]).status == 0)
        let head = try #require(try await cli.run(["journal", "verify"]).output.split(separator: " ").last).trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let database = try DatabaseQueue(path: cli.database)
        // Someone hides that the address was read.
        try await database.write { try $0.execute(sql: "UPDATE access_journal SET fields = 'fullName' WHERE sequence = 3") }
        let edited = try await cli.run(["journal", "verify"])
        #expect(edited.status == 1)
        #expect(edited.error.contains("error: entry #3 was changed after it was written"))
        try await database.write { try $0.execute(sql: "DELETE FROM access_journal WHERE sequence >= 2") }
        let cut = try await cli.run(["journal", "verify", "--expect-head", head])
        #expect(cut.status == 1)
        #expect(cut.error.contains("error: entries before #2 are missing"), "\(cut.error)")
    }

    @Test("refusing consent fetches nothing, is journaled, and leaves the questions to the person")
    func refusalIsANormalPath() async throws {
        let cli = try await Self.enrolled()
        defer { cli.remove() }
        let refused = try await cli.run(["fetch", "--person", Self.person, "--no"])
        #expect(refused.output.contains("Not fetched. Answer these yourself with: lotsen answer"))
        #expect(try await cli.run(["fetch", "--person", Self.person, "--yes"]).output.contains("Nothing to fetch now"))
        let journal = try await cli.run(["journal", "--person", Self.person]).output
        #expect(journal.contains("consentRefused") && !journal.contains(" fetch "))
        let consents = try await cli.run(["consent", "list", "--person", Self.person]).output
        #expect(consents.contains("refused  fetch address,fullName from skatteverket.population-record"))
    }

    @Test("a fetch without --yes or --no on a pipe is refused before anything is read")
    func pipeNeedsAnAnswer() async throws {
        let cli = try await Self.enrolled()
        defer { cli.remove() }
        let result = try await cli.run(["fetch", "--person", Self.person])
        #expect(result.status == 1)
        #expect(result.error.contains("hint: read the preview, then run the command again with --yes or --no"))
        #expect(try await cli.run(["journal", "--person", Self.person]).output.contains("Nothing has been read or sent"))
    }

    @Test("killed between recording an application and hearing back, lotsen sync finishes it without a second case")
    func killBetweenIntentAndOutcome() async throws {
        let cli = try await Self.enrolled()
        defer { cli.remove() }
        #expect(try await cli.run(["fetch", "--person", Self.person, "--yes"]).status == 0)
        // A sandbox of its own, so it outlives the killed process; the agency will open the case and then hang.
        let sandbox = try SandboxProcess(cli: cli)
        defer { sandbox.stop() }
        try await sandbox.send("PUT", "/_sandbox/behaviour", #"{"agency": "skatteverket", "service": "folkbokforing", "hang": true}"#)
        let environment = ["LOTSEN_SANDBOX_URL": sandbox.root.absoluteString]
        let submit = try cli.start(["submit", "population-registration", "--person", Self.person, "--yes"], environment: environment)
        // Wait until the agency has the case, then kill the process before it can record the outcome.
        var opened = 0
        for _ in 0..<200 where opened == 0 {
            try await Task.sleep(for: .milliseconds(50))
            opened = try await sandbox.cases(service: "folkbokforing")
        }
        #expect(opened == 1)
        kill(submit.processIdentifier, SIGKILL)
        submit.waitUntilExit()
        #expect(try await cli.run(["status", "--person", Self.person]).output.contains("Notify your move to Sweden"))

        try await sandbox.send("DELETE", "/_sandbox/behaviour", nil)
        let synced = try await cli.run(["sync"], environment: environment)
        #expect(synced.output.contains("Sent 1 interrupted application."), "\(synced.output) \(synced.error)")
        #expect(try await sandbox.cases(service: "folkbokforing") == 1)
        let again = try await cli.run(["sync"], environment: environment)
        #expect(!again.output.contains("interrupted"))
        #expect(try await sandbox.cases(service: "folkbokforing") == 1)
        let journal = try await cli.run(["journal", "--person", Self.person]).output
        #expect(journal.contains("system  send  skatteverket.folkbokforing  citizenship,fullName,address  completed (SKV-"))
    }
}

/// `lotsen sandbox --port 0` as a separate process, and a small client for its test controls.
final class SandboxProcess {
    let process = Process()
    let root: URL

    init(cli: CLIRunner) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = ["sandbox", "--port", "0", "--state", cli.folder.appendingPathComponent("agencies.sqlite").path]
        process.currentDirectoryURL = CLIRunner.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the address: "Sandbox agencies at http://127.0.0.1:PORT (...)".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let address = text.split(separator: " ").first(where: { $0.hasPrefix("http://") }), let url = URL(string: String(address)) else {
            throw CLIError(message: "lotsen sandbox printed no address: \(text)")
        }
        root = url
    }

    struct CLIError: Error { let message: String }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    @discardableResult
    func send(_ method: String, _ path: String, _ body: String?) async throws -> Data {
        var request = URLRequest(url: root.appendingPathComponent(path))
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        return try await URLSession.shared.data(for: request).0
    }

    /// How many cases the sandbox has opened for a service.
    func cases(service: String) async throws -> Int {
        let data = try await send("GET", "/_sandbox/cases", nil)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let cases = json?["cases"] as? [[String: Any]] ?? []
        return cases.filter { $0["service"] as? String == service }.count
    }
}

extension CLIRunner {
    /// Starts `lotsen ARGUMENTS` without waiting for it, output discarded.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        var environment = ProcessInfo.processInfo.environment
        environment["LOTSEN_DATABASE"] = database
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
