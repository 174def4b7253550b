import ArgumentParser
import Foundation
import Hummingbird
import JourneyAdapters
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneySandbox
import JourneyStore
import Logging
import Prometheus

/// `lotsen serve`: the JSON API for caseworkers, agencies and other front ends.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API for caseworkers, agencies and other front ends.",
        discussion: """
            Opens the database (running any pending migrations) before it listens, then serves the routes described \
            at /openapi.yaml, /health (whether the database answers and takes changes: for load balancers) and /live \
            (whether the process answers: for restart probes). It never makes a new database: a missing SQLite file \
            is an error (restore it from a backup, or create it with 'lotsen database create' or --create-database), \
            and so is a database it cannot write (a read-only file or folder, a PostgreSQL standby). While the \
            database cannot take changes (its file deleted or replaced under the server, made read-only), /health \
            and every change answer 503. On PostgreSQL (--database postgres://...) several nodes can serve the same \
            people: run one per machine or port behind a load balancer. On SQLite, LOTSEN_SQLITE_SYNCHRONOUS=full makes \
            every acknowledged change survive a power cut too, at a cost in speed (the default, normal, survives a \
            killed process). Every /v1 route needs a bearer token from 'lotsen token create'. Logs are \
            JSON lines on standard error, one per request with its id, method, route, status and duration \
            (LOG_LEVEL=debug|info|notice|warning|error sets the level). SIGTERM or SIGINT stops it gracefully: \
            requests in flight are finished first. Once a second it fires the timers that came due (a step's \
            deadline passing, which makes the person's reminder); on PostgreSQL each timer is fired by one node only. \
            With --reminder-webhook it also POSTs each reminder, signed with the secret in \
            LOTSEN_REMINDER_WEBHOOK_SECRET, to that address, retrying with backoff (docs/reminders.md). The web view \
            for caseworkers is at /; with --public-url and an identity provider, staff sign in there with \
            e-legitimation (docs/web-view.md).
            """
    )

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "port"))
    var port = 8080

    @Flag(name: .long, help: "Create the SQLite database file when it does not exist yet (for a first start).")
    var createDatabase = false

    @Option(name: .long, help: ArgumentHelp("How many days an agency event that cannot be applied yet is kept before it expires.", valueName: "days"))
    var pendingEventDays = 30

    @Option(name: .long, help: ArgumentHelp(
        "Where to POST each reminder (http or https), signed with the secret in LOTSEN_REMINDER_WEBHOOK_SECRET (32 characters or more).",
        valueName: "url"))
    var reminderWebhook: String?

    @Option(name: .long, help: ArgumentHelp(
        "The address browsers reach this server at (https://lotsen.example.org), for staff signing in to the web view with e-legitimation at the identity provider.",
        valueName: "url"))
    var publicURL: String?

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (1...3650).contains(pendingEventDays) else { throw ValidationError("--pending-event-days must be from 1 to 3650") }
        if let publicURL, WebSignIn.publicBase(publicURL) == nil {
            throw ValidationError("--public-url must be an http or https URL without a query, such as https://lotsen.example.org")
        }
        if let reminderWebhook {
            guard let url = URL(string: reminderWebhook), ["http", "https"].contains(url.scheme?.lowercased()), url.host?.isEmpty == false else {
                throw ValidationError("--reminder-webhook must be an http or https URL")
            }
            if let problem = ReminderWebhook.checkSecret(ProcessInfo.processInfo.environment[ReminderWebhook.secretVariable]) {
                throw ValidationError("--reminder-webhook needs a signing secret: \(problem)")
            }
        }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        var logger = Logger(label: "lotsen")
        if let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) { logger.logLevel = level }
        let services: APIServices
        let store: any LotsenStore
        var identity: OIDCIdentityProvider?
        var agencies: HTTPAgencyAdapter?
        // This node's own registry, scraped at /metrics; the global MetricsSystem is left alone.
        let metrics = APIMetrics(registry: PrometheusCollectorRegistry(), version: Lotsen.configuration.version)
        do {
            store = MeasuredStore(try await database.open(create: createDatabase, server: true), metrics: metrics)
            let health = await store.health()
            guard health.isHealthy else {
                await store.close()
                throw CLIError("the database \(store.displayName) cannot take changes: \(health.message)", hint: health.hint)
            }
            let migrations = try await store.appliedMigrations()
            logger.info("database ready", metadata: ["store": .string(store.displayName), "migrations": .stringConvertible(migrations.count)])
            let loaded = try library.load()
            identity = try Self.identityProvider()
            // Guardians are checked against Skatteverket's custody record at each request: its baseURL, else the sandbox
            // LOTSEN_SANDBOX_URL names; with neither, every guardian is refused (503), never let through.
            let sandbox = Self.sandboxURL()
            let adapter = HTTPAgencyAdapter(catalog: loaded.catalog, sandbox: sandbox)
            agencies = adapter
            services = APIServices(engine: JourneyEngine(library: loaded, store: store), store: store, identity: identity,
                pendingEventLifetime: .seconds(pendingEventDays * 24 * 3600), logger: logger, publicURL: publicURL.flatMap { WebSignIn.publicBase($0) },
                custody: CustodyRegister(adapter: adapter), practice: sandbox != nil && loaded.catalog.isAllSandbox)
            let sandboxed = loaded.catalog.agencies.filter { $0.endpoint.baseURL == nil }
            if sandbox != nil, !sandboxed.isEmpty, !loaded.catalog.isAllSandbox {
                // Neither "practice" nor silence is true of every answer then: say so to the operator.
                logger.warning("some agencies are the sandbox and some are real; responses do not say practice", metadata: [
                    "sandbox": .string(sandboxed.map(\.id.rawValue).joined(separator: ","))])
            }
        } catch let error as CLIError {
            Console.error("error: \(error.message)")
            if let hint = error.hint { Console.error("hint: \(hint)") }
            throw ExitCode(1)
        } catch {
            Console.error("error: the database cannot be opened")
            throw ExitCode(1)
        }
        let host = host
        let log = logger
        // Checked in validate(): an http(s) URL and a long enough secret.
        let webhook = reminderWebhook.flatMap(URL.init(string:)).map { url in
            ReminderWebhook(url: url, secret: ProcessInfo.processInfo.environment[ReminderWebhook.secretVariable] ?? "")
        }
        let configuration = APIConfiguration(host: host, port: port, metrics: metrics, outbox: store, timers: store,
            reminders: webhook.map { ReminderDispatcher(outbox: store, notifier: $0) })
        let application = buildApplication(configuration, services: services, logger: logger) { port in
            log.info("listening", metadata: ["address": .string("http://\(host):\(port)")])
        }
        try await application.runService()
        await identity?.shutdown()
        await agencies?.shutdown()
        await webhook?.shutdown()
        await store.close()
        logger.info("stopped")
    }
}

