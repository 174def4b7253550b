import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneySQLite
import JourneyStore
import Logging
import Synchronization
import Testing

/// One test's server: the real router over a fresh SQLite file (measured as `lotsen serve` measures it, into
/// metrics with a registry of this test's own), the shipped journeys and adapters, a clock the test moves, and
/// a recorder for log lines.
final class Harness: Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let library: JourneyLibrary = {
        let library = try! JourneyLibrary.load(journeysDirectory: root.appendingPathComponent("journeys"),
            adaptersDirectory: root.appendingPathComponent("adapters"))
        precondition(!library.diagnostics.hasErrors, "the shipped journeys must load")
        return library
    }()

    let folder: URL
    let store: SQLiteJourneyStore
    /// A fresh registry for this test only; the global MetricsSystem is never bootstrapped in tests.
    let metrics = APIMetrics(version: "0.0.0-test", outboxRefresh: .zero)
    let measured: MeasuredStore
    let engine: JourneyEngine
    let services: APIServices
    let logs = RecordedLogs()
    let routes = RouteTable()
    private let clock = TestClock()

    init(identity: (any IdentityProvider)? = nil, publicURL: URL? = nil, library: JourneyLibrary = Harness.library, custody: CustodyRegister? = nil,
        practice: Bool = false) throws
    {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-http-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteJourneyStore(path: folder.appendingPathComponent("test.sqlite").path)
        let clock: @Sendable () -> Date = { [clock] in clock.now }
        measured = MeasuredStore(store, metrics: metrics)
        engine = JourneyEngine(library: library, store: measured, clock: clock)
        services = APIServices(engine: engine, store: measured, identity: identity, clock: clock, publicURL: publicURL, custody: custody,
            practice: practice)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Moves the clock on.
    func advance(days: Double) { clock.advance(days * 86_400) }
    /// The moment the test's clock shows.
    var now: Date { clock.now }

    var logger: Logger {
        let logs = logs
        var logger = Logger(label: "lotsen-test") { label in JSONLogHandler(label: label) { line in logs.append(line) } }
        logger.logLevel = .debug
        return logger
    }

    /// Runs `body` against the real router (no sockets).
    func test(_ body: @Sendable (Client) async throws -> Void) async throws {
        let configuration = APIConfiguration(sweepInterval: nil, metrics: metrics, outbox: measured)
        let application = buildApplication(configuration, services: services, logger: logger, routes: routes)
        try await application.test(.router) { client in try await body(Client(client: client)) }
    }

    /// Runs `body` against the real server on a loopback port, through SwiftNIO's HTTP parser.
    func testLive(_ body: @Sendable (Client) async throws -> Void) async throws {
        let configuration = APIConfiguration(sweepInterval: nil, metrics: metrics, outbox: measured)
        let application = buildApplication(configuration, services: services, logger: logger, routes: routes)
        try await application.test(.live) { client in try await body(Client(client: client)) }
    }

    /// A token stored as `lotsen token create` stores it; returns the secret.
    @discardableResult
    func token(_ role: StoredToken.Role, person: PersonID? = nil, identity: String? = nil, agency: AgencyID? = nil, revoked: Bool = false) async throws
        -> String
    {
        let (secret, hash) = TokenSecret.generate()
        let number = try identity.map { try Personnummer(parsing: $0) }
        try await store.insertToken(StoredToken(id: TokenSecret.newID(), role: role, person: person, identity: number, agency: agency,
            createdAt: Date(), revokedAt: revoked ? Date() : nil), secretHash: hash)
        return secret
    }

    /// The entries of a person's access journal that requests through the API wrote, oldest first.
    func requests(about person: PersonID) async throws -> [AccessEntry] {
        try await store.journal(person: person).filter { $0.requester != nil }
    }

    /// A citizen with a journey started through the API: their token, reference and enrollment id.
    func citizen(identity: String = OfficialTestNumbers.personnummer, journey: String = "new-in-sweden", client: Client) async throws -> Citizen {
        let secret = try await token(.citizen, identity: identity)
        let response = try await client.send(.post, "/v1/enrollments", token: secret, json: ["journey": journey])
        #expect(response.status == .created)
        return Citizen(token: secret, person: PersonID(response.string("person")), enrollment: EnrollmentID(response.string("id")))
    }
}

struct Citizen {
    let token: String
    let person: PersonID
    let enrollment: EnrollmentID
}

/// The HummingbirdTesting client with JSON helpers.
struct Client: Sendable {
    let client: any TestClientProtocol

    struct Reply: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let text: String

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
        func string(_ key: String) -> String { json[key] as? String ?? "" }
        var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
        var errorCode: String? { error["code"] as? String }
        var errorField: String? { error["field"] as? String }
        var steps: [String: String] {
            Dictionary(uniqueKeysWithValues: (json["steps"] as? [[String: Any]] ?? []).map { ($0["id"] as! String, $0["state"] as! String) })
        }
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil, body: String? = nil,
        headers extra: HTTPFields = [:]) async throws -> Reply
    {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer: ByteBuffer?
        if let json {
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = headers[.contentType] ?? "application/json"
        } else if let body {
            buffer = ByteBuffer(string: body)
            headers[.contentType] = headers[.contentType] ?? "application/json"
        }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: buffer)
        return Reply(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }
}

/// Every log line written, as JSON text.
final class RecordedLogs: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

/// A clock the test moves; it starts at 2026-01-01.
final class TestClock: Sendable {
    private let moment = Mutex(Date(timeIntervalSince1970: 1_767_225_600))
    var now: Date { moment.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { moment.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
