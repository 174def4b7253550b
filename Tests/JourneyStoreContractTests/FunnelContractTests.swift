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
                OpenStepCount(step: "bank", state: .available, count: 4),
                OpenStepCount(step: "registration", state: .available, count: 3),
            ])
            _ = try await reopened.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].steps["bank"] = StoredStep(progress: .waitingOnAgency(caseReference: "B-1"), state: .waitingOnAgency,
                    since: Moment.day(1))
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await reopened.countOpenSteps(journey: "new-in-sweden") == [
                OpenStepCount(step: "bank", state: .available, count: 3),
                OpenStepCount(step: "bank", state: .waitingOnAgency, count: 1),
                OpenStepCount(step: "registration", state: .available, count: 3),
            ])
            #expect(try await reopened.countOpenSteps(journey: "start-a-business").isEmpty)
        }
    }
}
