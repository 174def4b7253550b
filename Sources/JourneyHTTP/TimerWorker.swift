import Foundation
import JourneyEngine
import JourneyStore
import Logging
import ServiceLifecycle

/// Fires due timers (a step's deadline passing, say) while `lotsen serve` runs: one look at the index of pending
/// timers each interval, not a look at every enrollment. On PostgreSQL every node runs one; each timer is fired by
/// one node only, and survives a restart of all of them.
public struct TimerWorker: Service {
    let services: APIServices
    let timers: any TimerStore
    let interval: Duration
    let logger: Logger

    public init(services: APIServices, timers: any TimerStore, interval: Duration = .seconds(1), logger: Logger) {
        self.services = services
        self.timers = timers
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await repeatUntilShutdown(every: interval) { _ = await pass() }
    }

    /// One pass; returns how many timers it fired. Failures are logged (without personal data) and tried again next pass.
    @discardableResult
    public func pass() async -> Int {
        do {
            let fired = try await services.engine.fireDueTimers(in: timers)
            if !fired.isEmpty { logger.info("fired due timers", metadata: ["count": .stringConvertible(fired.count)]) }
            return fired.count
        } catch {
            logger.warning("due timers could not be fired", metadata: ["error.code": .string(error.code.rawValue)])
            return 0
        }
    }
}
