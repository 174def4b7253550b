import Foundation
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("Committing a snapshot kept in memory")
struct CommitTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    /// A person enrolled in one journey with two steps, as loaded by a caller that keeps it in memory.
    private func enrolledPerson(_ store: SQLiteJourneyStore) async throws -> PersonSnapshot {
        try await store.createEnrolledPerson(
            "p-1",
            enrollment: .fixture(
                "e-1", person: "p-1",
                steps: [
                    "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
                    "bank": StoredStep(progress: nil, state: .locked, since: Moment.start),
                ]))
        return try await #require(try store.snapshot(person: "p-1"))
    }

    /// The change an engine would make when the person starts registration.
    private func startRegistration(_ before: PersonSnapshot, on day: Int) -> (PersonSnapshot, [JourneyEvent]) {
        var after = before
        after.enrollments[0].steps["registration"] = StoredStep(progress: .started, state: .inProgress, since: Moment.day(day))
        after.enrollments[0].revision += 1
        after.enrollments[0].updatedAt = Moment.day(day)
        after.facts["fullNameGiven"] = KnownFact(value: .bool(true), source: .step("registration"), recordedAt: Moment.day(day))
        return (after, [JourneyEvent(enrollment: "e-1", at: Moment.day(day), actor: .person, kind: .stepProgressed, step: "registration", detail: "started")])
    }

    @Test("commit writes the difference between two snapshots together with the events")
    func commitWritesTheDifference() async throws {
        let store = try database.open()
        let before = try await enrolledPerson(store)
        let (after, events) = startRegistration(before, on: 1)

        try await store.commit([SnapshotChange(before: before, after: after, events: events)])

        await #expect(try store.snapshot(person: "p-1") == after)
        await #expect(try store.events(enrollment: "e-1").map(\.unsequenced).dropFirst() == events[...])
    }

    @Test("commits chain: each committed snapshot is the next one's starting point")
    func commitsChain() async throws {
        let store = try database.open()
        let first = try await enrolledPerson(store)
        let (second, events) = startRegistration(first, on: 1)
        try await store.commit([SnapshotChange(before: first, after: second, events: events)])

        var third = second
        third.enrollments[0].steps["registration"] = StoredStep(progress: .completed, state: .done, since: Moment.day(2))
        third.enrollments[0].steps["bank"] = StoredStep(progress: nil, state: .available, since: Moment.day(2))
        third.enrollments[0].revision += 1
        third.enrollments[0].updatedAt = Moment.day(2)
        third.facts["fullNameGiven"] = nil
        try await store.commit([SnapshotChange(before: second, after: third, events: [])])

        await #expect(try store.snapshot(person: "p-1") == third)
        #expect(try store.count("fact") == 0)
    }

    @Test("a commit from a snapshot another writer has since changed is a conflict, and writes nothing")
    func staleCommitIsAConflict() async throws {
        let store = try database.open()
        let stale = try await enrolledPerson(store)
        // Another writer moves the enrollment on in the meantime.
        let current = try await store.transact(person: "p-1") { snapshot in
            snapshot.enrollments[0].ball = .agency
            snapshot.enrollments[0].revision += 1
            snapshot.enrollments[0].updatedAt = Moment.day(1)
            return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .caseworker, kind: .stepProgressed, step: "bank")]
        }
        let (after, events) = startRegistration(stale, on: 2)

        let error = try await #require(throws: StorageError.self) {
            try await store.commit([SnapshotChange(before: stale, after: after, events: events)])
        }

        #expect(error.code == .conflict)
        await #expect(try store.snapshot(person: "p-1") == current)
        await #expect(try store.events(enrollment: "e-1").count == 2)
        #expect(try store.count("fact") == 0)
    }

    @Test("a stale commit through another store on the same file is a conflict as well")
    func staleCommitAcrossStoresIsAConflict() async throws {
        let first = try database.open()
        let second = try database.open()
        let stale = try await enrolledPerson(first)
        let (winner, winnerEvents) = startRegistration(stale, on: 1)
        try await second.commit([SnapshotChange(before: stale, after: winner, events: winnerEvents)])

        var loser = stale
        loser.enrollments[0].status = .blocked
        loser.enrollments[0].revision += 1
        let error = try await #require(throws: StorageError.self) {
            try await first.commit([
                SnapshotChange(before: stale, after: loser, events: [JourneyEvent(enrollment: "e-1", at: Moment.day(2), actor: .agency, kind: .stepProgressed)])
            ])
        }

        #expect(error.code == .conflict)
        await #expect(try first.snapshot(person: "p-1") == winner)
        await #expect(try first.events(enrollment: "e-1").count == 2)
    }

    @Test("an unchanged snapshot commits nothing but its events")
    func unchangedSnapshotWritesOnlyEvents() async throws {
        let store = try database.open()
        let snapshot = try await enrolledPerson(store)

        try await store.commit([
            SnapshotChange(before: snapshot, after: snapshot, events: [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .system, kind: .identityLinked)])
        ])

        await #expect(try store.snapshot(person: "p-1") == snapshot)
        await #expect(try store.events(enrollment: "e-1").map(\.kind) == [.enrolled, .identityLinked])
    }

    @Test("several changes, for one person in sequence and for another person, commit together")
    func severalChangesCommitTogether() async throws {
        let store = try database.open()
        let first = try await enrolledPerson(store)
        let (second, startEvents) = startRegistration(first, on: 1)
        var third = second
        third.enrollments[0].steps["registration"] = StoredStep(progress: .completed, state: .done, since: Moment.day(2))
        third.enrollments[0].revision += 1
        let other = try await store.createEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
        var otherAfter = other
        otherAfter.enrollments[0].ball = .agency
        otherAfter.enrollments[0].revision += 1

        try await store.commit([
            SnapshotChange(before: first, after: second, events: startEvents),
            SnapshotChange(before: second, after: third, events: [JourneyEvent(enrollment: "e-1", at: Moment.day(2), actor: .agency, kind: .stepProgressed)]),
            SnapshotChange(before: other, after: otherAfter, events: []),
        ])

        await #expect(try store.snapshot(person: "p-1") == third)
        await #expect(try store.snapshot(person: "p-2") == otherAfter)
        await #expect(try store.events(enrollment: "e-1").count == 3)
    }

    @Test("when one of several changes is stale, none of them is written")
    func oneStaleChangeWritesNothing() async throws {
        let store = try database.open()
        let fresh = try await enrolledPerson(store)
        let stale = try await store.createEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
        let current = try await store.transact(person: "p-2") { snapshot in
            snapshot.enrollments[0].revision += 1
            snapshot.enrollments[0].status = .blocked
            return []
        }
        let (freshAfter, freshEvents) = startRegistration(fresh, on: 1)
        var staleAfter = stale
        staleAfter.enrollments[0].ball = .agency
        staleAfter.enrollments[0].revision += 1

        let error = try await #require(throws: StorageError.self) {
            try await store.commit([
                SnapshotChange(before: fresh, after: freshAfter, events: freshEvents),
                SnapshotChange(before: stale, after: staleAfter, events: []),
            ])
        }

        #expect(error.code == .conflict)
        await #expect(try store.snapshot(person: "p-1") == fresh)
        await #expect(try store.snapshot(person: "p-2") == current)
        await #expect(try store.events(enrollment: "e-1").count == 1)
    }
}
