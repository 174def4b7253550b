import Foundation
import JourneyEngine
import JourneyModel
import JourneySQLite
import JourneyStore

/// `lotsen-bench --timers`: how fast one node fires due timers. Makes `count` people, each with one enrollment whose
/// step is due (moments spread over the hour before now), so two timers each (`soon` and `due`), then times `JourneyEngine.fireDueTimers`, which finds them
/// by the index of pending timers and fires them a batch per transaction, as `lotsen serve` and `lotsen timers run` do.
/// Each overdue step also gets its reminder. Fails when any timer did not fire exactly once.
/// With `finishedSteps`, each enrollment has also finished its residence permit, opened between an hour and 60 days
/// before and done in a later transaction (as a person's completion is), so `step_duration` holds `count` durations
/// of one step: the worst case for the funnel's median, a seek to the middle of one range of that many rows.
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
    var finishedSteps = false

    func run() async throws -> Result {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        let store = try SQLiteJourneyStore(path: databasePath)
        let now = Date()
        let clock = { @Sendable in now }
        let engine = JourneyEngine(library: library, store: store, clock: clock)
        let setupStart = Date()
        var finishing: [SnapshotChange] = []
        for index in 0..<count {
            let person = PersonID("lp-bench-\(index)")
            var steps: [StepID: StoredStep] = [
                "population-registration": StoredStep(progress: nil, state: .available, since: now, due: now.addingTimeInterval(-Double(index % 3600) - 1))
            ]
            if finishedSteps {
                let opened = now.addingTimeInterval(-3_600 * Double(1 + index % 1_440))
                steps["residence-permit"] = StoredStep(progress: nil, state: .available, since: opened, openedAt: opened)
            }
            let enrollment = StoredEnrollment(id: EnrollmentID("le-bench-\(index)"), person: person, journey: PeerWorkload.journey, journeyVersion: 1,
                status: .active, ball: .person, revision: 1, createdAt: now, updatedAt: now, steps: steps)
            let created = try await store.transact(creating: StoredPerson(id: person, identity: nil, createdAt: now)) { snapshot in
                snapshot.enrollments.append(enrollment)
                return []
            }
            guard finishedSteps else { continue }
            // Done in a change of its own, as a completion is: the store times a step when it becomes done.
            var done = created
            done.enrollments[0].steps["residence-permit"]?.progress = .completed
            done.enrollments[0].steps["residence-permit"]?.state = .done
            done.enrollments[0].steps["residence-permit"]?.since = now
            done.enrollments[0].revision += 1
            finishing.append(SnapshotChange(before: created, after: done, events: []))
            if finishing.count == 1_000 || index == count - 1 {
                try await store.commit(finishing)
                finishing.removeAll(keepingCapacity: true)
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
