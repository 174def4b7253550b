import Foundation
import JourneyModel
import JourneyStore
import Synchronization
import Testing

/// Several writers at once, through one store and through two (two processes on one SQLite file, two nodes on one
/// PostgreSQL database).
@Suite("Contract: concurrent writers")
struct ConcurrencyContractTests {
    @Test("concurrent transitions on one person from two stores serialise: every fact and every increment lands", arguments: StoreKind.allCases)
    func concurrentTransitionsOnOnePerson(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, first in
            let stores = [first, try await database.open()]
            let writers = 20
            try await first.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))

            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    let store = stores[writer % stores.count]
                    group.addTask {
                        _ = try await store.transact(person: "p-1") { snapshot in
                            // Read-modify-write of the revision and the facts: lost if two transitions interleave.
                            snapshot.enrollments[0].revision += 1
                            snapshot.facts[FactID("answer-\(writer)")] = KnownFact(value: .number(Double(writer)), source: .person, recordedAt: Moment.day(1))
                            return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .person, kind: .factRecorded, fact: FactID("answer-\(writer)"))]
                        }
                    }
                }
                try await group.waitForAll()
            }

            let snapshot = try #require(try await stores[1].snapshot(person: "p-1"))
            #expect(snapshot.enrollments.first?.revision == 1 + writers)
            #expect(snapshot.facts.count == writers)
            let events = try await stores[0].events(enrollment: "e-1")
            #expect(events.count == 1 + writers)
            #expect(events.map(\.sequence) == (1...Int64(1 + writers)).map { $0 })
            #expect(Set(events.dropFirst().compactMap(\.fact)) == Set((0..<writers).map { FactID("answer-\($0)") }))
        }
    }

    @Test("concurrent transitions for different people from two stores all succeed, and no write is lost", arguments: StoreKind.allCases)
    func concurrentTransitionsOnDifferentPeople(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, first in
            let stores = [first, try await database.open()]
            let workers = 6
            let transitions = 10
            for worker in 0..<workers {
                try await first.newEnrolledPerson(PersonID("p-\(worker)"), enrollment: .fixture(EnrollmentID("e-\(worker)"), person: PersonID("p-\(worker)")))
            }

            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    let store = stores[worker % stores.count]
                    group.addTask {
                        for transition in 1...transitions {
                            _ = try await store.transact(person: PersonID("p-\(worker)")) { snapshot in
                                snapshot.enrollments[0].revision += 1
                                snapshot.enrollments[0].updatedAt = Moment.day(transition)
                                snapshot.facts[FactID("answer-\(transition)")] = KnownFact(value: .number(Double(transition)), source: .person,
                                    recordedAt: Moment.day(transition))
                                return [JourneyEvent(enrollment: snapshot.enrollments[0].id, at: Moment.day(transition), actor: .person,
                                    kind: .factRecorded, fact: FactID("answer-\(transition)"))]
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }

            #expect(try await database.count("event") == workers * (transitions + 1))
            #expect(try await database.count("fact") == workers * transitions)
            for worker in 0..<workers {
                let snapshot = try #require(try await first.snapshot(person: PersonID("p-\(worker)")))
                #expect(snapshot.enrollments.first?.revision == 1 + transitions, "worker \(worker)")
                #expect(try await first.events(enrollment: EnrollmentID("e-\(worker)")).dropFirst().map(\.fact)
                    == (1...transitions).map { FactID("answer-\($0)") }, "worker \(worker)")
            }
        }
    }

    @Test("of two stale commits racing from two stores, exactly one wins and the other is a conflict", arguments: StoreKind.allCases)
    func racingCommitsOneWins(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, first in
            let second = try await database.open()
            let before = try await first.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
            func change(_ ball: BallHolder) -> SnapshotChange {
                var after = before
                after.enrollments[0].ball = ball
                after.enrollments[0].revision += 1
                return SnapshotChange(before: before, after: after,
                    events: [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .system, kind: .stepProgressed, detail: ball.rawValue)])
            }
            async let one: StorageError.Code? = outcome { try await first.commit([change(.agency)]) }
            async let two: StorageError.Code? = outcome { try await second.commit([change(.nobody)]) }
            let outcomes = [await one, await two]

            #expect(outcomes.filter { $0 == nil }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == .conflict }.count == 1, "\(outcomes)")
            let stored = try #require(try await first.enrollment(id: "e-1"))
            let events = try await first.events(enrollment: "e-1")
            #expect(stored.revision == 2)
            #expect(events.count == 2)
            #expect(events.last?.detail == stored.ball.rawValue)
        }
    }

    @Test("callers cancelled halfway leave whole changes or none, and the store keeps working", arguments: StoreKind.allCases)
    func cancelledCallersLeaveWholeChanges(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
            let group = Task {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<20 {
                        group.addTask {
                            _ = try? await store.transact(person: "p-1") { snapshot in
                                snapshot.enrollments[0].revision += 1
                                return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .system, kind: .stepProgressed)]
                            }
                        }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(5))
            group.cancel()
            await group.value

            // Each change that landed brought its event and its revision; the store still takes transitions.
            let after = try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].revision += 1
                return [JourneyEvent(enrollment: "e-1", at: Moment.day(2), actor: .system, kind: .stepProgressed)]
            }
            #expect(try await store.events(enrollment: "e-1").count == after.enrollments[0].revision)
            #expect(try await store.snapshot(person: "p-1") == after)
        }
    }

    @Test("tasks writing through one store while others read through it all succeed", arguments: StoreKind.allCases)
    func tasksWriteAndReadThroughOneStore(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let people = 8
            let rounds = 25
            for index in 0..<people {
                try await store.newEnrolledPerson(PersonID("p-\(index)"), enrollment: .fixture(EnrollmentID("e-\(index)"), person: PersonID("p-\(index)")))
            }
            let failures = FailureLog()

            // Half write, half read, all at once: the store's own threads or connections do the work, the tasks only wait.
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<(people * 2) {
                    group.addTask {
                        let person = PersonID("p-\(index % people)")
                        do {
                            for _ in 0..<rounds {
                                if index < people {
                                    _ = try await store.transact(person: person) { snapshot in
                                        snapshot.enrollments[0].revision += 1
                                        return [JourneyEvent(enrollment: snapshot.enrollments[0].id, at: Moment.day(1), actor: .person, kind: .stepProgressed)]
                                    }
                                } else {
                                    _ = try await store.snapshot(person: person)
                                    _ = try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", status: .active), after: nil)
                                }
                            }
                        } catch {
                            failures.record(error)
                        }
                    }
                }
            }

            #expect(failures.errors.isEmpty, "\(failures.errors)")
            #expect(try await database.count("event") == people * (rounds + 1))
            for index in 0..<people {
                #expect(try await store.snapshot(person: PersonID("p-\(index)"))?.enrollments.first?.revision == 1 + rounds, "p-\(index)")
            }
        }
    }

    /// `nil` when `body` succeeds, else the storage error's code.
    private func outcome(_ body: () async throws -> Void) async -> StorageError.Code? {
        do {
            try await body()
            return nil
        } catch let error as StorageError {
            return error.code
        } catch {
            return .failed
        }
    }
}

/// Collects errors thrown on other threads.
final class FailureLog: Sendable {
    private let collected = Mutex<[String]>([])

    func record(_ error: any Error) {
        collected.withLock { $0.append("\(error)") }
    }

    var errors: [String] { collected.withLock { $0 } }
}
