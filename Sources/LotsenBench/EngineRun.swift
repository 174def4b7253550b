import Foundation
import GRDB
import JourneyEngine
import JourneyModel
import JourneySQLite
import JourneyStore

/// Drives the peer workload through Lotsen's real engine and SQLite store.
struct EngineRun {
    enum Mode: String, CaseIterable {
        /// Person after person, the snapshot kept in memory, one transaction per transition (the peer's default).
        case memory
        /// Round-robin over every running person: read the snapshot, step, write (the peer's `--reload`).
        case reload
        /// As `memory`, committing every `batchSize` transitions (the peer's `--batch`).
        case batch
    }

    let library: JourneyLibrary
    let databasePath: String
    let count: Int
    let seed: UInt32
    let batchSize: Int
    let synchronous: String

    func run(_ mode: Mode) async throws -> ModeResult {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        let store = try SQLiteJourneyStore(path: databasePath, durability: synchronous == "FULL" ? .full : .normal)
        let driven = try await Self.drive(mode, engine: JourneyEngine(library: library, store: store), count: count, seed: seed, batchSize: batchSize)
        let verdict = try verify(people: driven.people, transitions: driven.transitions, workload: driven.workload)
        let size = try checkpointedSize()
        return driven.result(mode, batchSize: batchSize, databaseBytes: size, verify: verdict)
    }

    /// What one mode's drive through the workload leaves for verification and the record.
    struct Driven {
        let count: Int
        let people: [PersonID]
        let transitions: [Int]
        let commits: Int
        let wall: Double
        let latencies: [Double]
        let peakRSS: Double
        let split: TimeSplit
        let workload: PeerWorkload

        func result(_ mode: Mode, batchSize: Int, databaseBytes: Int64, verify: String) -> ModeResult {
            var result = ModeResult(mode: "lotsen \(mode.rawValue)" + (mode == .batch ? "/\(batchSize)" : ""), instances: count,
                transitions: transitions.reduce(0, +), commits: commits, wall: wall, latencies: latencies, peakRSS: peakRSS,
                databaseBytes: databaseBytes, verify: verify)
            result.timeSplitSeconds = split.rounded
            return result
        }
    }

    /// Drives `count` people through the workload on `engine`, whatever store it writes to: the timed part of a
    /// mode, the same for SQLite and PostgreSQL. The peak RSS is read when the drive ends, before any verification.
    static func drive(_ mode: Mode, engine: JourneyEngine, count: Int, seed: UInt32, batchSize: Int) async throws -> Driven {
        var workload = PeerWorkload(count: count, seed: seed)
        var measurement = Measurement(capacity: workload.expectedTransitions)
        var transitions = [Int](repeating: 0, count: count)
        var people: [PersonID] = []
        people.reserveCapacity(count)
        var commits = 0
        var split = TimeSplit()
        ResourceUsage.resetPeakRSS()
        let clock = ContinuousClock()
        let start = clock.now

        switch mode {
        case .memory, .batch:
            var pending: [DecidedChange] = []
            for person in 0..<count {
                // As the peer creates the workflow in memory and inserts its row: one commit, nothing read back.
                var (enrolled, snapshot) = try await engine.enrollKeepingSnapshot(.new, in: PeerWorkload.journey)
                people.append(enrolled.enrollment.person)
                var plan = enrolled.plan
                while !plan.isComplete {
                    try await measurement.time {
                        let change = try await split.engine { try await decide(plan, person: person, on: snapshot, engine: engine, workload: &workload) }
                        if mode == .memory {
                            try await split.storage { try await engine.commit([change]) }
                            commits += 1
                        } else {
                            pending.append(change)
                            if pending.count >= batchSize {
                                try await split.storage { try await engine.commit(pending) }
                                commits += 1
                                pending.removeAll(keepingCapacity: true)
                            }
                        }
                        snapshot = change.after
                        plan = change.plans[0]
                    }
                    transitions[person] += 1
                }
            }
            if !pending.isEmpty {
                try await engine.commit(pending)
                commits += 1
            }
        case .reload:
            // The stateless server: nothing about a person is kept between requests. Each request names the step the
            // person chose from what they last saw (as a front end shows the previous answer), and the engine loads
            // the snapshot, decides and commits in one write transaction.
            var seen: [JourneyPlan] = []
            seen.reserveCapacity(count)
            for _ in 0..<count {
                let enrolled = try await engine.enroll(.new, in: PeerWorkload.journey)
                people.append(enrolled.enrollment.person)
                seen.append(enrolled.plan)
            }
            var running = Array(0..<count)
            while !running.isEmpty {
                var still: [Int] = []
                still.reserveCapacity(running.count)
                for person in running {
                    let plan = try await measurement.time {
                        try await split.request { try await request(after: seen[person], person: person, id: people[person], engine: engine, workload: &workload) }
                    }
                    seen[person] = plan
                    commits += 1
                    transitions[person] += 1
                    if !plan.isComplete { still.append(person) }
                }
                running = still
            }
        }
        let wall = (clock.now - start).timeInterval
        let peakRSS = ResourceUsage.peakRSSMiB()
        return Driven(count: count, people: people, transitions: transitions, commits: commits, wall: wall, latencies: measurement.latencies,
            peakRSS: peakRSS, split: split, workload: workload)
    }

