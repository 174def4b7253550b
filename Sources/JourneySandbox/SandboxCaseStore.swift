import Foundation
import GRDB

/// The cases of the sandbox agencies in SQLite: a file shared by every `lotsen` process that uses it (WAL, a busy
/// timeout, and `BEGIN IMMEDIATE` for each write, so concurrent processes take turns), or memory.
///
/// A case stores ids, its script of stages and how far it has come; of the application itself only a fingerprint
/// (to tell a repeated submission from a different one under the same key), never the submitted values.
struct SandboxCaseStore: Sendable {
    /// The outcome of submitting an application under an idempotency key.
    enum Opening: Sendable, Equatable {
        /// A new case.
        case opened(caseId: String, stage: SandboxCaseStage)
        /// The case already opened under this key for the same application, at its current stage.
        case existing(caseId: String, stage: SandboxCaseStage)
        /// The key was used before for a different application (another service or other values).
        case keyReused
    }

    private let writer: any DatabaseWriter

    /// Opens (creating when needed) the state file, or an in-memory database when `path` is `nil`.
    init(path: String?) throws(SandboxError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "lotsen.sandbox"
        do {
            if let path {
                let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                writer = try DatabasePool(path: path, configuration: configuration)
            } else {
                writer = try DatabaseQueue(configuration: configuration)
            }
            try Self.migrator.migrate(writer)
        } catch {
            throw SandboxError(.cannotOpenState, "cannot open the sandbox state file at \(path ?? ":memory:")",
                hint: "check the path and its permissions, or choose another state file")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("sandbox-v1-cases") { db in
            try db.execute(sql: """
                CREATE TABLE sandbox_case (
                    caseId TEXT PRIMARY KEY NOT NULL,
                    agency TEXT NOT NULL,
                    service TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    idempotencyKey TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    stages TEXT NOT NULL,
                    stage INTEGER NOT NULL,
                    openedAt REAL NOT NULL,
                    UNIQUE (agency, idempotencyKey),
                    UNIQUE (agency, number)
                )
                """)
        }
        return migrator
    }

    /// Opens a case (its first stage is `received`), or finds the one already opened under `idempotencyKey`.
    func open(
        agency: String, casePrefix: String, service: String, idempotencyKey: String, fingerprint: String,
        stages: [SandboxCaseStage], at date: Date
    ) async throws -> Opening {
        let stagesText = String(decoding: try JSONEncoder().encode(stages), as: UTF8.self)
        return try await immediateWrite { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT caseId, service, fingerprint, stages, stage FROM sandbox_case WHERE agency = ? AND idempotencyKey = ?",
                arguments: [agency, idempotencyKey])
            {
                guard row["service"] == service, row["fingerprint"] == fingerprint else { return .keyReused }
                return .existing(caseId: row["caseId"], stage: try Self.currentStage(of: row))
            }
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM sandbox_case WHERE agency = ?", arguments: [agency]) ?? 0) + 1
            let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date).year!
            let caseId = "\(casePrefix)-\(year)-\(String(format: "%06d", number))"
            try db.execute(
                sql: """
                    INSERT INTO sandbox_case (caseId, agency, service, number, idempotencyKey, fingerprint, stages, stage, openedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)
                    """,
                arguments: [caseId, agency, service, number, idempotencyKey, fingerprint, stagesText, date.timeIntervalSinceReferenceDate])
            return .opened(caseId: caseId, stage: stages[0])
        }
    }

    /// Moves a case of `agency` one stage on (a decided case stays decided) and returns its new stage; `nil` when
    /// the agency has no such case.
    func advance(caseId: String, agency: String) async throws -> SandboxCaseStage? {
        try await immediateWrite { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT stages, stage FROM sandbox_case WHERE caseId = ? AND agency = ?", arguments: [caseId, agency])
            else { return nil }
            let stages = try Self.stages(of: row)
            let next = min(row["stage"] + 1, stages.count - 1)
            try db.execute(sql: "UPDATE sandbox_case SET stage = ? WHERE caseId = ?", arguments: [next, caseId])
            return stages[next]
        }
    }

    /// Every case, oldest first.
    func cases() async throws -> [SandboxCaseSummary] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sandbox_case ORDER BY openedAt, caseId").map { row in
                let stage = try Self.currentStage(of: row)
                return SandboxCaseSummary(
                    caseId: row["caseId"], agency: row["agency"], service: row["service"], status: stage.status.rawValue,
                    decision: stage.decision?.rawValue, idempotencyKey: row["idempotencyKey"],
                    openedAt: Date(timeIntervalSinceReferenceDate: row["openedAt"]))
            }
        }
    }

    /// One `BEGIN IMMEDIATE` transaction: it takes the write lock before reading, so two processes checking the same
    /// idempotency key cannot both decide to open a case.
    private func immediateWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    private static func stages(of row: Row) throws -> [SandboxCaseStage] {
        let text: String = row["stages"]
        return try JSONDecoder().decode([SandboxCaseStage].self, from: Data(text.utf8))
    }

    private static func currentStage(of row: Row) throws -> SandboxCaseStage {
        let stages = try stages(of: row)
        return stages[min(max(row["stage"], 0), stages.count - 1)]
    }
}
