import Foundation
import JourneyModel
import Logging
import PostgresNIO
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - Once-only: a killed application, resumed by two processes at once

struct OnceOnlyOutcome: Sendable {
    var killedWithCaseOpen = 0
    var resumed = 0
    var syncOutput = ""
}

enum OnceOnlyRun {
    /// Starts `new-in-sweden` on the command line for people the sandbox knows, with answers that make population
    /// registration (an application to Skatteverket) the next step.
    static func enroll(_ people: [String], lotsen: LotsenCommand) async throws {
        for number in people {
            try await lotsen.succeed(["start", "new-in-sweden", "--person", number])
            try await lotsen.succeed(["answer", "--person", number, "citizenship=NO", "stayAtLeastOneYear=yes", "hasChildren=no", "lookingForWork=no",
                "hasForeignDrivingLicence=no", "alreadyRegistered=no"])
            // Once-only needs a proven number: each person logs in (the sandbox's BankID approves at once here).
            let login = try await lotsen.run(["login", "--person", number], environment: ["LOTSEN_SANDBOX_APPROVE_LOGINS": "1"])
            #expect(login.status == 0, "lotsen login: \(login.error)")
        }
    }

    /// Fetches for every person at once (several journal writers), then every application killed after the agency
    /// opened its case and before the outcome was recorded, then `resumers` `lotsen sync` processes at the same
    /// time, as that many nodes coming back would.
    static func run(lotsen: LotsenCommand, sandbox: SandboxControl, people: [String], resumers: Int, environment: [String: String]) async throws
        -> OnceOnlyOutcome
    {
        var outcome = OnceOnlyOutcome()
        try await withThrowingTaskGroup(of: CLIRunner.Result.self) { group in
            for number in people { group.addTask { try await lotsen.run(["fetch", "--person", number, "--yes"], environment: environment) } }
            for try await fetched in group { #expect(fetched.status == 0, "lotsen fetch: \(fetched.error)") }
        }
        try await sandbox.send("PUT", "/_sandbox/behaviour", #"{"agency": "skatteverket", "service": "folkbokforing", "hang": true}"#)
        var submitters: [Process] = []
        defer {
            for process in submitters where process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        for number in people {
            submitters.append(try lotsen.start(["submit", "population-registration", "--person", number, "--yes"], environment: environment))
        }
        var opened = 0
        for _ in 0..<400 where opened < people.count {
            try await Task.sleep(for: .milliseconds(50))
            opened = try await sandbox.folkbokforingCases().count
        }
        for process in submitters {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        outcome.killedWithCaseOpen = opened
        try await sandbox.send("DELETE", "/_sandbox/behaviour", nil)
        let synced = try await withThrowingTaskGroup(of: CLIRunner.Result.self) { group in
            for _ in 0..<resumers { group.addTask { try await lotsen.run(["sync"], environment: environment) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in synced {
            #expect(result.status == 0, "lotsen sync: \(result.error)")
            outcome.syncOutput += result.output + result.error
            if let match = result.output.firstMatch(of: /Sent (\d+) interrupted application/) { outcome.resumed += Int(match.output.1) ?? 0 }
        }
        return outcome
    }

    /// One case per application at the agency, each application sent (and journaled, and moved on) once, nothing
    /// left to resume, and a whole journal chain. Returns `journal verify`'s verdict.
    static func check(_ outcome: OnceOnlyOutcome, people: [String], lotsen: LotsenCommand, sandbox: SandboxControl, database: TwoNodeDatabase,
        environment: [String: String]) async throws -> String
    {
        #expect(outcome.killedWithCaseOpen == people.count, "submissions killed with their case open: \(outcome.killedWithCaseOpen)")
        #expect(outcome.resumed == people.count, "the syncs sent \(outcome.resumed) interrupted applications, expected \(people.count) (one each): \(outcome.syncOutput)")
        let cases = try await sandbox.folkbokforingCases()
        #expect(cases.count == people.count, "the sandbox holds \(cases.count) population-registration cases, expected \(people.count)")
        #expect(Set(cases.map(\.key)).count == cases.count, "two cases under one idempotency key")
        let again = try await lotsen.run(["sync"], environment: environment)
        #expect(!again.output.contains("interrupted"), "another sync still found interrupted applications: \(again.output)")
        #expect(try await sandbox.folkbokforingCases().count == people.count)
        for number in people {
            let journal = try await lotsen.run(["journal", "--person", number])
            let sent = journal.output.split(separator: "\n").filter { $0.contains("  send  skatteverket.folkbokforing  ") && $0.contains("  completed") }
            #expect(sent.count == 1, "the journal records \(sent.count) completed sends of one application, expected 1:\n\(journal.output)")
        }
        let moved = try await database.rows("""
            SELECT e.id, count(*)::text FROM event ev JOIN enrollment e ON e.key = ev.enrollment_key
            WHERE ev.kind = 'stepProgressed' AND ev.step_id = 'population-registration' AND ev.detail = 'waitingOnAgency' GROUP BY e.id
            """)
        #expect(moved.count == people.count && moved.allSatisfy { $0[1] == "1" },
            "population-registration moved to waiting on the agency: \(moved.map { "\($0[0] ?? "") ×\($0[1] ?? "")" }), expected once per person")
        let verified = try await lotsen.run(["journal", "verify"])
        let verdict = (verified.output + verified.error).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(verified.status == 0 && verified.output.hasPrefix("The journal is intact: "), "journal verify: \(verdict)")
        return verdict
    }
}

/// The sandbox's test controls, from any task.
struct SandboxControl: Sendable {
    let root: URL

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

    /// The sandbox's population-registration cases, with their idempotency keys.
    func folkbokforingCases() async throws -> [(id: String, key: String)] {
        let data = try await send("GET", "/_sandbox/cases", nil)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (json?["cases"] as? [[String: Any]] ?? []).filter { $0["service"] as? String == "folkbokforing" }.map {
            (id: $0["caseId"] as? String ?? "", key: $0["idempotencyKey"] as? String ?? "")
        }
    }
}
