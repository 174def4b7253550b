import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: how long finished steps took, counted on the index of their durations")
struct FinishedStepContractTests {
    /// A person at the bank step, open since `opened`.
    static func atTheBank(_ store: any ContractStore, _ index: Int, opened: Date?, journey: JourneyID = "new-in-sweden") async throws {
        let person = PersonID("p-\(index)")
        try await store.newEnrolledPerson(person, enrollment: .fixture(EnrollmentID("e-\(index)"), person: person, journey: journey, steps: [
            "bank": StoredStep(progress: nil, state: .available, since: opened ?? Moment.start, openedAt: opened)
        ]))
    }

    /// Moves one person's bank step to `state` at `moment`, keeping when it opened unless `opened` says otherwise.
    static func move(_ store: any ContractStore, _ index: Int, to state: StepState, at moment: Date, opened: Date?? = nil) async throws {
        _ = try await store.transact(person: PersonID("p-\(index)")) { snapshot in
            let old = snapshot.enrollments[0].steps["bank"]
            let progress: StepProgress? = switch state {
            case .done: .completed
            case .skipped: .skipped
            default: nil
            }
            snapshot.enrollments[0].steps["bank"] = StoredStep(progress: progress, state: state, since: moment, openedAt: opened ?? old?.openedAt)
            snapshot.enrollments[0].revision += 1
            return []
        }
    }

    @Test("each step done is counted with the median time from its opening, the lower one for an even count; a step done again counts again",
        arguments: StoreKind.allCases)
    func countsAndMedians(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            // Opened at the start, done after 10, 1, 4, 2 and 3 days, out of order: the median is 3 days.
            for (index, days) in [10, 1, 4, 2, 3].enumerated() {
                try await Self.atTheBank(store, index, opened: Moment.start)
                try await Self.move(store, index, to: .done, at: Moment.day(days))
            }
            try await Self.atTheBank(store, 9, opened: Moment.start, journey: "start-a-business")
            try await Self.move(store, 9, to: .done, at: Moment.day(1))
            let reopened = try await database.open()
            #expect(try await reopened.countFinishedSteps(journey: "new-in-sweden") == [
                FinishedStepCount(step: "bank", count: 5, medianSeconds: 3 * 86_400)
            ])
            // p-1 finished in a day; the step opens again on day 20 and is done again 12 hours later. Both count, each
            // from its own opening: 0.5, 1, 2, 3, 4 and 10 days, an even count, so the lower median, 2 days.
            try await Self.move(reopened, 1, to: .available, at: Moment.day(20), opened: .some(Moment.day(20)))
            #expect(try await reopened.countFinishedSteps(journey: "new-in-sweden").map(\.count) == [5])
            try await Self.move(reopened, 1, to: .done, at: Moment.day(20, hour: 12))
            #expect(try await reopened.countFinishedSteps(journey: "new-in-sweden") == [
                FinishedStepCount(step: "bank", count: 6, medianSeconds: 2 * 86_400)
            ])
            #expect(try await reopened.countFinishedSteps(journey: "start-a-business") == [
                FinishedStepCount(step: "bank", count: 1, medianSeconds: 86_400)
            ])
            #expect(try await reopened.countFinishedSteps(journey: "no-such-journey").isEmpty)
        }
    }

    @Test("a step skipped, a step done without a known opening (it opened before openings were recorded) and a step already done are not counted",
        arguments: StoreKind.allCases)
    func onlyDoneStepsWithAnOpeningCount(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await Self.atTheBank(store, 1, opened: Moment.start)
            try await Self.move(store, 1, to: .skipped, at: Moment.day(2))
            // The steps column as Lotsen wrote it before `openedAt`: an open step with no opening.
            try await Self.atTheBank(store, 2, opened: nil)
            try await Self.move(store, 2, to: .done, at: Moment.day(3))
            // Done twice in a row (a change to something else on a done step) is one finish.
            try await Self.atTheBank(store, 3, opened: Moment.start)
            try await Self.move(store, 3, to: .done, at: Moment.day(4))
            try await Self.move(store, 3, to: .done, at: Moment.day(5))
            let reopened = try await database.open()
            #expect(try await reopened.countFinishedSteps(journey: "new-in-sweden") == [
                FinishedStepCount(step: "bank", count: 1, medianSeconds: 4 * 86_400)
            ])
            #expect(try await reopened.enrollment(id: "e-3")?.steps["bank"]?.openedAt == Moment.start)
            #expect(try await reopened.enrollment(id: "e-2")?.steps["bank"]?.openedAt == nil)
        }
    }

    @Test("a step renamed by a move to a newer version keeps when it opened, and its time counts under its new id once done",
        arguments: StoreKind.allCases)
    func renamedStepKeepsItsOpening(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", version: 1, steps: [
                "apply": StoredStep(progress: .started, state: .inProgress, since: Moment.day(1), openedAt: Moment.start)
            ]))
            try await EnrollmentMoveContractTests.move(store)
            let restarted = try await database.open()
            #expect(try await restarted.enrollment(id: "e-1")?.steps["application"]?.openedAt == Moment.start)
            _ = try await restarted.transact(person: "p-1") { snapshot in
                var step = try #require(snapshot.enrollments[0].steps["application"])
                step.progress = .completed
                step.state = .done
                step.since = Moment.day(6)
                snapshot.enrollments[0].steps["application"] = step
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await restarted.countFinishedSteps(journey: "new-in-sweden") == [
                FinishedStepCount(step: "application", count: 1, medianSeconds: 6 * 86_400)
            ])
        }
    }
}
