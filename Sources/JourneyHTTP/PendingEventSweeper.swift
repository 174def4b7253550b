import Foundation
import JourneyEngine
import JourneyStore
import Logging
import ServiceLifecycle

/// Applies agency events that waited for a step the person has since reached through another front end (the
/// command line or the guide), which does not look for them itself. The API applies them at once after its
/// own changes and before every read; this catches the rest within one interval. It also expires the events kept
/// longer than they may wait, and tries again those about someone no step matched when they came.
public struct PendingEventSweeper: Service {
    let services: APIServices
    let interval: Duration
    let logger: Logger

    public init(services: APIServices, interval: Duration = .seconds(30), logger: Logger) {
        self.services = services
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await repeatUntilShutdown(every: interval) { _ = await sweep() }
    }

    /// One pass; returns how many events it resolved (applied, refused, expired or matched to a person).
    @discardableResult
    public func sweep() async -> Int {
        var resolved = 0
        // Nothing is applied to a database that cannot take it (its file deleted, read-only): said in the log each
        // interval instead, with what to do, so an operator reading it finds out.
        let health = await services.engine.health()
        if let problem = health.problem {
            logger.error("the database cannot take changes", metadata: ["reason": .string(problem.rawValue), "detail": .string(health.description)])
            return 0
        }
        do {
            resolved += try await services.store.expireAgencyEvents(now: services.clock())
            resolved += try await services.engine.matchUnmatchedAgencyEvents(events: services.store)
            for person in try await services.store.peopleWithReachablePendingEvents(limit: 100) {
                resolved += try await services.engine.applyPendingAgencyEvents(person: person, events: services.store).count
            }
        } catch {
            logger.warning("waiting agency events could not be applied", metadata: ["error.type": .string(String(describing: type(of: error)))])
        }
        if resolved > 0 { logger.info("applied waiting agency events", metadata: ["count": .stringConvertible(resolved)]) }
        return resolved
    }
}
