import Synchronization
import Testing

@testable import JourneyPostgres

@Suite("Lease deadlines: one watcher for every call waiting for a connection")
struct LeaseDeadlinesTests {
    @Test("a wait past its deadline expires once; one that ended in time, or is not yet due, does not")
    func expiresOnlyWhatIsDue() {
        let deadlines = LeaseDeadlines()
        let expired = Mutex<[String]>([])
        let now = ContinuousClock.now
        _ = deadlines.register(deadline: now - .milliseconds(1)) { expired.withLock { $0.append("due") } }
        let served = deadlines.register(deadline: now - .milliseconds(1)) { expired.withLock { $0.append("served") } }
        _ = deadlines.register(deadline: now + .seconds(60)) { expired.withLock { $0.append("later") } }
        deadlines.remove(served)

        deadlines.expire(before: now)
        deadlines.expire(before: now)
        #expect(expired.withLock { $0 } == ["due"])
        deadlines.expire(before: now + .seconds(61))
        #expect(expired.withLock { $0 } == ["due", "later"])
    }
}
