import Foundation
import GRDB
import JourneyModel
import JourneyStore

/// Firing due timers: one write transaction finds them by `timer_pending` (dueAt, pending rows only), appends each
/// one's event, makes its reminder and marks it fired. SQLite has one writer at a time, so two processes on one file never fire a timer
/// twice: the second finds it fired.
extension SQLiteJourneyStore: TimerStore {
    static let dueTimersSQL = """
        SELECT t.enrollmentKey, t.stepId, t.kind, t.dueAt, e.id, e.personId, t.journeyId FROM timer t JOIN enrollment e ON e.key = t.enrollmentKey
        WHERE t.firedAt IS NULL AND t.dueAt <= ? ORDER BY t.dueAt, t.enrollmentKey, t.stepId LIMIT ?
        """

    public func fireDueTimers(at now: Date, limit: Int) async throws(StorageError) -> [FiredTimer] {
        try await write { db in
            var due: [(key: Int64, person: String, journey: String, timer: FiredTimer)] = []
            try db.eachRow(Self.dueTimersSQL, bind: { bind in
                bind.real(now.storedSeconds)
                bind.integer(max(1, limit))
            }) { row in
                // A kind this version does not know (a newer Lotsen armed it) is left for that version to fire.
                guard let kind = TimerKind(rawValue: row.string(2)) else { return }
                let timer = FiredTimer(enrollment: EnrollmentID(row.string(4)), step: StepID(row.string(1)), kind: kind, dueAt: Date(storedSeconds: row.real(3)))
                due.append((Int64(row.integer(0)), row.string(5), row.string(6), timer))
            }
            for (key, person, journey, timer) in due {
                try db.run("""
                    INSERT INTO event (enrollmentKey, sequence, at, actor, kind, stepId, factId, detail)
                    VALUES (?1, coalesce((SELECT max(sequence) FROM event WHERE enrollmentKey = ?1), 0) + 1, ?2, 'system', ?3, ?4, NULL, ?5)
                    """) { bind in
                    bind.integer(key)
                    bind.real(now.storedSeconds)
                    bind.text(JourneyEvent.Kind.timerFired.rawValue)
                    bind.text(timer.step.rawValue)
                    bind.text(timer.kind.rawValue)
                }
                try db.run("UPDATE timer SET firedAt = ? WHERE enrollmentKey = ? AND stepId = ? AND kind = ?") { bind in
                    bind.real(now.storedSeconds)
                    bind.integer(key)
                    bind.text(timer.step.rawValue)
                    bind.text(timer.kind.rawValue)
                }
                if let reminder = Reminder.Kind(firing: timer.kind, dueAt: timer.dueAt, at: now) {
                    // The unique key keeps it to one per step and kind, even when a moved deadline fires the timer again.
                    try db.run("""
                        INSERT INTO reminder (personId, enrollmentKey, journeyId, stepId, kind, dueAt, createdAt, delivery, attempts, nextAttemptAt)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', 0, ?7)
                        ON CONFLICT (enrollmentKey, stepId, kind) DO NOTHING
                        """) { bind in
                        bind.text(person)
                        bind.integer(key)
                        bind.text(journey)
                        bind.text(timer.step.rawValue)
                        bind.text(reminder.rawValue)
                        bind.real(reminder.stepDue(timerDueAt: timer.dueAt).storedSeconds)
                        bind.real(now.storedSeconds)
                    }
                }
            }
            return due.map(\.timer)
        }
    }

    public func explainDueTimers() async throws(StorageError) -> String {
        try await read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Self.dueTimersSQL, arguments: [0.0, 1]).map { $0["detail"] as String }.joined(separator: "\n")
        }
    }
}
