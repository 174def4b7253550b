import Foundation
import Hummingbird
import JourneyModel
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The built-in sandbox agencies: simulated Skatteverket, Migrationsverket, Försäkringskassan, Bolagsverket,
/// Arbetsförmedlingen, a municipality (`kommun`) and a region, answering the agency API of docs/adapter-format.md
/// on loopback, so Lotsen works offline with no configuration.
///
/// Each agency answers under its own prefix (``SandboxLocation/baseURL(of:in:)``):
/// `POST /{agency}/lookups/{service}`, `POST /{agency}/applications/{service}` and `GET /{agency}/cases/{caseId}`.
/// Lookups answer from seeded records (``SandboxSeed``); applications open cases that move one stage on with each
/// status request (the scripts are listed on ``SandboxCatalog``). Any or no `Authorization` or `X-Api-Key` is
/// accepted; `X-Lotsen-Purpose` is required, as the contract says. Nothing personal is logged or stored: a case
/// keeps its ids, its script and a fingerprint of the application, not the submitted values.
///
/// Tests steer it through ``setBehaviour(_:agency:service:)`` or `PUT /_sandbox/behaviour` (see
/// ``SandboxBehaviour``), and list cases through ``cases()`` or `GET /_sandbox/cases`.
///
/// Cases live in a SQLite file (``statePath``), so a case opened by one `lotsen` process progresses when another
/// asks later; behaviours belong to the process that serves.
public final class SandboxAgencies: Sendable {
    /// The state file, or `nil` for cases in memory.
    public let statePath: String?
    let api: SandboxAgencyAPI
    /// The sandbox identity provider (`/idp`), answering beside the agencies.
    let identity = SandboxIdentityProvider()
    private let serving = Mutex<Serving?>(nil)

    /// A server that is starting or running.
    private struct Serving: Sendable {
        let group: ServiceGroup
        /// The background task of ``start(port:)``; `nil` for ``run(port:onRunning:)``.
        var task: Task<Void, Never>?
        var url: URL?
    }

    /// Opens (creating when needed) the state file at `statePath`, or keeps cases in memory when it is `nil`.
    public init(statePath: String?) throws(SandboxError) {
        self.statePath = statePath
        api = SandboxAgencyAPI(store: try SandboxCaseStore(path: statePath), board: SandboxBehaviourBoard())
    }

    /// The issuer URL of the sandbox identity provider while the server listens (`http://127.0.0.1:PORT/idp`).
    public var identityIssuer: URL? { url.map { $0.appendingPathComponent("idp") } }

    /// The client id and secret the sandbox identity provider knows.
    public static let identityClient = (id: SandboxIdentityProvider.clientID, secret: SandboxIdentityProvider.clientSecret)

    /// The agencies the sandbox serves, by id (the adapter file names).
    public static var agencies: [String] { SandboxCatalog.agencies.keys.sorted() }

    /// The root URL while the server listens (`http://127.0.0.1:PORT`); an agency's base URL is `root/agency`.
    public var url: URL? { serving.withLock { $0?.url } }

    // MARK: - Serving

    /// Starts serving on `127.0.0.1:port` in the background (port 0: any free port) and returns the root URL with
    /// the port actually bound, once the server is listening.
    public func start(port: Int = 0) async throws(SandboxError) -> URL {
        let (events, continuation) = AsyncStream.makeStream(of: Result<URL, SandboxError>.self)
        let group = try register(port: port, signals: []) { url in continuation.yield(.success(url)) }
        let task = Task {
            do {
                try await group.run()
                continuation.yield(.failure(SandboxError(.cannotStart, "the sandbox stopped before it was listening")))
            } catch {
                continuation.yield(.failure(Self.cannotStart(port: port)))
            }
            continuation.finish()
            self.unregister(group)
        }
        serving.withLock { $0?.task = task }
        for await event in events {
            return try event.get()
        }
        throw Self.cannotStart(port: port)
    }

    /// Stops the server: delayed and hanging answers go out at once, requests in flight finish, then it closes.
    /// Does nothing when it is not serving.
    public func stop() async {
        guard let current = serving.withLock({ $0 }) else { return }
        api.board.isStopping = true
        await current.group.triggerGracefulShutdown()
        await current.task?.value
    }

    /// Serves on `127.0.0.1:port` in the foreground until SIGINT or SIGTERM (or ``stop()``), then shuts down
    /// gracefully; for `lotsen sandbox --port N`. `onRunning` gets the root URL once the server listens.
    public func run(port: Int, onRunning: @escaping @Sendable (URL) -> Void = { _ in }) async throws(SandboxError) {
        let group = try register(port: port, signals: [.sigint, .sigterm], onRunning: onRunning)
        defer { unregister(group) }
        do {
            try await group.run()
        } catch {
            throw Self.cannotStart(port: port)
        }
    }

