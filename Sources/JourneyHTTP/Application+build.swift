import Foundation
import Hummingbird
import JourneyEngine
import JourneyStore
import Logging

/// Where and how `lotsen serve` listens.
public struct APIConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// How often agency events waiting for a step are looked at again; `nil` turns the sweep off.
    public var sweepInterval: Duration?
    /// Requests counted and timed, and `GET /metrics` served from these metrics; `nil` (the default) leaves both
    /// out. Store calls are measured when the services' store is a ``MeasuredStore`` over the same metrics.
    public var metrics: APIMetrics?
    /// Where `/metrics` counts the outbox's pending entries (`pendingSubmissions`, at most once per
    /// ``APIMetrics/outboxRefresh``); `nil` leaves `lotsen_outbox_pending` at zero.
    public var outbox: (any OnceOnlyStore)?
    /// Where due timers are fired from, every ``timerInterval``; `nil` (or no interval) leaves them to `lotsen timers run`.
    public var timers: (any TimerStore)?
    public var timerInterval: Duration?
    /// Delivers reminders to the deployment's webhook once a second; `nil`: no webhook, reminders stay in the outbox.
    public var reminders: ReminderDispatcher?

    public init(host: String = "127.0.0.1", port: Int = 8080, sweepInterval: Duration? = .seconds(30), metrics: APIMetrics? = nil,
        outbox: (any OnceOnlyStore)? = nil, timers: (any TimerStore)? = nil, timerInterval: Duration? = .seconds(1), reminders: ReminderDispatcher? = nil)
    {
        self.reminders = reminders
        self.timers = timers
        self.timerInterval = timerInterval
        self.host = host
        self.port = port
        self.sweepInterval = sweepInterval
        self.metrics = metrics
        self.outbox = outbox
    }
}

/// The router with every route, for ``buildApplication(_:services:logger:routes:onServerRunning:)``. Routes are
/// recorded in `routes`, so a test can compare them with the OpenAPI document. With `metrics`, requests are
/// counted there and `GET /metrics` serves them.
public func buildRouter(services: APIServices, routes table: RouteTable = RouteTable(), metrics: APIMetrics? = nil,
    outbox: (any OnceOnlyStore)? = nil) -> Router<LotsenRequestContext>
{
    let router = Router(context: LotsenRequestContext.self)
    router.add(middleware: RequestLogMiddleware(routes: table, metrics: metrics, practice: services.practice))
    let recording = RecordingRouter(router: router, table: table)
    recording.addRoutes(SystemController(services: services).routes)
    if let metrics {
        recording.addRoutes(MetricsController(metrics: metrics, outbox: outbox).routes)
    }
    let sessions = SessionController(services: services)
    // Logging in needs no bearer token: the ID token (or authorization code) is the credential.
    recording.addRoutes(sessions.loginRoutes, atPath: "v1/sessions")
    let v1 = recording.group("v1").add(middleware: BearerAuthMiddleware(services: services)).add(middleware: WritableStoreMiddleware(services: services))
    v1.addRoutes(sessions.sessionRoutes, atPath: "sessions")
    v1.addRoutes(CatalogController(services: services).routes, atPath: "journeys")
    v1.addRoutes(EnrollmentController(services: services).routes, atPath: "enrollments")
    let caseworker = CaseworkerController(services: services)
    v1.addRoutes(caseworker.enrollmentRoutes, atPath: "enrollments")
    v1.addRoutes(caseworker.peopleRoutes, atPath: "people")
    v1.addRoutes(PersonDataController(services: services).routes, atPath: "people")
    v1.addRoutes(OfferController(services: services).routes, atPath: "people")
    v1.addRoutes(MandateController(services: services).routes, atPath: "people")
    v1.addRoutes(GuardianController(services: services).routes, atPath: "people")
    v1.addRoutes(caseworker.caseloadRoutes, atPath: "caseload")
    v1.addRoutes(AgencyEventController(services: services).routes, atPath: "agency-events")
    v1.addRoutes(LifeEventController(services: services).routes, atPath: "life-events")
    // The caseworkers' web view: HTML pages, not part of the JSON API (nor of its route table and OpenAPI document).
    WebController(services: services).addRoutes(to: router)
    return router
}

/// The application `lotsen serve` runs and tests drive: the router, the sweep for waiting agency events, the timer worker
/// and the reminders' webhook.
public func buildApplication(_ configuration: APIConfiguration, services: APIServices, logger: Logger, routes: RouteTable = RouteTable(),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol
{
    var application = Application(
        router: buildRouter(services: services, routes: routes, metrics: configuration.metrics, outbox: configuration.outbox),
        server: .http1(configuration: .init(additionalChannelHandlers: [MalformedRequestReply()])),
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "lotsen"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
    if let interval = configuration.sweepInterval {
        application.addServices(PendingEventSweeper(services: services, interval: interval, logger: logger))
    }
    if let timers = configuration.timers, let interval = configuration.timerInterval {
        application.addServices(TimerWorker(services: services, timers: timers, interval: interval, logger: logger))
    }
    if let reminders = configuration.reminders {
        application.addServices(ReminderWorker(dispatcher: reminders, metrics: configuration.metrics, logger: logger))
    }
    return application
}
