import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: a journey's funnel, counted on the index of open steps")
struct FunnelContractTests {
    @Test("open steps are counted per step and state; settled steps and other journeys are not", arguments: StoreKind.allCases)
    func countsOpenSteps(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await DeadlineContractTests.populate(store)
            let reopened = try await database.open()
            let counts = try await reopened.countOpenSteps(journey: "new-in-sweden")
            // p-1..p-3 have registration available; p-4's is done (settled, not counted). All four have bank available.
            #expect(counts == [
                OpenStepCount(step: "bank", state: .available, count: 4, medianSince: Moment.start),
                OpenStepCount(step: "registration", state: .available, count: 3, medianSince: Moment.start),
            ])
            _ = try await reopened.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].steps["bank"] = StoredStep(progress: .waitingOnAgency(caseReference: "B-1"), state: .waitingOnAgency,
                    since: Moment.day(1))
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await reopened.countOpenSteps(journey: "new-in-sweden") == [
                OpenStepCount(step: "bank", state: .available, count: 3, medianSince: Moment.start),
                OpenStepCount(step: "bank", state: .waitingOnAgency, count: 1, medianSince: Moment.day(1)),
                OpenStepCount(step: "registration", state: .available, count: 3, medianSince: Moment.start),
            ])
            #expect(try await reopened.countOpenSteps(journey: "start-a-business").isEmpty)
        }
    }

    @Test("each open step and state has the median moment its people entered it, the lower one for an even count",
        arguments: StoreKind.allCases)
    func medianOfWhenPeopleEnteredAState(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            // Waiting at the bank since days 10, 1, 4, 2 and 3, entered out of order: the median is day 3.
            for (index, day) in [10, 1, 4, 2, 3].enumerated() {
                let person = PersonID("p-\(index)")
                let steps: [StepID: StoredStep] = ["bank": StoredStep(progress: .waitingOnAgency(caseReference: "B-\(index)"), state: .waitingOnAgency,
                    since: Moment.day(day))]
                try await store.newEnrolledPerson(person, enrollment: .fixture(EnrollmentID("e-\(index)"), person: person, steps: steps))
            }
            let reopened = try await database.open()
            #expect(try await reopened.countOpenSteps(journey: "new-in-sweden") == [
                OpenStepCount(step: "bank", state: .waitingOnAgency, count: 5, medianSince: Moment.day(3))
            ])
            // Without day 10 the count is even: the lower median, day 2 (half of them have waited at least that long).
            _ = try await reopened.transact(person: "p-0") { snapshot in
                snapshot.enrollments[0].steps["bank"] = StoredStep(progress: .completed, state: .done, since: Moment.day(11))
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await reopened.countOpenSteps(journey: "new-in-sweden") == [
                OpenStepCount(step: "bank", state: .waitingOnAgency, count: 4, medianSince: Moment.day(2))
            ])
        }
    }
}
