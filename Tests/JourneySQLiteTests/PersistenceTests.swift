import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("Persistence across closing and reopening the file")
struct PersistenceTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    @Test("everything written reads back identically after the store is closed and the file reopened")
    func everythingSurvivesReopening() async throws {
        let number = try TestIdentity.personnummer()
        var written: [PersonID: PersonSnapshot] = [:]
        var history: [EnrollmentID: [JourneyEvent]] = [:]
        var enrollments: [EnrollmentID: StoredEnrollment?] = [:]

        do {
            let store = try database.open()
            try await store.createEnrolledPerson(
                "p-1", identity: number,
                enrollment: .fixture(
                    "e-1", person: "p-1", version: 2,
                    steps: [
                        "registration": StoredStep(progress: nil, state: .available, since: Moment.start),
                        "bank": StoredStep(progress: nil, state: .locked, since: Moment.start),
                    ]))
            written["p-1"] = try await store.transact(person: "p-1") { snapshot in
                snapshot.facts = try TransactTests.factsOfEveryKind()
                snapshot.enrollments[0].steps["registration"] = StoredStep(
                    progress: .waitingOnAgency(caseReference: "SKV-2026-42"), state: .waitingOnAgency, since: Moment.day(3))
                snapshot.enrollments[0].ball = .agency
                snapshot.enrollments[0].revision = 2
                snapshot.enrollments[0].updatedAt = Moment.day(3)
                snapshot.enrollments.append(
                    .fixture("e-2", person: "p-1", journey: "having-a-baby", status: .complete, ball: .nobody, createdAt: Moment.day(2),
                        updatedAt: Moment.day(4), completedAt: Moment.day(4),
                        steps: ["child-allowance": StoredStep(progress: .completed, state: .done, since: Moment.day(4))]))
                return [
                    JourneyEvent(enrollment: "e-1", at: Moment.day(3), actor: .person, kind: .stepProgressed, step: "registration",
                        detail: "waitingOnAgency"),
                    JourneyEvent(enrollment: "e-2", at: Moment.day(2), actor: .person, kind: .enrolled),
                    JourneyEvent(enrollment: "e-2", at: Moment.day(4), actor: .agency, kind: .stepProgressed, step: "child-allowance",
                        detail: "completed"),
                ]
            }
            try await store.createEnrolledPerson(
                "p-2",
                enrollment: .fixture(
                    "e-3", person: "p-2", status: .blocked, ball: .person,
                    steps: ["residence-permit": StoredStep(progress: .rejected(reason: "Ofullständig"), state: .rejected, since: Moment.day(1))]))
            written["p-2"] = try await store.snapshot(person: "p-2")
            _ = try await store.pinDefinition(journey: "new-in-sweden", version: 2, source: "id: new-in-sweden\nversion: 2\n")
            for id: EnrollmentID in ["e-1", "e-2", "e-3"] {
                history[id] = try await store.events(enrollment: id)
                enrollments[id] = try await store.enrollment(id: id)
            }
        }

        let reopened = try database.open()

        for (person, snapshot) in written {
            await #expect(try reopened.snapshot(person: person) == snapshot, "person \(person)")
        }
        for (id, events) in history {
            await #expect(try reopened.events(enrollment: id) == events, "history of \(id)")
        }
        for (id, enrollment) in enrollments {
            await #expect(try reopened.enrollment(id: id) == enrollment, "enrollment \(id)")
        }
        await #expect(try reopened.person(identity: number) == written["p-1"]?.person)
        await #expect(try reopened.definitionSource(journey: "new-in-sweden", version: 2) == "id: new-in-sweden\nversion: 2\n")
        await #expect(try reopened.enrollments(matching: EnrollmentQuery()).map(\.id) == ["e-3", "e-1", "e-2"])
        #expect(history["e-1"]?.count == 2)
        #expect(history["e-2"]?.count == 2)
    }

    @Test("the snapshot transact returns equals the one read back later")
    func returnedSnapshotEqualsStoredSnapshot() async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)

        let returned = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts["arrivalDate"] = KnownFact(value: .date(CalendarDate(year: 2026, month: 1, day: 15)!), source: .person,
                recordedAt: Moment.day(1))
            snapshot.enrollments.append(.fixture("e-1", person: "p-1", createdAt: Moment.day(1)))
            return [JourneyEvent(enrollment: "e-1", at: Moment.day(1), actor: .person, kind: .enrolled)]
        }

        await #expect(try store.snapshot(person: "p-1") == returned)
        await #expect(try database.open().snapshot(person: "p-1") == returned)
    }

    /// The engine stamps transitions with `Date()`, which has sub-second precision. The snapshot a
    /// transition returns must equal what is read back, or comparisons between the two (and any
    /// "changed since" logic built on them) go wrong.
    @Test("timestamps with sub-second precision read back exactly as written")
    func subSecondTimestampsRoundTrip() async throws {
        let store = try database.open()
        // Ordinary instants in 2026 as a real clock gives them, with fractional seconds.
        let moments = (0..<6).map { Date(timeIntervalSinceReferenceDate: 788_918_400.1 + Double($0) * 3_600.123_456_789) }
        _ = try await store.createPerson(id: "p-1", identity: nil, at: moments[0])

        let returned = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: moments[1], validUntil: moments[2])
            snapshot.enrollments.append(
                .fixture("e-1", person: "p-1", createdAt: moments[1], updatedAt: moments[2], completedAt: moments[3],
                    steps: ["registration": StoredStep(progress: nil, state: .available, since: moments[4])]))
            return [JourneyEvent(enrollment: "e-1", at: moments[5], actor: .person, kind: .enrolled)]
        }
        let read = try await #require(try store.snapshot(person: "p-1"))
        let event = try await #require(try store.events(enrollment: "e-1").first)
        let enrollment = try #require(read.enrollments.first)
        let step = try #require(enrollment.steps["registration"])

        // Each timestamp the store keeps, as read back, next to what was written.
        let pairs: [(String, Date?, Date?)] = [
            ("person.createdAt", read.person.createdAt, moments[0]),
            ("fact.recordedAt", read.facts["longStay"]?.recordedAt, moments[1]),
            ("fact.validUntil", read.facts["longStay"]?.validUntil, moments[2]),
            ("enrollment.createdAt", enrollment.createdAt, moments[1]),
            ("enrollment.updatedAt", enrollment.updatedAt, moments[2]),
            ("enrollment.completedAt", enrollment.completedAt, moments[3]),
            ("step.since", step.since, moments[4]),
            ("event.at", event.at, moments[5]),
        ]
        let drifted = pairs.filter { $0.1 != $0.2 }.map { name, read, written in
            "\(name) off by \(((read?.timeIntervalSinceReferenceDate ?? 0) - (written?.timeIntervalSinceReferenceDate ?? 0)) * 1e9) ns"
        }
        #expect(drifted == [])
        let identical = read == returned
        #expect(identical, "the snapshot transact returned differs from the one read back")
    }

    @Test("every moment is stored as a REAL of seconds since 2001-01-01 UTC, the schema's documented form")
    func momentsAreStoredAsReferenceDateSeconds() async throws {
        let store = try database.open()
        let moment = Date(timeIntervalSinceReferenceDate: 788_918_400.123_456)
        _ = try await store.createPerson(id: "p-1", identity: nil, at: moment)
        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts["longStay"] = KnownFact(value: .bool(true), source: .person, recordedAt: moment, validUntil: moment)
            snapshot.enrollments.append(
                .fixture("e-1", person: "p-1", createdAt: moment, completedAt: moment,
                    steps: ["registration": StoredStep(progress: nil, state: .available, since: moment)]))
            return [JourneyEvent(enrollment: "e-1", at: moment, actor: .person, kind: .enrolled)]
        }

        let columns = [
            ("person", "createdAt"), ("fact", "recordedAt"), ("fact", "validUntil"), ("enrollment", "createdAt"), ("enrollment", "updatedAt"),
            // A step's since is also kept in the steps column as text that reads back bit for bit (see above).
            ("enrollment", "completedAt"), ("open_step", "since"), ("event", "at"),
        ]
        for (table, column) in columns {
            let (type, value) = try await store.pool.read { db in
                let row = try #require(try Row.fetchOne(db, sql: "SELECT typeof(\(column)) AS type, \(column) AS value FROM \(table)"))
                return (row["type"] as String, row["value"] as Double?)
            }
            #expect(type == "real", "\(table).\(column)")
            #expect(value == moment.timeIntervalSinceReferenceDate, "\(table).\(column)")
        }
    }

    /// Adapters hand over agency answers as they come; a text value with a trailing newline, or an
    /// empty one, must be stored and read back as it was, and must never make the person unreadable.
    @Test("text facts read back unchanged, including surrounding whitespace and the empty text", arguments: [
        TextCase("two lines", "Testgatan 1\n123 45 Teststad"), TextCase("a trailing newline", "Testgatan 1\n"),
        TextCase("leading spaces", "  indented"), TextCase("the empty text", ""), TextCase("only spaces", "   "),
    ])
    func textFactsRoundTripVerbatim(_ text: TextCase) async throws {
        let store = try database.open()
        _ = try await store.createPerson(id: "p-1", identity: nil, at: Moment.start)
        let fact = KnownFact(value: .text(text.value), source: .agency("skatteverket.address"), recordedAt: Moment.day(1))

        _ = try await store.transact(person: "p-1") { snapshot in
            snapshot.facts["address"] = fact
            return []
        }

        await #expect(try store.snapshot(person: "p-1")?.facts["address"] == fact)
        // And the person can still go through transitions.
        await #expect(throws: Never.self) { try await store.transact(person: "p-1") { _ in [] } }
    }
}

/// A text value with a readable name for the test report.
struct TextCase: Sendable, CustomTestStringConvertible {
    let name: String
    let value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    var testDescription: String { name }
}
