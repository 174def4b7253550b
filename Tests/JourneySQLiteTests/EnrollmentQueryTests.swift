import Foundation
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

/// One caseworker filter and the enrollments it must return, in order.
struct QueryCase: Sendable, CustomTestStringConvertible {
    let name: String
    let query: EnrollmentQuery
    let expected: [EnrollmentID]

    var testDescription: String { name }
}

@Suite("Caseworker queries over enrollments")
struct EnrollmentQueryTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    /// Five enrollments, written in an order unrelated to their `updatedAt`:
    ///
    ///   id   person journey          status    ball    updatedAt  registration step
    ///   e-1  p-1    new-in-sweden    active    person  day 1      waitingOnAgency since day 1
    ///   e-2  p-2    new-in-sweden    active    agency  day 5      waitingOnAgency since day 2
    ///   e-3  p-3    new-in-sweden    complete  nobody  day 3      done            since day 2
    ///   e-4  p-1    moving-abroad    active    person  day 2      waitingOnAgency since day 0
    ///   e-5  p-4    new-in-sweden    blocked   person  day 4      rejected        since day 4
    static func populate(_ store: SQLiteJourneyStore) async throws {
        @Sendable func registration(_ progress: StepProgress, _ state: StepState, since day: Int) -> [StepID: StoredStep] {
            ["registration": StoredStep(progress: progress, state: state, since: Moment.day(day)),
             "bank": StoredStep(progress: nil, state: .locked, since: Moment.start)]
        }
        let waiting = StepProgress.waitingOnAgency(caseReference: nil)
        try await store.createEnrolledPerson(
            "p-2", enrollment: .fixture("e-2", person: "p-2", ball: .agency, updatedAt: Moment.day(5), steps: registration(waiting, .waitingOnAgency, since: 2)))
        try await store.createEnrolledPerson(
            "p-4",
            enrollment: .fixture("e-5", person: "p-4", status: .blocked, updatedAt: Moment.day(4), steps: registration(.rejected(reason: nil), .rejected, since: 4)))
        try await store.createEnrolledPerson(
            "p-1", enrollment: .fixture("e-1", person: "p-1", updatedAt: Moment.day(1), steps: registration(waiting, .waitingOnAgency, since: 1)))
        try await store.createEnrolledPerson(
            "p-3",
            enrollment: .fixture("e-3", person: "p-3", status: .complete, ball: .nobody, updatedAt: Moment.day(3), completedAt: Moment.day(3),
                steps: registration(.completed, .done, since: 2)))
        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot.enrollments.append(
                .fixture("e-4", person: "p-1", journey: "moving-abroad", updatedAt: Moment.day(2), steps: registration(waiting, .waitingOnAgency, since: 0)))
            return [JourneyEvent(enrollment: "e-4", at: Moment.start, actor: .person, kind: .enrolled)]
        }
    }

    static let cases: [QueryCase] = [
        QueryCase(name: "no filter: everything, oldest change first", query: EnrollmentQuery(), expected: ["e-1", "e-4", "e-3", "e-5", "e-2"]),
        QueryCase(name: "by journey", query: EnrollmentQuery(journey: "new-in-sweden"), expected: ["e-1", "e-3", "e-5", "e-2"]),
        QueryCase(name: "by another journey", query: EnrollmentQuery(journey: "moving-abroad"), expected: ["e-4"]),
        QueryCase(name: "by a journey nobody is on", query: EnrollmentQuery(journey: "starting-a-business"), expected: []),
        QueryCase(name: "by status", query: EnrollmentQuery(status: .active), expected: ["e-1", "e-4", "e-2"]),
        QueryCase(name: "by status complete", query: EnrollmentQuery(status: .complete), expected: ["e-3"]),
        QueryCase(name: "by journey and status", query: EnrollmentQuery(journey: "new-in-sweden", status: .active), expected: ["e-1", "e-2"]),
        QueryCase(name: "by ball", query: EnrollmentQuery(ball: .person), expected: ["e-1", "e-4", "e-5"]),
        QueryCase(name: "by status and ball", query: EnrollmentQuery(status: .active, ball: .agency), expected: ["e-2"]),
        QueryCase(name: "by person", query: EnrollmentQuery(person: "p-1"), expected: ["e-1", "e-4"]),
        QueryCase(name: "by person and journey", query: EnrollmentQuery(journey: "moving-abroad", person: "p-1"), expected: ["e-4"]),
        QueryCase(
            name: "by journey, step and step state",
            query: EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency), expected: ["e-1", "e-2"]),
        QueryCase(
            name: "by step and step state in every journey",
            query: EnrollmentQuery(step: "registration", stepState: .waitingOnAgency), expected: ["e-1", "e-4", "e-2"]),
        QueryCase(
            name: "by step in any state", query: EnrollmentQuery(journey: "new-in-sweden", step: "registration"),
            expected: ["e-1", "e-3", "e-5", "e-2"]),
        QueryCase(
            name: "by a step state nobody is in",
            query: EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .needsAction), expected: []),
        QueryCase(
            name: "by a step and a status together",
            query: EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency, ball: .agency), expected: ["e-2"]),
        QueryCase(
            name: "unchanged since, on the enrollment", query: EnrollmentQuery(unchangedSince: Moment.day(3)), expected: ["e-1", "e-4"]),
        QueryCase(
            name: "unchanged since, on the enrollment, within a journey",
            query: EnrollmentQuery(journey: "new-in-sweden", unchangedSince: Moment.day(4)), expected: ["e-1", "e-3"]),
        // e-2 changed on day 5, but its registration step has waited since day 2: the step's own time counts.
        QueryCase(
            name: "unchanged since, on the step",
            query: EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency, unchangedSince: Moment.day(3)),
            expected: ["e-1", "e-2"]),
        QueryCase(
            name: "unchanged since, on the step, excludes steps that changed later",
            query: EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency, unchangedSince: Moment.day(2)),
            expected: ["e-1"]),
        QueryCase(name: "by a step state alone, in any step of any journey", query: EnrollmentQuery(stepState: .done), expected: ["e-3"]),
        QueryCase(name: "by a step state alone that no step is in", query: EnrollmentQuery(stepState: .needsAction), expected: []),
        QueryCase(name: "limit", query: EnrollmentQuery(limit: 2), expected: ["e-1", "e-4"]),
        QueryCase(name: "limit with a filter", query: EnrollmentQuery(journey: "new-in-sweden", limit: 3), expected: ["e-1", "e-3", "e-5"]),
        QueryCase(name: "by a person with no enrollments", query: EnrollmentQuery(person: "p-unknown"), expected: []),
    ]

    @Test("filters return the matching enrollments ordered by their last change", arguments: cases)
    func filters(_ testCase: QueryCase) async throws {
        let store = try database.open()
        try await Self.populate(store)

        let found = try await store.enrollments(matching: testCase.query)

        #expect(found.map(\.id) == testCase.expected)
    }

    @Test("queried enrollments are complete, with their steps, and equal to a direct read")
    func queriedEnrollmentsAreComplete() async throws {
        let store = try database.open()
        try await Self.populate(store)

        let found = try await store.enrollments(matching: EnrollmentQuery(person: "p-1"))

        #expect(found.count == 2)
        for enrollment in found {
            await #expect(try store.enrollment(id: enrollment.id) == enrollment)
            #expect(enrollment.steps.count == 2)
        }
    }

    @Test("enrollments changed at the same moment are ordered by id, so pages are stable")
    func tiesAreOrderedById() async throws {
        let store = try database.open()
        for id in ["c", "a", "b"] {
            try await store.createEnrolledPerson(PersonID("p-\(id)"), enrollment: .fixture(EnrollmentID("e-\(id)"), person: PersonID("p-\(id)"), updatedAt: Moment.day(1)))
        }

        await #expect(try store.enrollments(matching: EnrollmentQuery()).map(\.id) == ["e-a", "e-b", "e-c"])
    }

    @Test("a later change moves an enrollment to the end of the order")
    func orderFollowsUpdates() async throws {
        let store = try database.open()
        try await Self.populate(store)

        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot[enrollment: "e-1"]?.updatedAt = Moment.day(9)
            snapshot[enrollment: "e-1"]?.revision += 1
            return []
        }

        await #expect(try store.enrollments(matching: EnrollmentQuery()).map(\.id) == ["e-4", "e-3", "e-5", "e-2", "e-1"])
        await #expect(try store.enrollments(matching: EnrollmentQuery(unchangedSince: Moment.day(3))).map(\.id) == ["e-4"])
    }

    @Test("a step state change is visible to the next step query")
    func stepChangesAreQueryable() async throws {
        let store = try database.open()
        try await Self.populate(store)
        let waiting = EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .waitingOnAgency)

        _ = try await store.transact(person: "p-2") { snapshot in
            snapshot[enrollment: "e-2"]?.steps["registration"] = StoredStep(progress: .needsAction(message: nil), state: .needsAction,
                since: Moment.day(6))
            return []
        }

        await #expect(try store.enrollments(matching: waiting).map(\.id) == ["e-1"])
        let needsAction = EnrollmentQuery(journey: "new-in-sweden", step: "registration", stepState: .needsAction)
        await #expect(try store.enrollments(matching: needsAction).map(\.id) == ["e-2"])
    }
}
