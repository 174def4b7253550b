import Foundation
import JourneyModel
import JourneyStore
import Testing

/// Case events agencies push: deduplicated by (agency, message id), kept pending until the person reaches the step,
/// and recorded in one transaction with the change they make.
@Suite("Contract: agency events")
struct AgencyEventContractTests {
    static func event(_ messageID: String, person: PersonID = "p-1", enrollment: EnrollmentID = "e-1", step: StepID = "registration",
        agency: AgencyID = "skatteverket", status: StoredAgencyEvent.Status = .pending, day: Int = 1) -> StoredAgencyEvent
    {
        StoredAgencyEvent(agency: agency, messageID: messageID, person: person, enrollment: enrollment, step: step, service: "skatteverket.folkbokforing",
            kind: "decided", decision: "approved", caseReference: "SKV-2026-1", message: "Klart", language: .sv, receivedAt: Moment.day(day),
            status: status)
    }

    /// p-1 with registration locked and sfi available; p-2 with registration available.
    static func prepare(_ store: any ContractStore) async throws -> (PersonSnapshot, PersonSnapshot) {
        let one = try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", steps: [
            "registration": StoredStep(progress: nil, state: .locked, since: Moment.start),
            "sfi": StoredStep(progress: nil, state: .available, since: Moment.start),
        ]))
        let two = try await store.newEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2", steps: [
            "registration": StoredStep(progress: nil, state: .available, since: Moment.start)
        ]))
        return (one, two)
    }

    @Test("a received event is stored with the change it makes; the same (agency, message id) again is a conflict that writes nothing",
        arguments: StoreKind.allCases)
    func receivedEventsAreDeduplicated(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let (before, _) = try await Self.prepare(store)
            var after = before
            after.enrollments[0].steps["sfi"] = StoredStep(progress: .waitingOnAgency(caseReference: "SKV-2026-1"), state: .waitingOnAgency,
                since: Moment.day(1))
            after.enrollments[0].revision += 1
            let change = SnapshotChange(before: before, after: after,
                events: [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .agency, kind: .stepProgressed, step: "sfi")])
            try await store.commit([change], received: [Self.event("m-1", status: .applied)], resolved: [])

            let stored = try #require(try await store.agencyEvent(agency: "skatteverket", messageID: "m-1"))
            #expect(stored.sequence > 0)
            var expected = Self.event("m-1", status: .applied)
            expected.sequence = stored.sequence
            #expect(stored == expected)
            #expect(try await store.snapshot(person: "p-1") == after)
            // Another agency may use the same message id.
            try await store.commit([], received: [Self.event("m-1", agency: "migrationsverket")], resolved: [])

            var again = after
            again.enrollments[0].revision += 1
            again.enrollments[0].ball = .agency
            let error = try await #require(throws: StorageError.self) {
                try await store.commit([SnapshotChange(before: after, after: again, events: [])], received: [Self.event("m-1", day: 2)], resolved: [])
            }
            #expect(error.code == .conflict)
            #expect(try await store.snapshot(person: "p-1") == after)
            #expect(try await database.count("agency_event") == 2)
            #expect(try await store.agencyEvent(agency: "skatteverket", messageID: "m-unknown") == nil)
        }
    }

    @Test("pending events are listed per person in arrival order; resolving one twice is a conflict", arguments: StoreKind.allCases)
    func pendingAndResolved(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            _ = try await Self.prepare(store)
            try await store.commit([], received: [Self.event("m-1"), Self.event("m-2", day: 2)], resolved: [])
            try await store.commit([], received: [Self.event("m-3", person: "p-2", enrollment: "e-2")], resolved: [])
            let pending = try await store.pendingAgencyEvents(person: "p-1")
            #expect(pending.map(\.messageID) == ["m-1", "m-2"])
            #expect(pending[0].sequence < pending[1].sequence)

            var applied = pending[0]
            applied.status = .refused
            applied.outcome = "step-not-available"
            applied.resolvedAt = Moment.day(3)
            try await store.commit([], received: [], resolved: [applied])
            #expect(try await store.pendingAgencyEvents(person: "p-1").map(\.messageID) == ["m-2"])
            #expect(try await store.agencyEvent(agency: "skatteverket", messageID: "m-1") == applied)

            // Another node got there first: the event is no longer pending.
            let second = try await database.open()
            let error = try await #require(throws: StorageError.self) { try await second.commit([], received: [], resolved: [applied]) }
            #expect(error.code == .conflict)
        }
    }

    @Test("snapshot(containing:) reads the person and whether they have pending events; people with reachable pending events are found",
        arguments: StoreKind.allCases)
    func snapshotsAndReachablePeople(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let (one, two) = try await Self.prepare(store)
            #expect(try await store.snapshot(containing: "e-unknown") == nil)
            let empty = try #require(try await store.snapshot(containing: "e-1"))
            #expect(empty.snapshot == one && empty.hasPendingAgencyEvents == false)

            // p-1's event waits at a locked step; p-2's at an available one.
            try await store.commit([], received: [Self.event("m-1"), Self.event("m-2", person: "p-2", enrollment: "e-2")], resolved: [])
            #expect(try await store.snapshot(containing: "e-1")?.hasPendingAgencyEvents == true)
            #expect(try await store.snapshot(containing: "e-2")?.snapshot == two)
            #expect(try await store.peopleWithReachablePendingEvents(limit: 10) == ["p-2"])

            // p-1 gets to the step through another front end: now reachable too.
            _ = try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].steps["registration"] = StoredStep(progress: nil, state: .available, since: Moment.day(2))
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(Set(try await store.peopleWithReachablePendingEvents(limit: 10)) == ["p-1", "p-2"])
            #expect(try await store.peopleWithReachablePendingEvents(limit: 1).count == 1)
        }
    }
}