    /// One transition, decided but not written: the intake answers while any are asked, else one ready step.
    private static func decide(_ plan: JourneyPlan, person: Int, on snapshot: PersonSnapshot, engine: JourneyEngine, workload: inout PeerWorkload)
        async throws -> DecidedChange
    {
        if !plan.factsToAnswer.isEmpty {
            return try await engine.change(answering: workload.profiles[person].answers, on: snapshot)
        }
        let ready = plan.nextActions.compactMap { action -> StepID? in
            if case .start(let step) = action { return step }
            return nil
        }
        guard !ready.isEmpty else { throw BenchError("person \(person) is stuck with nothing to do") }
        return try await engine.change(.complete, step: workload.choose(ready), on: snapshot)
    }

    /// One stateless request, chosen as ``decide(_:person:on:engine:workload:)`` chooses: the answers while any are
    /// asked, else one ready step. Returns the plan the request answers with.
    private static func request(after plan: JourneyPlan, person: Int, id: PersonID, engine: JourneyEngine, workload: inout PeerWorkload) async throws -> JourneyPlan {
        if !plan.factsToAnswer.isEmpty {
            return try await engine.answer(person: id, journey: PeerWorkload.journey, answers: workload.profiles[person].answers).enrollments[0].plan
        }
        let ready = plan.nextActions.compactMap { action -> StepID? in
            if case .start(let step) = action { return step }
            return nil
        }
        guard !ready.isEmpty else { throw BenchError("person \(person) is stuck with nothing to do") }
        return try await engine.apply(.complete, step: workload.choose(ready), person: id, journey: PeerWorkload.journey).plan
    }

    /// Every journey finished, each with exactly the transitions and the branches its profile implies;
    /// checked on the stored rows, not on what the run kept in memory.
    private func verify(people: [PersonID], transitions: [Int], workload: PeerWorkload) throws -> String {
        let queue = try DatabaseQueue(path: databasePath)
        defer { try? queue.close() }
        return try queue.read { db in
            let complete = try Int.fetchOne(db, sql: "SELECT count(*) FROM enrollment WHERE status = 'complete'") ?? 0
            guard complete == count else { throw BenchError("\(complete) of \(count) journeys complete") }
            // Streamed person by person, so checking 100,000 journeys does not hold them all in memory.
            let index = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($0.element.rawValue, $0.offset) })
            var checked = 0
            var current: String?
            var steps: [String: String] = [:]
            func check() throws {
                guard let person = current, let number = index[person] else { return }
                let profile = workload.profiles[number]
                guard transitions[number] == profile.expectedTransitions else {
                    throw BenchError("person \(number): \(transitions[number]) transitions, expected \(profile.expectedTransitions)")
                }
                func done(_ step: String) -> Bool { steps[step] == "done" }
                guard done("residence-permit") != profile.isEuCitizen, done("child-allowance") == profile.hasChildren,
                    done("school-place") == profile.hasChildren, done("employment-service") == profile.jobSeeking
                else { throw BenchError("person \(number) took branches its profile does not imply: \(steps)") }
                checked += 1
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT e.personId, s.key AS stepId, json_extract(s.value, '$[0]') AS state FROM enrollment e, json_each(e.steps) s
                WHERE s.key IN ('residence-permit', 'child-allowance', 'school-place', 'employment-service') ORDER BY e.personId
                """)
            while let row = try rows.next() {
                let person: String = row["personId"]
                if person != current {
                    try check()
                    current = person
                    steps.removeAll(keepingCapacity: true)
                }
                steps[row["stepId"]] = row["state"]
            }
            try check()
            guard checked == count else { throw BenchError("checked \(checked) of \(count) journeys") }
            return "ok (all \(count) journeys complete; every transition count and branch matches its profile)"
        }
    }

    private func checkpointedSize() throws -> Int64 {
        let queue = try DatabaseQueue(path: databasePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        return ResourceUsage.fileSize(databasePath) + ResourceUsage.fileSize(databasePath + "-wal")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
