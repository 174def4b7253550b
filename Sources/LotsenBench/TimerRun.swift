import Foundation
import JourneyEngine
import JourneyModel
import JourneySQLite
import JourneyStore

/// `lotsen-bench --timers`: how fast one node fires due timers. Makes `count` people, each with one enrollment whose
/// step is due (moments spread over the hour before now), so two timers each (`soon` and `due`), then times `JourneyEngine.fireDueTimers`, which finds them
/// by the index of pending timers and fires them a batch per transaction, as `lotsen serve` and `lotsen timers run` do.
/// Each overdue step also gets its reminder. Fails when any timer did not fire exactly once.
struct TimerRun {
    struct Result: Codable {
        let enrollments: Int
        let fired: Int
        let setupSeconds: Double
        let fireSeconds: Double
        let timersPerSecond: Double
        let verify: String
    }

    let library: JourneyLibrary
    let databasePath: String
    let count: Int

    func run() async throws -> Result {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        let store = try SQLiteJourneyStore(path: databasePath)
        let now = Date()
        let clock = { @Sendable in now }
        let engine = JourneyEngine(library: library, store: store, clock: clock)
        let setupStart = Date()
        for index in 0..<count {
            let person = PersonID("lp-bench-\(index)")
            let enrollment = StoredEnrollment(id: EnrollmentID("le-bench-\(index)"), person: person, journey: PeerWorkload.journey, journeyVersion: 1,
                status: .active, ball: .person, revision: 1, createdAt: now, updatedAt: now,
                steps: ["population-registration": StoredStep(progress: nil, state: .available, since: now, due: now.addingTimeInterval(-Double(index % 3600) - 1))])
            _ = try await store.transact(creating: StoredPerson(id: person, identity: nil, createdAt: now)) { snapshot in
                snapshot.enrollments.append(enrollment)
                return []
            }
        }
        let setup = Date().timeIntervalSince(setupStart)
        let fireStart = Date()
        let fired = try await engine.fireDueTimers(in: store)
        let seconds = Date().timeIntervalSince(fireStart)
        let again = try await engine.fireDueTimers(in: store)
        let distinct = Set(fired.map { "\($0.enrollment)/\($0.kind)" }).count
        let verify = fired.count == 2 * count && distinct == fired.count && again.isEmpty
            ? "ok: \(fired.count) timers fired once each"
            : "FAILED: \(fired.count) fired (\(distinct) distinct), \(again.count) fired again"
        return Result(enrollments: count, fired: fired.count, setupSeconds: (setup * 1000).rounded() / 1000,
            fireSeconds: (seconds * 1000).rounded() / 1000, timersPerSecond: (Double(fired.count) / seconds).rounded(), verify: verify)
    }
}
