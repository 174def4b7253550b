import Foundation
import GRDB
import Testing

/// Raw SQL on an SQLite file no process has open any more (the crash matrix reads it after the last kill).
enum CrashSQLite {
    static func rows(path: String, sql: String) throws -> [[String?]] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { String.fromDatabaseValue($0) ?? $0.description } }
        }
    }
}

/// What the crash matrix found after the run: the figures it reports and the checks it makes.
struct CrashVerdict {
    /// Acknowledged changes with no event in the history (must be 0), by person and key.
    var lost: [String] = []
    /// Events stored more than once (must be 0).
    var doubled: [String] = []
    /// Agency events acknowledged and not stored, or stored but not applied.
    var lostMessages: [String] = []
    /// The most cases the sandbox opened under one idempotency key, and for one person's application.
    var casesPerKey = 0
    var casesPerApplication = 0
    /// Applications whose case count is not 1 (acknowledged ones with none, or any with two).
    var applicationsWrong: [String] = []
    /// Submissions still pending after the final `lotsen sync`.
    var pendingLeft = 0
    var journal = ""
    var journalIntact = false
    var events = 0

    /// Compares the ledger with the database and the sandbox.
    static func make(ledger: CrashLedger, database: CrashDatabase, sandbox: SandboxControl) async throws -> CrashVerdict {
        var verdict = CrashVerdict()
        var stored: [String: [String: Int]] = [:]  // person -> history key -> count
        let rows = try await database.events()
        verdict.events = rows.count
        for row in rows {
            let person = row[0] ?? ""
            let key = HistoryKey.make(kind: row[1] ?? "", step: row[2] ?? "", fact: row[3] ?? "", detail: row[4] ?? "")
            stored[person, default: [:]][key, default: 0] += 1
        }
        for (person, keys) in stored {
            for (key, count) in keys where count > 1 { verdict.doubled.append("\(person) \(key) ×\(count)") }
        }
        for (person, keys) in ledger.acknowledgedHistory {
            for key in Set(keys) where (stored[person]?[key] ?? 0) == 0 { verdict.lost.append("\(person) \(key)") }
        }

        let events = try await database.agencyEvents()
        var status: [String: [String]] = [:]
        for row in events { status[row[0] ?? "", default: []].append(row[1] ?? "") }
        for message in ledger.acknowledgedMessages where status[message] != ["applied"] {
            verdict.lostMessages.append("\(message): \(status[message] ?? ["not stored"])")
        }
        verdict.doubled += status.filter { $0.value.count > 1 }.map { "agency event \($0.key) ×\($0.value.count)" }

        // Cases: the sandbox's, by idempotency key; the submissions' keys are their ids, so each case finds its person.
        let submissions = try await database.submissions()
        verdict.pendingLeft = submissions.filter { $0[3] == "pending" }.count
        var personOfKey: [String: String] = [:]
        for row in submissions { personOfKey[row[0] ?? ""] = "\(row[1] ?? "") \(row[2] ?? "")" }
        let cases = try await sandbox.folkbokforingCases()
        var perKey: [String: Int] = [:]
        var perApplication: [String: Int] = [:]
        for found in cases {
            perKey[found.key, default: 0] += 1
            perApplication[personOfKey[found.key] ?? "unknown key \(found.key)", default: 0] += 1
        }
        verdict.casesPerKey = perKey.values.max() ?? 0
        verdict.casesPerApplication = perApplication.values.max() ?? 0
        verdict.applicationsWrong = perApplication.filter { $0.value != 1 }.map { "\($0.key): \($0.value) cases" }
        for person in ledger.acknowledgedApplications where perApplication["\(person) population-registration"] == nil {
            verdict.applicationsWrong.append("\(person): acknowledged, no case at the agency")
        }
        return verdict
    }

    /// The expectations every run must meet.
    func expectClean(_ ledger: CrashLedger, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(lost.isEmpty, "acknowledged changes lost: \(lost.sorted().prefix(20))", sourceLocation: sourceLocation)
        #expect(doubled.isEmpty, "changes stored more than once: \(doubled.sorted().prefix(20))", sourceLocation: sourceLocation)
        #expect(lostMessages.isEmpty, "acknowledged agency events lost or not applied: \(lostMessages.sorted().prefix(20))", sourceLocation: sourceLocation)
        #expect(casesPerKey <= 1, "the sandbox opened \(casesPerKey) cases under one idempotency key", sourceLocation: sourceLocation)
        #expect(applicationsWrong.isEmpty, "applications without exactly one case: \(applicationsWrong.sorted().prefix(20))", sourceLocation: sourceLocation)
        #expect(pendingLeft == 0, "\(pendingLeft) submissions still pending after the last lotsen sync", sourceLocation: sourceLocation)
        #expect(journalIntact, "lotsen journal verify: \(journal)", sourceLocation: sourceLocation)
        let failures = ledger.counts.withLock { $0.failures }
        #expect(failures.isEmpty, "unexpected answers or exits: \(failures.prefix(10))", sourceLocation: sourceLocation)
    }
}
