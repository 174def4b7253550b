import CoreMetrics
import Foundation
import JourneyEngine
import JourneyStore
import Metrics
import Prometheus
import Synchronization

private typealias Counter = CoreMetrics.Counter
private typealias Gauge = CoreMetrics.Gauge
private typealias Timer = CoreMetrics.Timer

/// What one node counts for `/metrics`, in the Prometheus text format: requests by route template, method and
/// status class, their duration, store calls by operation (latency, errors by code), the journey events written,
/// the outbox's pending entries, the reminders' webhook deliveries by outcome and the build. Recorded through swift-metrics with an explicit factory over one
/// ``PrometheusCollectorRegistry``, never the global `MetricsSystem`, so every test can have a registry of its own.
///
/// No label ever holds a path, an id, a personnummer or an answer: routes are templates (`/v1/enrollments/{enrollmentId}`),
/// methods are one of a fixed few, statuses a class (`2xx`), store operations and error codes fixed names.
public final class APIMetrics: Sendable {
    /// The registry `/metrics` writes out.
    public let registry: PrometheusCollectorRegistry
    /// The version in `lotsen_build_info`.
    public let version: String
    /// How long a count of pending outbox entries is shown before the store is asked again.
    public let outboxRefresh: Duration

    let factory: PrometheusMetricsFactory
    private let requestSeries = Mutex<[RequestKey: RequestSeries]>([:])
    private let storeDurations: [MeasuredStore.Operation: Timer]
    private let transitionCounters: [TransitionKey: Counter]
    private let outboxGauge: Gauge
    private let reminderDeliveries: [ReminderDeliveryOutcomeName: Counter]
    private let outboxState = Mutex<OutboxState>(OutboxState())

    enum Name {
        static let requests = "lotsen_http_requests_total"
        static let requestDuration = "lotsen_http_request_duration_seconds"
        static let storeDuration = "lotsen_store_operation_duration_seconds"
        static let storeErrors = "lotsen_store_errors_total"
        static let transitions = "lotsen_transitions_total"
        static let outboxPending = "lotsen_outbox_pending"
        static let reminderDeliveries = "lotsen_reminder_deliveries_total"
        static let buildInfo = "lotsen_build_info"
    }