extension ServeCommand {
    /// The running sandbox `LOTSEN_SANDBOX_URL` names, if it is an http address.
    static func sandboxURL() -> URL? {
        guard let sandbox = ProcessInfo.processInfo.environment[SandboxLocation.environmentVariable].flatMap(URL.init(string:)),
            sandbox.scheme == "http"
        else { return nil }
        return sandbox
    }

    /// The provider whose ID tokens `POST /v1/sessions` accepts: `LOTSEN_OIDC_ISSUER` (with its client id and
    /// secret), else the identity provider of the sandbox `LOTSEN_SANDBOX_URL` names; else none, and sessions are refused.
    static func identityProvider() throws -> OIDCIdentityProvider? {
        let environment = ProcessInfo.processInfo.environment
        do {
            if let configured = try OIDCConfiguration.fromEnvironment(environment) { return OIDCIdentityProvider(configured) }
        } catch {
            throw CLIError("the identity provider setting is wrong: \(error.message)",
                hint: "set \(OIDCConfiguration.issuerVariable), \(OIDCConfiguration.clientIDVariable) and \(OIDCConfiguration.clientSecretVariable)")
        }
        guard let sandbox = sandboxURL() else { return nil }
        let client = SandboxAgencies.identityClient
        return OIDCIdentityProvider(OIDCConfiguration(issuer: sandbox.appendingPathComponent("idp"), clientID: client.id, clientSecret: client.secret))
    }
}
