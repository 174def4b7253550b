import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: due dates, their timers and the lists of due steps")
struct DeadlineContractTests {
    /// Four enrollments of new-in-sweden with the registration step due on days 2, 5, 5 and 9 (e-4's registration is
    /// done, so it is due no more), and e-2 also due to open a bank account on day 5.
    static func populate(_ store: any ContractStore) async throws {
        @Sendable func steps(registrationDue: Date?, bankDue: Date? = nil, done: Bool = false) -> [StepID: StoredStep] {
            ["registration": StoredStep(progress: done ? .completed : nil, state: done ? .done : .available, since: Moment.start, due: registrationDue),
             "bank": StoredStep(progress: nil, state: .available, since: Moment.start, due: bankDue)]
        }
        try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", steps: steps(registrationDue: Moment.day(9))))
        try await store.newEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2", steps: steps(registrationDue: Moment.day(5), bankDue: Moment.day(5))))
        try await store.newEnrolledPerson("p-3", enrollment: .fixture("e-3", person: "p-3", steps: steps(registrationDue: Moment.day(2))))
        try await store.newEnrolledPerson("p-4", enrollment: .fixture("e-4", person: "p-4", steps: steps(registrationDue: nil, done: true)))
    }

    /// Every page of a due list, following the cursors, as "enrollment/step".
    static func allPages(_ store: any ContractStore, _ query: EnrollmentQuery) async throws -> [String] {
        var seen: [String] = []
        var cursor: EnrollmentCursor?
        repeat {
            let page = try await store.enrollmentPage(query, after: cursor)
            seen += page.items.map { "\($0.id)/\($0.step?.id.rawValue ?? "-")" }
            cursor = page.next
        } while cursor != nil
        return seen
    }

    @Test("a step's due date survives a round trip in the steps column", arguments: StoreKind.allCases)
    func dueDateIsStored(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await Self.populate(store)
            let reopened = try await database.open()
            let snapshot = try #require(try await reopened.snapshot(person: "p-2"))
            #expect(snapshot.enrollments[0].steps["registration"]?.due == Moment.day(5))
            #expect(snapshot.enrollments[0].steps["bank"]?.due == Moment.day(5))
            #expect(try #require(try await reopened.snapshot(person: "p-4")).enrollments[0].steps["registration"]?.due == nil)
            // One timer per due step; the settled step has none.
            #expect(try await database.count("timer") == 8)
        }
    }

    @Test("overdue and due-soon lists are ordered soonest first, page without repeats or gaps, and show each due step", arguments: StoreKind.allCases)
    func dueListsPage(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.populate(store)
            let now = Moment.day(6)
            for limit in 1...4 {
                #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", due: .overdue(at: now), limit: limit))
                    == ["e-3/registration", "e-2/bank", "e-2/registration"], "limit \(limit)")
            }
            #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", due: .soon(at: now, within: 4 * 86_400), limit: 1))
                == ["e-1/registration"])
            #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", step: "bank", due: .overdue(at: now))) == ["e-2/bank"])
            let page = try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", due: .overdue(at: now), limit: 1), after: nil)
            #expect(page.items.first?.step == EnrollmentSummary.Step(id: "registration", state: .available, since: Moment.start, due: Moment.day(2)))
            await #expect(throws: StorageError.self) {
                _ = try await store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden", step: "bank", stepState: .available, due: .overdue(at: now)), after: nil)
            }
        }
    }

    @Test("a case overdue at the agency is stored with its step, listed and counted apart from deadlines", arguments: StoreKind.allCases)
    func overdueAtAgency(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await Self.populate(store)
            _ = try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].steps["bank"] = StoredStep(progress: .waitingOnAgency(caseReference: "B-1"), state: .waitingOnAgency,
                    since: Moment.day(1), expectedBy: Moment.day(4))
                snapshot.enrollments[0].revision += 1
                return []
            }
            let reopened = try await database.open()
            let stored = try #require(try await reopened.snapshot(person: "p-1")).enrollments[0].steps["bank"]
            #expect(stored?.expectedBy == Moment.day(4))
            #expect(stored?.due == nil)
            #expect(try await Self.allPages(reopened, EnrollmentQuery(journey: "new-in-sweden", due: .overdueAtAgency(at: Moment.day(6)))) == ["e-1/bank"])
            #expect(try await reopened.countDue(journey: "new-in-sweden", in: .overdueAtAgency(at: Moment.day(6))) == 1)
            #expect(try await reopened.countDue(journey: "new-in-sweden", in: .overdueAtAgency(at: Moment.day(3))) == 0)
            #expect(try await reopened.countDue(journey: "new-in-sweden", in: .overdue(at: Moment.day(6))) == 3)
            #expect(try await reopened.countDue(journey: "new-in-sweden", in: .soon(at: Moment.day(6), within: 4 * 86_400)) == 1)
        }
    }

    @Test("a moved due date moves its timer, and a settled step leaves the lists", arguments: StoreKind.allCases)
    func dueDateMovesAndSettles(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await Self.populate(store)
            _ = try await store.transact(person: "p-3") { snapshot in
                snapshot.enrollments[0].steps["registration"]?.due = Moment.day(20)
                snapshot.enrollments[0].steps["bank"]?.due = Moment.day(1)
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", due: .overdue(at: Moment.day(6))))
                == ["e-3/bank", "e-2/bank", "e-2/registration"])
            _ = try await store.transact(person: "p-2") { snapshot in
                snapshot.enrollments[0].steps["registration"] = StoredStep(progress: .completed, state: .done, since: Moment.day(6))
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await Self.allPages(store, EnrollmentQuery(journey: "new-in-sweden", due: .overdue(at: Moment.day(6)))) == ["e-3/bank", "e-2/bank"])
            #expect(try await database.count("timer") == 8)
        }
    }
}
