import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: an enrollment moved to a newer version of its journey")
struct EnrollmentMoveContractTests {
    /// A person on version 1 with a due step that will be renamed, a due step that will be removed, and an open step.
    static func populate(_ store: any ContractStore) async throws {
        try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1", version: 1, steps: [
            "apply": StoredStep(progress: .started, state: .inProgress, since: Moment.start, due: Moment.day(10)),
            "brochure": StoredStep(progress: nil, state: .available, since: Moment.start, due: Moment.day(10)),
            "keep": StoredStep(progress: nil, state: .available, since: Moment.start),
        ]))
    }

    /// The move as the engine writes it: the version, the steps under their new ids, and the event, in one transaction.
    static func move(_ store: any ContractStore) async throws {
        _ = try await store.transact(person: "p-1") { snapshot in
            var enrollment = snapshot.enrollments[0]
            enrollment.journeyVersion = 2
            enrollment.steps["application"] = enrollment.steps.removeValue(forKey: "apply")
            enrollment.steps["brochure"] = nil
            enrollment.revision += 1
            snapshot.enrollments[0] = enrollment
            return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .system, kind: .enrollmentMigrated, detail: "version 1 to 2")]
        }
    }

    @Test("the new version, the steps under their new ids and the event are stored, and read back after a restart", arguments: StoreKind.allCases)
    func moveIsStored(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await Self.populate(store)
            try await Self.move(store)
            let restarted = try await database.open()
            let enrollment = try #require(try await restarted.enrollment(id: "e-1"))
            #expect(enrollment.journeyVersion == 2)
            #expect(Set(enrollment.steps.keys) == ["application", "keep"])
            #expect(enrollment.steps["application"]?.progress == .started)
            #expect(enrollment.steps["application"]?.due == Moment.day(10))
            #expect(try await restarted.snapshot(person: "p-1")?.enrollments.map(\.journeyVersion) == [2])
            #expect(try await restarted.events(enrollment: "e-1").last?.kind == .enrollmentMigrated)
            let listed = try await restarted.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden"), after: nil)
            #expect(listed.items.map(\.journeyVersion) == [2])
            // The caseworker's index of open steps follows the new ids.
            let open = try await restarted.countOpenSteps(journey: "new-in-sweden")
            #expect(Set(open.map(\.step)) == ["application", "keep"])
        }
    }

    @Test("a removed step's timers never fire; a renamed step's fire under its new id at the same moment", arguments: StoreKind.allCases)
    func timersFollowTheMove(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.populate(store)
            try await Self.move(store)
            #expect(try await TimerContractTests.fire(store, at: Moment.day(20)) == ["e-1/application/soon", "e-1/application/due"])
        }
    }
}
