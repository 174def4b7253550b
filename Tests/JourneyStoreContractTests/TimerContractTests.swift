import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: durable timers fire once, from an index")
struct TimerContractTests {
    /// Timers fired at `now`, as "enrollment/step/kind", in the order fired.
    static func fire(_ store: any ContractStore, at now: Date, limit: Int = 100) async throws -> [String] {
        try await store.fireDueTimers(at: now, limit: limit).map { "\($0.enrollment)/\($0.step)/\($0.kind)" }
    }

    @Test("a due timer fires once with an event in its history; a second pass, a restart and a later moment fire it no more", arguments: StoreKind.allCases)
    func firesOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await DeadlineContractTests.populate(store)
            // Each due step has a second timer a week before its deadline: the due-soon reminder's.
            #expect(try await Self.fire(store, at: Moment.day(1)) == ["e-3/registration/soon", "e-2/bank/soon", "e-2/registration/soon"])
            #expect(try await Self.fire(store, at: Moment.day(6), limit: 2) == ["e-1/registration/soon", "e-3/registration/due"])
            #expect(try await Self.fire(store, at: Moment.day(6)) == ["e-2/bank/due", "e-2/registration/due"])
            #expect(try await Self.fire(store, at: Moment.day(6)) == [])
            let restarted = try await database.open()
            #expect(try await Self.fire(restarted, at: Moment.day(8)) == [])
            #expect(try await Self.fire(restarted, at: Moment.day(9)) == ["e-1/registration/due"])

            let history = try await restarted.events(enrollment: "e-2").filter { $0.kind == .timerFired && $0.detail == "due" }
            #expect(history.map(\.step) == ["bank", "registration"])
            #expect(history.allSatisfy { $0.actor == .system && $0.at == Moment.day(6) })
            // A fired step stays listed as overdue: firing records that the moment passed, it settles nothing.
            #expect(try await DeadlineContractTests.allPages(restarted, EnrollmentQuery(journey: "new-in-sweden", due: .overdue(at: Moment.day(10)))).count == 4)
        }
    }

    @Test("a due date that moves after its timer fired arms it again, and it fires at the new moment", arguments: StoreKind.allCases)
    func movedDueDateFiresAgain(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await DeadlineContractTests.populate(store)
            #expect(try await Self.fire(store, at: Moment.day(3)).filter { $0.hasSuffix("/due") } == ["e-3/registration/due"])
            _ = try await store.transact(person: "p-3") { snapshot in
                snapshot.enrollments[0].steps["registration"]?.due = Moment.day(7)
                snapshot.enrollments[0].revision += 1
                return []
            }
            // The due-soon timer moved with the deadline, to a moment already past.
            #expect(try await Self.fire(store, at: Moment.day(4)) == ["e-3/registration/soon"])
            #expect(try await Self.fire(store, at: Moment.day(7)).contains("e-3/registration/due"))
        }
    }

    @Test("two nodes firing the same due timers at the same moment fire each exactly once and make each reminder once", arguments: StoreKind.allCases)
    func twoNodesFireEachOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            for index in 0..<60 {
                let due = Moment.day(1).addingTimeInterval(Double(index))
                try await store.newEnrolledPerson(PersonID("p-\(index)"), enrollment: .fixture(EnrollmentID("e-\(index)"), person: PersonID("p-\(index)"),
                    steps: ["registration": StoredStep(progress: nil, state: .available, since: Moment.start, due: due),
                            "bank": StoredStep(progress: nil, state: .available, since: Moment.start, due: due)]))
            }
            let other = try await database.open()
            let fired = try await withThrowingTaskGroup(of: [String].self) { group in
                for node in [store, other] {
                    group.addTask {
                        var all: [String] = []
                        while true {
                            let batch = try await Self.fire(node, at: Moment.day(2), limit: 7)
                            if batch.isEmpty { break }
                            all += batch
                        }
                        return all
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            // Two steps each of 60 people, each step with a due and a due-soon timer.
            #expect(fired.count == 240)
            #expect(Set(fired).count == 240)
            #expect(try await database.number("SELECT CAST(count(*) AS double precision) FROM event WHERE kind = 'timerFired'") == 240)
            // Every step is overdue by then: one overdue reminder each, and no due-soon one.
            #expect(try await database.count("reminder") == 120)
            #expect(try await store.reminders(of: "p-7").map(\.kind) == [.overdue, .overdue])
        }
    }

    @Test("with 100,000 enrollments and their timers, finding due timers reads the index of pending timers", arguments: StoreKind.allCases)
    func dueTimersAreFoundByIndex(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            // One statement at a time: PostgreSQL takes one per query.
            for statement in Self.bulkInsert(kind).split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                try await database.execute(String(statement))
            }
            let plan = try await store.explainDueTimers()
            switch kind {
            case .sqlite:
                #expect(plan.contains("USING INDEX timer_pending (dueAt<?)"), "\(plan)")
            case .postgres:
                #expect(plan.contains("timer_pending"), "\(plan)")
                #expect(!plan.contains("Seq Scan on timer"), "\(plan)")
            }
            #expect(try await Self.fire(store, at: Moment.start.addingTimeInterval(10), limit: 1000).count == 11)
        }
    }

    /// 100,000 people, each with an enrollment and a timer due one second after the other (from `Moment.start`),
    /// the last 50,000 already fired; in plain SQL, so it takes seconds. Both are analysed, as autovacuum or an operator would.
    static func bulkInsert(_ kind: StoreKind) -> String {
        let start = Moment.start.timeIntervalSinceReferenceDate
        switch kind {
        case .sqlite:
            return """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
                INSERT INTO person (id, createdAt) SELECT 'p-' || i, \(start) FROM n;
                INSERT INTO enrollment (id, personId, journeyId, journeyVersion, status, ball, revision, createdAt, updatedAt, updatedDay, steps)
                    SELECT 'e-' || substr(id, 3), id, 'new-in-sweden', 1, 'active', 'person', 1, \(start), \(start), 0, '{}' FROM person;
                INSERT INTO timer (enrollmentKey, stepId, kind, journeyId, dueAt, firedAt)
                    SELECT key, 'registration', 'due', 'new-in-sweden', \(start) + key - 1,
                        CASE WHEN key > 50000 THEN \(start) END FROM enrollment;
                ANALYZE;
                """
        case .postgres:
            return """
                INSERT INTO person (id, created_at) SELECT 'p-' || i, \(start) FROM generate_series(0, 99999) AS i;
                INSERT INTO enrollment (id, person_id, journey_id, journey_version, status, ball, revision, created_at, updated_at, updated_day, steps)
                    SELECT 'e-' || substr(id, 3), id, 'new-in-sweden', 1, 'active', 'person', 1, \(start), \(start), 0, '{}' FROM person ORDER BY id;
                INSERT INTO timer (enrollment_key, step_id, kind, journey_id, due_at, fired_at)
                    SELECT key, 'registration', 'due', 'new-in-sweden', \(start) + key - 1,
                        CASE WHEN key > 50000 THEN \(start) END FROM enrollment;
                ANALYZE person; ANALYZE enrollment; ANALYZE timer;
                """
        }
    }
}
