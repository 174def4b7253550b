import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: caseworker pages over the indexes")
struct EnrollmentPageContractTests {
    /// Five enrollments, written in an order unrelated to their `updatedAt`:
    ///
    ///   id   person journey          status    ball    updatedAt  registration step
    ///   e-1  p-1    new-in-sweden    active    person  day 1      waitingOnAgency since day 1
    ///   e-2  p-2    new-in-sweden    active    agency  day 5      waitingOnAgency since day 2
    ///   e-3  p-3    new-in-sweden    complete  nobody  day 3      done            since day 2
    ///   e-4  p-1    moving-abroad    active    person  day 2      waitingOnAgency since day 0
    ///   e-5  p-4    new-in-sweden    blocked   person  day 4      rejected        since day 4
    static func populate(_ store: any ContractStore) async throws {
        @Sendable func registration(_ progress: StepProgress, _ state: StepState, since day: Int) -> [StepID: StoredStep] {
            ["registration": StoredStep(progress: progress, state: state, since: Moment.day(day)),
             "bank": StoredStep(progress: nil, state: .locked, since: Moment.start)]
        }
        let waiting = StepProgress.waitingOnAgency(caseReference: nil)
        try await store.newEnrolledPerson(
            "p-2", enrollment: .fixture("e-2", person: "p-2", ball: .agency, updatedAt: Moment.day(5), steps: registration(waiting, .waitingOnAgency, since: 2)))
        try await store.newEnrolledPerson(
            "p-4",
            enrollment: .fixture("e-5", person: "p-4", status: .blocked, updatedAt: Moment.day(4), steps: registration(.rejected(reason: nil), .rejected, since: 4)))
        try await store.newEnrolledPerson(
            "p-1", enrollment: .fixture("e-1", person: "p-1", updatedAt: Moment.day(1), steps: registration(waiting, .waitingOnAgency, since: 1)))
        try await store.newEnrolledPerson(
            "p-3",
            enrollment: .fixture("e-3", person: "p-3", status: .complete, ball: .nobody, updatedAt: Moment.day(3), completedAt: Moment.day(3),
                steps: registration(.completed, .done, since: 2)))
        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot.enrollments.append(
                .fixture("e-4", person: "p-1", journey: "moving-abroad", updatedAt: Moment.day(2), steps: registration(waiting, .waitingOnAgency, since: 0)))
            return [JourneyEvent(enrollment: "e-4", at: Moment.start, actor: .person, kind: .enrolled)]
        }
    }

    /// Every page of `query`, following the cursors, as the ids listed.
    static func allPages(_ store: any ContractStore, _ query: EnrollmentQuery) async throws -> [EnrollmentID] {
        var seen: [EnrollmentID] = []
        var cursor: EnrollmentCursor?
        repeat {
            let page = try await store.enrollmentPage(query, after: cursor)
            #expect(page.items.count <= query.limit)
            seen += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        return seen
    }

    @Test("enrollments changed at the same moment are listed in id order, and a later change moves one to the end", arguments: StoreKind.allCases)
    func tiesAreOrderedByIDAndChangesMoveToTheEnd(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            for (person, enrollment) in [("p-3", "e-3"), ("p-1", "e-1"), ("p-2", "e-2")] {
                try await store.newEnrolledPerson(PersonID(person), enrollment: .fixture(EnrollmentID(enrollment), person: PersonID(person), updatedAt: Moment.day(1)))
            }
            for limit in 1...3 {
                #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", limit: limit)) == ["e-1", "e-2", "e-3"], "limit \(limit)")
            }
            _ = try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].updatedAt = Moment.day(2)
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", limit: 2)) == ["e-2", "e-3", "e-1"])
        }
    }

    @Test("pages follow each other without repeating or skipping, whatever their size, and the last has no cursor", arguments: StoreKind.allCases)
    func pagesAreContiguous(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.populate(store)
            for limit in 1...5 {
                #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", limit: limit)) == ["e-1", "e-3", "e-5", "e-2"], "limit \(limit)")
                // e-3's step is done and e-5's rejected: only open steps are listed.
                #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", step: "registration", limit: limit)) == ["e-1", "e-2", "e-5"])
            }
            let first = try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", step: "registration", limit: 1), after: nil)
            #expect(first.items.first?.step == EnrollmentSummary.Step(id: "registration", state: .waitingOnAgency, since: Moment.day(1)))
            #expect(first.next == EnrollmentCursor(moment: Moment.day(1), enrollment: "e-1"))
            let summary = try #require(try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", status: .complete), after: nil).items.first)
            #expect(summary == EnrollmentSummary(id: "e-3", person: "p-3", journey: "new-in-sweden", journeyVersion: 1, status: .complete, ball: .nobody,
                revision: 1, createdAt: Moment.start, updatedAt: Moment.day(3), completedAt: Moment.day(3), step: nil))
        }
    }

    @Test("filters combine: status, ball, person, step state and no change since", arguments: StoreKind.allCases)
    func filtersCombine(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.populate(store)
            let cases: [(EnrollmentQuery, [EnrollmentID])] = [
                (EnrollmentQuery(journey: "new-in-sweden", status: .active), ["e-1", "e-2"]),
                (EnrollmentQuery(journey: "new-in-sweden", ball: .person), ["e-1", "e-5"]),
                (EnrollmentQuery(journey: "moving-abroad", person: "p-1"), ["e-4"]),
                (EnrollmentQuery(journey: "new-in-sweden", unchangedSince: Moment.day(4)), ["e-1", "e-3"]),
                (EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency), ["e-1", "e-2"]),
                (EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency, unchangedSince: Moment.day(2)), ["e-1"]),
                (EnrollmentQuery(journey: "new-in-sweden", step: "registration", ball: .agency), ["e-2"]),
                (EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .needsAction), []),
                (EnrollmentQuery(journey: "starting-a-business"), []),
            ]
            for (query, expected) in cases {
                #expect(try await Self.allPages(store, query) == expected, "\(query)")
            }
        }
    }

    @Test("a step that moves on leaves the list; one that opens joins it", arguments: StoreKind.allCases)
    func listsFollowTransitions(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.populate(store)
            let query = EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency)
            _ = try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].steps["registration"] = StoredStep(progress: .completed, state: .done, since: Moment.day(6))
                snapshot.enrollments[0].steps["bank"] = StoredStep(progress: nil, state: .available, since: Moment.day(6))
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await Self.allPages(store, query) == ["e-2"])
            #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", step: "bank")) == ["e-1"])
        }
    }

    @Test("lists refuse what the indexes cannot serve", arguments: StoreKind.allCases)
    func refusesUnindexedLists(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            await #expect(throws: StorageError.self) { try await store.enrollmentPage(EnrollmentQuery(), after: nil) }
            await #expect(throws: StorageError.self) {
                try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .done), after: nil)
            }
        }
    }
}
