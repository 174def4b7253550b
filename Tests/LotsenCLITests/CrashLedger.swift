import Foundation
import Synchronization

/// What the crash matrix was told had happened: every write acknowledged (a 2xx from `lotsen serve`, an exit status
/// of 0 from a command), each as the history event it must leave behind, and every SIGKILL sent. The checks compare
/// it with what the database and the sandbox agencies hold afterwards.
final class CrashLedger: Sendable {
    struct Counts {
        /// Step transitions acknowledged (a step started or completed), through the API and on the command line.
        var transitionsServe = 0
        var transitionsCommandLine = 0
        /// Facts acknowledged (`POST …/facts`, `lotsen answer`), one per fact.
        var facts = 0
        /// Agency events acknowledged by `POST /v1/agency-events`.
        var agencyEvents = 0
        /// Applications acknowledged by `lotsen submit` ("Sent.", or, after a kill, found already waiting on the agency).
        var submissions = 0
        /// SIGKILLs that hit a running process: `lotsen serve`, a transition command, `lotsen submit` or `lotsen sync`.
        var killsServe = 0
        var killsCommand = 0
        var killsSubmit = 0
        var killsSync = 0
        /// Requests whose connection failed when the server died under them, sent again to the restarted server.
        var resentRequests = 0
        /// Anything that went wrong other than a kill: the checks expect none.
        var failures: [String] = []
    }

    let counts = Mutex(Counts())
    /// Person reference → the history keys (``HistoryKey``) of every acknowledged change.
    private let history = Mutex<[String: [String]]>([:])
    private let messages = Mutex<Set<String>>([])
    private let applications = Mutex<Set<String>>([])

    func acknowledged(_ person: String, _ key: String) {
        history.withLock { $0[person, default: []].append(key) }
    }

    func acknowledgedMessage(_ messageID: String) {
        _ = messages.withLock { $0.insert(messageID) }
        counts.withLock { $0.agencyEvents += 1 }
    }

    func acknowledgedApplication(_ person: String) {
        _ = applications.withLock { $0.insert(person) }
        counts.withLock { $0.submissions += 1 }
    }

    func fail(_ text: String) { counts.withLock { $0.failures.append(text) } }

    var acknowledgedHistory: [String: [String]] { history.withLock { $0 } }
    var acknowledgedMessages: Set<String> { messages.withLock { $0 } }
    var acknowledgedApplications: Set<String> { applications.withLock { $0 } }
}

/// The crash matrix's database, behind the processes' backs: an SQLite file (read with GRDB once every process is
/// gone) or a PostgreSQL database (``TwoNodeDatabase``). The two schemas name their columns apart.
enum CrashDatabase {
    case sqlite(path: String)
    case postgres(TwoNodeDatabase)

    var url: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let database): database.url
        }
    }

    var name: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// Every event of every enrollment: person, kind, step, fact, detail.
    func events() async throws -> [[String?]] {
        switch self {
        case .sqlite:
            try sqliteRows("""
                SELECT e.personId, ev.kind, coalesce(ev.stepId, ''), coalesce(ev.factId, ''), coalesce(ev.detail, '')
                FROM event ev JOIN enrollment e ON e.key = ev.enrollmentKey ORDER BY e.id, ev.sequence
                """)
        case .postgres(let database):
            try await database.rows("""
                SELECT e.person_id, ev.kind, coalesce(ev.step_id, ''), coalesce(ev.fact_id, ''), coalesce(ev.detail, '')
                FROM event ev JOIN enrollment e ON e.key = ev.enrollment_key ORDER BY e.id, ev.sequence
                """)
        }
    }

    /// Every stored agency event: message id, status.
    func agencyEvents() async throws -> [[String?]] {
        switch self {
        case .sqlite: try sqliteRows("SELECT messageId, status FROM agency_event")
        case .postgres(let database): try await database.rows("SELECT message_id, status FROM agency_event")
        }
    }

    /// Every submission: id (the idempotency key), person, step, state, case id.
    func submissions() async throws -> [[String?]] {
        switch self {
        case .sqlite: try sqliteRows("SELECT id, personId, stepId, state, coalesce(caseId, '') FROM submission")
        case .postgres(let database): try await database.rows("SELECT id, person_id, step_id, state, coalesce(case_id, '') FROM submission")
        }
    }

    private func sqliteRows(_ sql: String) throws -> [[String?]] {
        guard case .sqlite(let path) = self else { return [] }
        return try CrashSQLite.rows(path: path, sql: sql)
    }
}
