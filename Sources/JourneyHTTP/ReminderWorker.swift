import Foundation
import JourneyEngine
import JourneyStore
import Logging
import ServiceLifecycle

/// Delivers reminders to the deployment's webhook while `lotsen serve` runs (`--reminder-webhook`): one
/// ``ReminderDispatcher`` pass each interval. On PostgreSQL every node runs one; each reminder is claimed by one node
/// at a time, and one whose node died is taken again once its claim lapses.
public struct ReminderWorker: Service {
    let dispatcher: ReminderDispatcher
    let interval: Duration
    let metrics: APIMetrics?
    let logger: Logger

    public init(dispatcher: ReminderDispatcher, interval: Duration = .seconds(1), metrics: APIMetrics?, logger: Logger) {
        self.dispatcher = dispatcher
        self.interval = interval
        self.metrics = metrics
        self.logger = logger
    }

    public func run() async throws {
        await repeatUntilShutdown(every: interval) { _ = await pass() }
    }

    /// One pass. Logged with counts and codes only: a reminder's person, journey or step is never in the log.
    @discardableResult
    public func pass() async -> ReminderDispatcher.Pass {
        do {
            let pass = try await dispatcher.pass()
            metrics?.recordReminderDeliveries(pass)
            if pass.delivered > 0 || pass.retried > 0 {
                logger.info("reminders sent to the webhook", metadata: ["delivered": .stringConvertible(pass.delivered), "retried": .stringConvertible(pass.retried)])
            }
            for failure in pass.failed {
                logger.error("a reminder was given up after its last attempt at the webhook", metadata: ["error.code": .string(failure.code)])
            }
            return pass
        } catch {
            logger.warning("reminders could not be taken from the outbox", metadata: ["error.code": .string(error.code.rawValue)])
            return ReminderDispatcher.Pass()
        }
    }
}
