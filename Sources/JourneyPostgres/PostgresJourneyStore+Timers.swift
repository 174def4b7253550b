import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// Firing due timers on several nodes at once. A node finds due timers by `timer_pending` (due_at, pending rows only),
/// locks their people with `FOR UPDATE SKIP LOCKED` (the people another node is firing for, or a request is changing,
/// are left for the next pass), then takes those people's due timers, again `FOR UPDATE SKIP LOCKED`, and fires them:
/// an event each, the step's reminder, `fired_at` set, one transaction. People before timers, the order every transition locks in, so a
/// node firing and a request changing a due date cannot deadlock; and a timer whose row was fired by another node
/// meanwhile no longer matches `fired_at IS NULL` once locked.
extension PostgresJourneyStore: TimerStore {
    static let dueTimersSQL = """
        SELECT t.enrollment_key, t.step_id, t.kind, t.due_at, e.id, e.person_id FROM timer t JOIN enrollment e ON e.key = t.enrollment_key
        WHERE t.fired_at IS NULL AND t.due_at <= $1 ORDER BY t.due_at, t.enrollment_key, t.step_id LIMIT $2
        """

    public func fireDueTimers(at now: Date, limit: Int) async throws(StorageError) -> [FiredTimer] {
        let limit = max(1, limit)
        return try await write { db in
            var people = Set<String>()
            try await db.each(PostgresQuery(unsafeSQL: Self.dueTimersSQL, binds: Self.binds(now, limit))) { row in
                people.insert(try row.decode((Int64, String, String, Double, String, String).self).5)
            }
            guard !people.isEmpty else { return [] }
            var locked: [String] = []
            try await db.each("SELECT id FROM person WHERE id = ANY(\(people.sorted())) ORDER BY id FOR UPDATE SKIP LOCKED") { row in
                locked.append(try row.decode(String.self))
            }
            guard !locked.isEmpty else { return [] }
            var due: [(key: Int64, person: String, journey: String, timer: FiredTimer)] = []
            try await db.each("""
                SELECT t.enrollment_key, t.step_id, t.kind, t.due_at, e.id, e.person_id, t.journey_id FROM timer t JOIN enrollment e ON e.key = t.enrollment_key
                WHERE t.fired_at IS NULL AND t.due_at <= \(now.storedSeconds) AND e.person_id = ANY(\(locked))
                ORDER BY t.due_at, t.enrollment_key, t.step_id LIMIT \(limit) FOR UPDATE OF t SKIP LOCKED
                """) { row in
                let (key, step, kind, dueAt, enrollment, person, journey) = try row.decode((Int64, String, String, Double, String, String, String).self)
                // A kind this version does not know (a newer Lotsen armed it) is left for that version to fire.
                guard let kind = TimerKind(rawValue: kind) else { return }
                due.append((key, person, journey, FiredTimer(enrollment: EnrollmentID(enrollment), step: StepID(step), kind: kind, dueAt: Date(storedSeconds: dueAt))))
            }
            for (key, person, journey, timer) in due {
                try await db.exec("""
                    INSERT INTO event (enrollment_key, sequence, at, actor, kind, step_id, fact_id, detail)
                    SELECT \(key), coalesce((SELECT max(v.sequence) FROM event v WHERE v.enrollment_key = \(key)), 0) + 1, \(now.storedSeconds),
                        'system', \(JourneyEvent.Kind.timerFired.rawValue), \(timer.step.rawValue), NULL, \(timer.kind.rawValue)
                    """)
                try await db.exec("""
                    UPDATE timer SET fired_at = \(now.storedSeconds)
                    WHERE enrollment_key = \(key) AND step_id = \(timer.step.rawValue) AND kind = \(timer.kind.rawValue)
                    """)
                if let reminder = Reminder.Kind(firing: timer.kind, dueAt: timer.dueAt, at: now) {
                    // The unique key keeps it to one per step and kind, even when a moved deadline fires the timer again.
                    try await db.exec("""
                        INSERT INTO reminder (person_id, enrollment_key, journey_id, step_id, kind, due_at, created_at, delivery, attempts, next_attempt_at)
                        VALUES (\(person), \(key), \(journey), \(timer.step.rawValue), \(reminder.rawValue),
                            \(reminder.stepDue(timerDueAt: timer.dueAt).storedSeconds), \(now.storedSeconds), 'pending', 0, \(now.storedSeconds))
                        ON CONFLICT (enrollment_key, step_id, kind) DO NOTHING
                        """)
                }
            }
            return due.map(\.timer)
        }
    }

    public func explainDueTimers() async throws(StorageError) -> String {
        try await read { db in
            var lines: [String] = []
            try await db.each(PostgresQuery(unsafeSQL: "EXPLAIN " + Self.dueTimersSQL, binds: Self.binds(Date(), 100))) { row in
                lines.append(try row.decode(String.self))
            }
            return lines.joined(separator: "\n")
        }
    }

    private static func binds(_ now: Date, _ limit: Int) -> PostgresBindings {
        var binds = PostgresBindings(capacity: 2)
        binds.append(now.storedSeconds)
        binds.append(limit)
        return binds
    }
}
