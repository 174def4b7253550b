import Foundation
import JourneyModel

/// A reminder that a step is due soon or overdue: an item of the person's news in Lotsen. Made in the transaction
/// that fires the step's timer, once per step and kind.
public struct Reminder: Hashable, Sendable {
    /// What the reminder says about the step.
    public enum Kind: String, Sendable, CaseIterable {
        /// Due within ``TimerKind/soonWindow``.
        case soon
        /// Past its due moment.
        case overdue
    }

    /// Numbered by the store; unique across people, meaningful only with the person.
    public let id: Int64
    public let person: PersonID
    public let enrollment: EnrollmentID
    public let journey: JourneyID
    public let step: StepID
    public let kind: Kind
    /// The step's due moment when the reminder was made.
    public let due: Date
    public let createdAt: Date
    /// When the person (or the guide, showing it) marked it read; `nil` while it is new.
    public var readAt: Date?

    public init(id: Int64, person: PersonID, enrollment: EnrollmentID, journey: JourneyID, step: StepID, kind: Kind, due: Date, createdAt: Date,
        readAt: Date? = nil)
    {
        self.id = id
        self.person = person
        self.enrollment = enrollment
        self.journey = journey
        self.step = step
        self.kind = kind
        self.due = due
        self.createdAt = createdAt
        self.readAt = readAt
    }
}

extension Reminder.Kind {
    /// The reminder a timer fired at `now` makes: a `due` timer an overdue one, a `soon` timer a due-soon one unless
    /// the step is already past due (its overdue reminder says more); none for other timers.
    package init?(firing kind: TimerKind, dueAt: Date, at now: Date) {
        switch kind {
        case .due: self = .overdue
        case .soon where now < dueAt.addingTimeInterval(TimerKind.soonWindow): self = .soon
        case .soon, .agency: return nil
        }
    }

    /// The step's due moment, from the moment its timer was due.
    package func stepDue(timerDueAt: Date) -> Date {
        switch self {
        case .soon: timerDueAt.addingTimeInterval(TimerKind.soonWindow)
        case .overdue: timerDueAt
        }
    }
}
