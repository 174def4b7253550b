import Foundation
import JourneyModel
import Testing

@Suite("The lotsen command line, run as a real process")
struct CommandLineTests {
    let runner = CLIRunner()
    let fixtures = CLIRunner.root.appendingPathComponent("Tests/JourneyModelTests/Fixtures")

    @Test("validate accepts the shipped journeys and adapters")
    func validateShippedFiles() async throws {
        defer { runner.remove() }
        let result = try await runner.run(["validate"])
        #expect(result.status == 0)
        #expect(result.output.hasSuffix("journey files and 12 adapter files are valid.\n"), "\(result.output)")
        #expect(!result.output.contains("error:"))
    }

    @Test("a mistyped PostgreSQL URL is refused with how to write it, and creates no file named after it",
        arguments: ["postgres:/lotsen", "postgresql//db", "postgres://u:hunter2@/db?nonsense=1"])
    func mistypedDatabaseURL(url: String) async throws {
        defer { runner.remove() }
        let result = try await runner.run(["token", "list", "--database", url], directory: runner.folder)
        #expect(result.status == 1)
        #expect(result.error.contains("error: "))
        #expect(result.error.contains("hint: "))
        #expect(!result.error.contains("hunter2"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.folder.path).isEmpty)
    }

    @Test("LOTSEN_SQLITE_SYNCHRONOUS=full is taken; a value other than normal or full is refused, naming the variable, before any file is made")
    func sqliteSynchronousSetting() async throws {
        defer { runner.remove() }
        let full = try await runner.run(["token", "list"], environment: ["LOTSEN_SQLITE_SYNCHRONOUS": "FULL"])
        #expect(full.status == 0, "\(full.error)")
        #expect(FileManager.default.fileExists(atPath: runner.database))
        let database = runner.folder.appendingPathComponent("other.sqlite").path
        let wrong = try await runner.run(["token", "list", "--database", database], environment: ["LOTSEN_SQLITE_SYNCHRONOUS": "extra"])
        #expect(wrong.status == 1)
        #expect(wrong.error.contains("error: LOTSEN_SQLITE_SYNCHRONOUS is 'extra', which is neither normal nor full"), "\(wrong.error)")
        #expect(wrong.error.contains("hint: set LOTSEN_SQLITE_SYNCHRONOUS=full"), "\(wrong.error)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("validate reports every problem compiler style and exits 1")
    func validateReportsProblems() async throws {
        defer { runner.remove() }
        let file = runner.folder.appendingPathComponent("broken.yaml")
        try """
            id: broken
            version: 1
            lifeEvent: residence
            title: { sv: Trasig, en: Broken }
            summary: { sv: Trasig, en: Broken }
            facts:
              citizenship: { type: country, ask: { sv: Land?, en: Country? } }
            steps:
              - id: first
                title: { sv: Första, en: First }
                when: citizenshp in EU
              - id: second
                titel: { sv: Andra, en: Second }
                after: [frist]
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try await runner.run(["validate", file.path])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(file.path):11:11: error: steps[0].when: unknown fact 'citizenshp' (did you mean 'citizenship'?)"))
        #expect(lines.contains { $0.contains(":13:5: error: steps[1].titel: unknown key 'titel' in a step (did you mean 'title'?)") })
        // The misspelt key is reported once, not also as a missing title.
        #expect(!lines.contains { $0.contains("is missing") })
        #expect(lines.contains { $0.contains(":14:13: error: steps[1].after[0]: unknown step 'frist' (did you mean 'first'?)") })
        #expect(lines.last == "3 errors in 1 file.")
    }

    @Test("a usage error exits 64 and a refused request exits 1, each with a hint")
    func exitStatuses() async throws {
        defer { runner.remove() }
        let usage = try await runner.run(["start", "new-in-sweden"])
        #expect(usage.status == 64)
        #expect(usage.error.contains("Missing expected argument '--person <id>'"))
        let unknown = try await runner.run(["show", "new-in-swedn"])
        #expect(unknown.status == 1)
        #expect(unknown.error == "error: no journey 'new-in-swedn'\nhint: did you mean 'new-in-sweden'?\n")
        let badNumber = try await runner.run(["start", "new-in-sweden", "--person", "19900101-2386"])
        #expect(badNumber.status == 1)
        #expect(badNumber.error.hasPrefix("error: not a valid person: "))
        #expect(!badNumber.error.contains("2386"))
    }

    @Test("a bad database path is a clear error, not a crash")
    func badDatabasePath() async throws {
        defer { runner.remove() }
        let result = try await runner.run(["status", "--person", "lp-0000000000", "--database", runner.folder.path])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("error: cannot open the database at \(runner.folder.path)"))
    }

    @Test("a person can start, answer, progress and resume a journey across separate runs, and never sees their number echoed")
    func progressAcrossRuns() async throws {
        defer { runner.remove() }
        let number = OfficialTestNumbers.personnummer
        let start = try await runner.run(["start", "new-in-sweden", "--person", number])
        #expect(start.status == 0)
        #expect(start.output.hasPrefix("Started New in Sweden.\n"))
        #expect(start.output.contains("Which country are you a citizen of?"))
        let again = try await runner.run(["start", "new-in-sweden", "--person", number])
        #expect(again.output.hasPrefix("You already started New in Sweden; continuing.\n"))

        let answered = try await runner.run(["answer", "--person", number, "citizenship=Tyskland", "stayAtLeastOneYear=ja", "hasChildren=nej",
            "lookingForWork=no", "hasForeignDrivingLicence=no", "fullName=Test Testsson", "address=Testgatan 1", "alreadyRegistered=nej"])
        #expect(answered.status == 0, "\(answered.error)")
        #expect(answered.output.contains("Start Notify your move to Sweden"))

        let wrong = try await runner.run(["answer", "--person", number, "hasChildren=perhaps"])
        #expect(wrong.status == 1)
        #expect(wrong.error == "error: 'hasChildren': expected yes or no\nhint: answer yes/no (or ja/nej)\n")

        let locked = try await runner.run(["complete", "identity-visit", "--person", number])
        #expect(locked.status == 1)
        #expect(locked.error.contains("it is locked, waiting for 'population-registration'"))

        for step in ["population-registration", "identity-visit"] {
            let done = try await runner.run(["complete", step, "--person", number])
            #expect(done.status == 0, "\(done.error)")
        }
        // Done again changes nothing and says so (issue 15, why 2); a fact only agencies supply is not an answer.
        let repeated = try await runner.run(["complete", "identity-visit", "--person", number])
        #expect(repeated.status == 0)
        #expect(repeated.output.hasPrefix("Nothing changed: Identity check at a service office is already done.\n"), "\(repeated.output)")
        let permit = try await runner.run(["answer", "--person", number, "hasResidencePermit=yes"])
        #expect(permit.status == 1)
        #expect(permit.error.hasPrefix("error: 'hasResidencePermit' is supplied by an agency, not answered\n"), "\(permit.error)")
        let status = try await runner.run(["status", "--person", number, "--json"])
        #expect(status.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
        let enrollments = try #require(document?["enrollments"] as? [[String: Any]])
        let steps = try #require(enrollments.first?["steps"] as? [[String: Any]])
        let states = Dictionary(uniqueKeysWithValues: steps.map { ($0["id"] as! String, $0["state"] as! String) })
        #expect(states["residence-permit"] == "notApplicable")
        #expect(states["identity-visit"] == "done")
        #expect(states["receive-personnummer"] == "available")
        #expect(enrollments.first?["ball"] as? String == "person")

        let text = try await runner.run(["status", "--person", number])
        #expect(text.output.contains("personnummer: (known) (you said)"))
        let history = try await runner.run(["history", "--person", number])
        #expect(history.output.contains("stepProgressed  identity-visit completed"))

        // The person's number is never echoed, in either of its forms.
        for output in [start.output, answered.output, status.output, text.output, history.output, locked.error] {
            #expect(!output.contains(number))
            #expect(!output.contains("19900101-2385"))
            #expect(!output.contains("900101-2385"))
        }
    }

    @Test("a newcomer gets a reference, and proves a number later by logging in, without losing progress")
    func newcomerLinksLater() async throws {
        defer { runner.remove() }
        let start = try await runner.run(["start", "new-in-sweden", "--person", "new"])
        #expect(start.status == 0)
        let reference = try #require(start.output.split(separator: " ").first { $0.hasPrefix("lp-") }.map { String($0.prefix(13)) })
        _ = try await runner.run(["answer", "--person", reference, "citizenship=SE"])
        // A number only typed links nothing: the person logs in (the sandbox's BankID approves at once here).
        let link = try await runner.run(["login", "--person", reference, "--identity", OfficialTestNumbers.personnummer],
            environment: ["LOTSEN_SANDBOX_APPROVE_LOGINS": "1"])
        #expect(link.status == 0, "\(link.error)")
        let status = try await runner.run(["status", "--person", OfficialTestNumbers.personnummer, "--json"])
        #expect(status.output.contains("\"reference\" : \"\(reference)\""))
        #expect(status.output.contains("\"identityLinked\" : true"))
        #expect(status.output.contains("\"id\" : \"citizenship\""))
    }

    @Test("show and graph render the example journey as reviewed", arguments: [
        (["show", "example"], "show-example-en.txt"),
        (["show", "example", "--lang", "sv"], "show-example-sv.txt"),
        (["graph", "example", "--format", "mermaid"], "graph-example.mmd"),
        (["graph", "example", "--format", "dot"], "graph-example.dot"),
    ])
    func journeyRenderings(arguments: [String], golden: String) async throws {
        defer { runner.remove() }
        let result = try await runner.run(arguments + ["--journeys", fixtures.appendingPathComponent("valid").path])
        #expect(result.status == 0, "\(result.error)")
        try Golden.check(result.output, golden)
    }

    @Test("show renders the shipped journey Bli förälder in both languages as reviewed", arguments: [
        (["show", "becoming-a-parent"], "show-becoming-a-parent-en.txt"),
        (["show", "becoming-a-parent", "--lang", "sv"], "show-becoming-a-parent-sv.txt"),
        (["show", "to-and-from-sweden"], "show-to-and-from-sweden-en.txt"),
        (["show", "to-and-from-sweden", "--lang", "sv"], "show-to-and-from-sweden-sv.txt"),
        // The household: each repeated step once, with who it is for (issue 17).
        (["show", "new-in-sweden"], "show-new-in-sweden-en.txt"),
        (["show", "new-in-sweden", "--lang", "sv"], "show-new-in-sweden-sv.txt"),
        (["graph", "new-in-sweden", "--format", "dot"], "graph-new-in-sweden.dot"),
        (["graph", "new-in-sweden", "--format", "mermaid"], "graph-new-in-sweden.mmd"),
    ])
    func shippedJourneyRendering(arguments: [String], golden: String) async throws {
        defer { runner.remove() }
        let result = try await runner.run(arguments)
        #expect(result.status == 0, "\(result.error)")
        try Golden.check(result.output, golden)
    }

    @Test("journeys lists every shipped journey in the chosen language")
    func journeysList() async throws {
        defer { runner.remove() }
        let english = try await runner.run(["journeys"])
        #expect(english.output.contains("new-in-sweden        New in Sweden"))
        #expect(english.output.contains("becoming-a-parent    Becoming a parent"))
        #expect(english.output.split(separator: "\n").filter { $0.hasPrefix("becoming-a-parent ") || $0.hasPrefix("new-in-sweden ")
            || $0.hasPrefix("starting-a-business ") || $0.hasPrefix("to-and-from-sweden ") }.count == 4)
        #expect(english.output.contains("to-and-from-sweden   Moving abroad and back"))
        let swedish = try await runner.run(["journeys"], environment: ["LANG": "sv_SE.UTF-8"])
        #expect(swedish.output.contains("new-in-sweden        Ny i Sverige"))
        #expect(swedish.output.contains("becoming-a-parent    Bli förälder"))
        #expect(swedish.output.contains("to-and-from-sweden   Tur och retur Sverige"))
    }
}