    /// Builds the sandbox's Hummingbird application, listening on `127.0.0.1:port`; ``start(port:)`` and
    /// ``run(port:onRunning:)`` run it, and a caller may run it in a service group of its own.
    public func buildApplication(port: Int, onRunning: @escaping @Sendable (URL) -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: SandboxRoutes.router(api: api, identity: identity),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: "lotsen-sandbox"),
            onServerRunning: { channel in
                guard let bound = channel.localAddress?.port, let url = URL(string: "http://127.0.0.1:\(bound)") else { return }
                self.identity.listening(at: url)
                onRunning(url)
            },
            logger: Self.logger)
    }

    /// The process's own log: warnings only, and never a request body.
    private static var logger: Logger {
        var logger = Logger(label: "lotsen.sandbox")
        logger.logLevel = .warning
        return logger
    }

    private func register(port: Int, signals: [UnixSignal], onRunning: @escaping @Sendable (URL) -> Void) throws(SandboxError) -> ServiceGroup {
        guard (0...65_535).contains(port) else {
            throw SandboxError(.cannotStart, "\(port) is not a port number", hint: "use 1 to 65535, or 0 for any free port")
        }
        return try serving.withLock { serving throws(SandboxError) in
            guard serving == nil else {
                throw SandboxError(.alreadyRunning, "the sandbox is already serving", hint: "stop it first")
            }
            let application = buildApplication(port: port) { [weak self] url in
                self?.serving.withLock { $0?.url = url }
                onRunning(url)
            }
            var configuration = ServiceGroupConfiguration(
                services: [application, SandboxShutdownWatcher(board: api.board)], gracefulShutdownSignals: signals,
                logger: Self.logger)
            configuration.maximumGracefulShutdownDuration = .seconds(5)
            let group = ServiceGroup(configuration: configuration)
            api.board.isStopping = false
            serving = Serving(group: group)
            return group
        }
    }

    private func unregister(_ group: ServiceGroup) {
        serving.withLock { serving in
            if let current = serving, current.group === group { serving = nil }
        }
    }

    private static func cannotStart(port: Int) -> SandboxError {
        SandboxError(.cannotStart, port == 0 ? "the sandbox could not listen on 127.0.0.1" : "the sandbox could not listen on 127.0.0.1:\(port)",
            hint: port == 0 ? nil : "the port may be taken: choose another, or 0 for any free port")
    }

    // MARK: - Behaviours and cases

    /// For tests and demos of the guide: with `true`, every login at the sandbox identity provider is approved as
    /// soon as it starts, as if the person approved in their BankID app at once. Numbers it does not know are still refused.
    public func approveLogins(automatically: Bool) {
        identity.approvesAutomatically.withLock { $0 = automatically }
    }

    /// Makes `agency` (or one `service` of it; `case-status` for case status requests) behave as `behaviour` says,
    /// replacing what was set for the same scope before.
    public func setBehaviour(_ behaviour: SandboxBehaviour, agency: String, service: String? = nil) throws(SandboxError) {
        try Self.checkScope(agency: agency, service: service)
        if let problem = behaviour.problem { throw SandboxError(.invalidBehaviour, problem) }
        api.board.set(behaviour, agency: agency, service: service)
    }

    /// Clears behaviours: all of them; those of one agency and its services (`service` nil); or one service's.
    public func clearBehaviour(agency: String? = nil, service: String? = nil) {
        api.board.clear(agency: agency, service: service)
    }

    /// Ends `guardian`'s custody of `child` in the sandbox's population register (or restores it, with `custody: true`),
    /// as a court's decision would: the `custody-record` lookup stops listing the child for that guardian at once.
    public func setCustody(_ custody: Bool, guardian: Personnummer, child: Personnummer) {
        api.custody.set(custody: custody, guardian: guardian, child: child)
    }

    /// The behaviours in force, with what is left of their counts.
    public var behaviours: [SandboxBehaviourRule] { api.board.all }

    /// Every case the sandbox agencies hold (in the state file, whichever process opened it), oldest first.
    public func cases() async throws(SandboxError) -> [SandboxCaseSummary] {
        do {
            return try await api.store.cases()
        } catch {
            throw SandboxError(.stateUnavailable, "cannot read the sandbox cases from \(statePath ?? ":memory:")")
        }
    }

    /// Whether `agency` (and `service`, if given) is one the sandbox serves.
    static func checkScope(agency: String, service: String?) throws(SandboxError) {
        guard let served = SandboxCatalog.agency(agency) else {
            throw SandboxError(.unknownAgencyOrService, "the sandbox has no agency '\(agency)'",
                hint: "one of \(agencies.joined(separator: ", "))")
        }
        let services = served.lookups.union(served.applications.keys).union([SandboxCatalog.caseStatusService])
        if let service, !services.contains(service) {
            throw SandboxError(.unknownAgencyOrService, "the sandbox agency '\(agency)' has no service '\(service)'",
                hint: "one of \(services.sorted().joined(separator: ", "))")
        }
    }
}

/// Ends delays and hangs as soon as a graceful shutdown begins; it is listed after the server, so the service
/// group shuts it down first.
private struct SandboxShutdownWatcher: Service {
    let board: SandboxBehaviourBoard

    func run() async throws {
        try? await gracefulShutdown()
        board.isStopping = true
    }
}
