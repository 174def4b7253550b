import Foundation
import JourneyModel

/// A timer that fired: whose step, which kind, and the moment it was due.
public struct FiredTimer: Hashable, Sendable {
    public let enrollment: EnrollmentID
    public let step: StepID
    public let kind: TimerKind
    public let dueAt: Date

    public init(enrollment: EnrollmentID, step: StepID, kind: TimerKind, dueAt: Date) {
        self.enrollment = enrollment
        self.step = step
        self.kind = kind
        self.dueAt = dueAt
    }
}

/// The durable timers kept with the steps (``TimerKind``): found by the index on their moment, never by looking at
/// enrollments one by one.
public protocol TimerStore: Sendable {
    /// Fires at most `limit` pending timers due at or before `now`, soonest first, in one transaction: each gets a
    /// `timerFired` event in its enrollment's history, makes the step's reminder if the timer calls for one
    /// (``Reminder/Kind/init(firing:dueAt:at:)``; at most one per step and kind, ever) and is marked fired, or nothing is
    /// written. A timer fires once,
    /// however many processes or nodes ask at the same moment; on PostgreSQL nodes skip the people another node is
    /// firing for (`FOR UPDATE SKIP LOCKED`) instead of waiting.
    func fireDueTimers(at now: Date, limit: Int) async throws(StorageError) -> [FiredTimer]

    /// The query that finds due timers, as the store's planner explains it (`EXPLAIN QUERY PLAN` on SQLite,
    /// `EXPLAIN` on PostgreSQL): so a test can check it reads the index rather than the table.
    func explainDueTimers() async throws(StorageError) -> String
}
