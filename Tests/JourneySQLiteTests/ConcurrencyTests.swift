import Foundation
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("Several stores and writers on one file")
struct ConcurrencyTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    @Test("two stores on the same file, as two processes would have, see each other's committed writes")
    func twoStoresSeeEachOthersWrites() async throws {
        let first = try database.open()
        let second = try database.open()
        let number = try TestIdentity.personnummer()

        let written = try await first.createEnrolledPerson("p-1", identity: number, enrollment: .fixture("e-1", person: "p-1"))
        await #expect(try second.snapshot(person: "p-1") == written)
        await #expect(try second.person(identity: number)?.id == "p-1")

        let changed = try await second.transact(person: "p-1") { snapshot in
            snapshot.enrollments[0].revision += 1
            snapshot.enrollments[0].ball = .agency
            snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: Moment.day(1))
            return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .person, kind: .factRecorded, fact: "longStay", detail: "person")]
        }
        await #expect(try first.snapshot(person: "p-1") == changed)
        await #expect(try first.events(enrollment: "e-1").map(\.kind) == [.enrolled, .factRecorded])
        await #expect(try first.enrollments(matching: EnrollmentQuery(ball: .agency)).map(\.id) == ["e-1"])

        _ = try await second.pinDefinition(journey: "new-in-sweden", version: 1, source: "v1")
        await #expect(try first.pinDefinition(journey: "new-in-sweden", version: 1, source: "other") == "v1")
    }

    @Test("concurrent transitions for different people from two stores all succeed, and no write is lost")
    func concurrentTransitionsOnDifferentPeople() async throws {
        let stores = [try database.open(), try database.open()]
        let workers = 8
        let transitionsPerWorker = 25
        for worker in 0..<workers {
            try await stores[0].createEnrolledPerson(PersonID("p-\(worker)"), enrollment: .fixture(EnrollmentID("e-\(worker)"), person: PersonID("p-\(worker)")))
        }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                let store = stores[worker % stores.count]
                group.addTask {
                    for transition in 1...transitionsPerWorker {
                        _ = try await store.transact(person: PersonID("p-\(worker)")) { snapshot in
                            snapshot.enrollments[0].revision += 1
                            snapshot.enrollments[0].updatedAt = Moment.day(transition)
                            snapshot.facts[FactID("answer-\(transition)")] = KnownFact(value: .number(Double(transition)), source: .person,
                                recordedAt: Moment.day(transition))
                            return [JourneyEvent(enrollment: snapshot.enrollments[0].id, at: Moment.day(transition), actor: .person, kind: .factRecorded,
                                fact: FactID("answer-\(transition)"))]
                        }
                    }
                }
            }
            try await group.waitForAll()
        }

        let reader = try database.open()
        #expect(try reader.count("event") == workers * (transitionsPerWorker + 1))
        #expect(try reader.count("fact") == workers * transitionsPerWorker)
        for worker in 0..<workers {
            let snapshot = try await #require(try reader.snapshot(person: PersonID("p-\(worker)")))
            #expect(snapshot.enrollments.first?.revision == 1 + transitionsPerWorker, "worker \(worker)")
            #expect(snapshot.facts.count == transitionsPerWorker, "worker \(worker)")
            let events = try await reader.events(enrollment: EnrollmentID("e-\(worker)"))
            #expect(events.count == transitionsPerWorker + 1, "worker \(worker)")
            #expect(events.dropFirst().map(\.fact) == (1...transitionsPerWorker).map { FactID("answer-\($0)") }, "worker \(worker)")
        }
    }

    @Test("concurrent transitions for the same person from two stores serialize: every increment counts")
    func concurrentTransitionsOnOnePerson() async throws {
        let stores = [try database.open(), try database.open()]
        let workers = 4
        let transitionsPerWorker = 25
        try await stores[0].createEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))

        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                let store = stores[worker % stores.count]
                group.addTask {
                    for _ in 0..<transitionsPerWorker {
                        _ = try await store.transact(person: "p-1") { snapshot in
                            // Read-modify-write: lost if two transitions interleave.
                            snapshot.enrollments[0].revision += 1
                            return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .system, kind: .stepProgressed, step: "sfi")]
                        }
                    }
                }
            }
            try await group.waitForAll()
        }

        await #expect(try stores[1].enrollment(id: "e-1")?.revision == 1 + workers * transitionsPerWorker)
        await #expect(try stores[0].events(enrollment: "e-1").count == 1 + workers * transitionsPerWorker)
    }

    @Test("tasks writing through one store while others read all succeed")
    func tasksWriteAndReadThroughOneStore() async throws {
        let store = try database.open()
        let people = 8
        for index in 0..<people {
            try await store.createEnrolledPerson(PersonID("p-\(index)"), enrollment: .fixture(EnrollmentID("e-\(index)"), person: PersonID("p-\(index)")))
        }
        let failures = FailureLog()

        // Half write, half read, all at once: the store's own threads do the work, the tasks only wait.
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<(people * 2) {
                group.addTask {
                    let person = PersonID("p-\(index % people)")
                    do {
                        for _ in 0..<25 {
                            if index < people {
                                _ = try await store.transact(person: person) { snapshot in
                                    snapshot.enrollments[0].revision += 1
                                    return [JourneyEvent(enrollment: snapshot.enrollments[0].id, at: Moment.day(1), actor: .person, kind: .stepProgressed)]
                                }
                            } else {
                                _ = try await store.snapshot(person: person)
                                _ = try await store.enrollments(matching: EnrollmentQuery(status: .active))
                            }
                        }
                    } catch {
                        failures.record(error)
                    }
                }
            }
        }

        #expect(failures.errors.isEmpty, "\(failures.errors)")
        #expect(try store.count("event") == people * 26)
        await #expect(try store.enrollments(matching: EnrollmentQuery()).allSatisfy { $0.revision == 26 })
    }
}

/// Collects errors thrown on other threads.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func record(_ error: any Error) {
        lock.withLock { collected.append("\(error)") }
    }

    var errors: [String] { lock.withLock { collected } }
}