    /// Requests take from a millisecond (a status read on SQLite) to seconds (a slow database); store calls less.
    static let requestBuckets: [Duration] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map(APIMetrics.seconds)
    static let storeBuckets: [Duration] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5].map(APIMetrics.seconds)

    /// A fresh registry unless one is given; `version` goes into `lotsen_build_info`.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), version: String, outboxRefresh: Duration = .seconds(15)) {
        self.registry = registry
        self.version = version
        self.outboxRefresh = outboxRefresh
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [Name.requestDuration: Self.requestBuckets, Name.storeDuration: Self.storeBuckets]
        self.factory = factory
        // Fixed series are made up front, so they show (at zero) from the first scrape and cost no lookup later.
        var durations: [MeasuredStore.Operation: Timer] = [:]
        for operation in MeasuredStore.Operation.allCases {
            durations[operation] = Timer(label: Name.storeDuration, dimensions: [("operation", operation.rawValue)], factory: factory)
        }
        storeDurations = durations
        var transitions: [TransitionKey: Counter] = [:]
        for kind in JourneyEvent.Kind.allCases {
            for actor in JourneyEvent.Actor.allCases {
                transitions[TransitionKey(kind: kind, actor: actor)] = Counter(label: Name.transitions,
                    dimensions: [("kind", kind.rawValue), ("actor", actor.rawValue)], factory: factory)
            }
        }
        transitionCounters = transitions
        outboxGauge = Gauge(label: Name.outboxPending, factory: factory)
        var deliveries: [ReminderDeliveryOutcomeName: Counter] = [:]
        for outcome in ReminderDeliveryOutcomeName.allCases {
            deliveries[outcome] = Counter(label: Name.reminderDeliveries, dimensions: [("outcome", outcome.rawValue)], factory: factory)
        }
        reminderDeliveries = deliveries
        Gauge(label: Name.buildInfo, dimensions: [("version", version)], factory: factory).record(1)
    }

    // MARK: Requests

    /// One request, as ``RequestLogMiddleware`` saw it leave.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: route, method: Self.methods.contains(method) ? method : "other", statusClass: Self.statusClass(status))
        let series = requestSeries.withLock { cache in
            if let found = cache[key] { return found }
            let made = RequestSeries(
                count: Counter(label: Name.requests, dimensions: [("route", key.route), ("method", key.method), ("status", key.statusClass)],
                    factory: factory),
                duration: Timer(label: Name.requestDuration, dimensions: [("route", key.route), ("method", key.method)], factory: factory))
            cache[key] = made
            return made
        }
        series.count.increment()
        series.duration.record(duration: duration)
    }

    /// Methods are labelled as sent only when they are standard ones; anything else is `other`, so a client cannot
    /// make series up.
    static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    static func statusClass(_ code: Int) -> String {
        (1...5).contains(code / 100) ? "\(code / 100)xx" : "other"
    }

    // MARK: Store

    /// One store call: its duration, and its error code when the store failed.
    func recordStoreCall(_ operation: MeasuredStore.Operation, duration: Duration, failure: StorageError.Code? = nil) {
        storeDurations[operation]?.record(duration: duration)
        if let failure {
            let dimensions = [("operation", operation.rawValue), ("code", failure.rawValue)]
            Counter(label: Name.storeErrors, dimensions: dimensions, factory: factory).increment()
        }
    }

    /// Journey events that were written (committed, not merely decided).
    func recordTransitions(_ events: [JourneyEvent]) {
        for event in events { transitionCounters[TransitionKey(kind: event.kind, actor: event.actor)]?.increment() }
    }

    // MARK: Reminders

    /// The outcomes of attempts to deliver reminders to the webhook, as labelled in `lotsen_reminder_deliveries_total`.
    enum ReminderDeliveryOutcomeName: String, CaseIterable {
        case delivered
        /// Not taken; tried again later.
        case retried
        /// Not taken at the last attempt; given up.
        case failed
    }

    /// Counts one pass of the reminders' webhook.
    func recordReminderDeliveries(_ pass: ReminderDispatcher.Pass) {
        reminderDeliveries[.delivered]?.increment(by: pass.delivered)
        reminderDeliveries[.retried]?.increment(by: pass.retried)
        reminderDeliveries[.failed]?.increment(by: pass.failed.count)
    }

    // MARK: Outbox

    /// Asks `count` for the number of pending outbox entries when the last answer is older than ``outboxRefresh``
    /// (one scrape at a time asks; the others show the last answer). A failed count keeps the last value.
    func refreshOutbox(_ count: @Sendable () async throws -> Int) async {
        let now = ContinuousClock.now
        let due = outboxState.withLock { state -> Bool in
            guard !state.refreshing, state.refreshed.map({ now - $0 >= outboxRefresh }) ?? true else { return false }
            state.refreshing = true
            return true
        }
        guard due else { return }
        let pending = try? await count()
        if let pending { outboxGauge.record(pending) }
        outboxState.withLock { state in
            state.refreshing = false
            state.refreshed = ContinuousClock.now
        }
    }

    /// The registry in the Prometheus text format (version 0.0.4).
    public func exposition() -> String { registry.emitToString() }

    private static func seconds(_ value: Double) -> Duration { .nanoseconds(Int64((value * 1e9).rounded())) }

    private struct RequestKey: Hashable {
        let route: String
        let method: String
        let statusClass: String
    }

    private struct RequestSeries {
        let count: Counter
        let duration: Timer
    }

    private struct TransitionKey: Hashable {
        let kind: JourneyEvent.Kind
        let actor: JourneyEvent.Actor
    }

    private struct OutboxState {
        var refreshed: ContinuousClock.Instant?
        var refreshing = false
    }
}
