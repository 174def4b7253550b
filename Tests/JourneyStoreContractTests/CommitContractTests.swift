import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: committing snapshots kept in memory")
struct CommitContractTests {
    /// A person enrolled in one journey with two steps, as loaded by a caller that keeps it in memory.
    private func enrolledPerson(_ store: any ContractStore) async throws -> PersonSnapshot {
        try await store.newEnrolledPerson(
            "p-1",
            enrollment: .fixture(
                "e-1", person: "p-1",
                steps: [
                    "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
                    "bank": StoredStep(progress: nil, state: .locked, since: Moment.start),
                ]))
        return try #require(try await store.snapshot(person: "p-1"))
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

    @Test("commit writes the difference between two snapshots together with the events", arguments: StoreKind.allCases)
    func commitWritesTheDifference(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let before = try await enrolledPerson(store)
            let (after, events) = startRegistration(before, on: 1)

            try await store.commit([SnapshotChange(before: before, after: after, events: events)])

            #expect(try await store.snapshot(person: "p-1") == after)
            #expect(try await store.events(enrollment: "e-1").map(\.unsequenced).dropFirst() == events[...])
            // The open step moved: one row, at its new state.
            #expect(try await database.count("open_step") == 1)
        }
    }

    @Test("commits chain, and a removed fact is deleted", arguments: StoreKind.allCases)
    func commitsChain(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
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

            #expect(try await store.snapshot(person: "p-1") == third)
            #expect(try await database.count("fact") == 0)
        }
    }

    @Test("a commit from a snapshot another writer has since changed is a conflict, and writes nothing at all", arguments: StoreKind.allCases)
    func staleCommitIsAConflict(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let stale = try await enrolledPerson(store)
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
            #expect(try await store.snapshot(person: "p-1") == current)
            #expect(try await store.events(enrollment: "e-1").count == 2)
            #expect(try await database.count("fact") == 0)
        }
    }

    @Test("a stale commit through a second store on the same database (another node) is a conflict as well", arguments: StoreKind.allCases)
    func staleCommitAcrossStoresIsAConflict(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, first in
            let second = try await database.open()
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
            #expect(try await first.snapshot(person: "p-1") == winner)
            #expect(try await first.events(enrollment: "e-1").count == 2)
        }
    }

    @Test("an unchanged snapshot commits nothing but its events", arguments: StoreKind.allCases)
    func unchangedSnapshotWritesOnlyEvents(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let snapshot = try await enrolledPerson(store)

            try await store.commit([
                SnapshotChange(before: snapshot, after: snapshot, events: [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .system, kind: .identityLinked)])
            ])

            #expect(try await store.snapshot(person: "p-1") == snapshot)
            #expect(try await store.events(enrollment: "e-1").map(\.kind) == [.enrolled, .identityLinked])
        }
    }

    @Test("several changes, for one person in sequence and for another person, commit together", arguments: StoreKind.allCases)
    func severalChangesCommitTogether(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let first = try await enrolledPerson(store)
            let (second, startEvents) = startRegistration(first, on: 1)
            var third = second
            third.enrollments[0].steps["registration"] = StoredStep(progress: .completed, state: .done, since: Moment.day(2))
            third.enrollments[0].revision += 1
            let other = try await store.newEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
            var otherAfter = other
            otherAfter.enrollments[0].ball = .agency
            otherAfter.enrollments[0].revision += 1

            try await store.commit([
                SnapshotChange(before: first, after: second, events: startEvents),
                SnapshotChange(before: second, after: third, events: [JourneyEvent(enrollment: "e-1", at: Moment.day(2), actor: .agency, kind: .stepProgressed)]),
                SnapshotChange(before: other, after: otherAfter, events: []),
            ])

            #expect(try await store.snapshot(person: "p-1") == third)
            #expect(try await store.snapshot(person: "p-2") == otherAfter)
            #expect(try await store.events(enrollment: "e-1").count == 3)
        }
    }

    @Test("when one of several changes is stale, none of them is written", arguments: StoreKind.allCases)
    func oneStaleChangeWritesNothing(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let fresh = try await enrolledPerson(store)
            let stale = try await store.newEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
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
            #expect(try await store.snapshot(person: "p-1") == fresh)
            #expect(try await store.snapshot(person: "p-2") == current)
            #expect(try await store.events(enrollment: "e-1").count == 1)
        }
    }
}
