import Foundation
import JourneyStore

/// How a step stands against its due moment at some moment: every front end says it the same way.
public enum DueStanding: String, Sendable, CaseIterable {
    /// Due later than ``soonWindow`` from now.
    case due
    /// Due within ``soonWindow``.
    case soon
    /// Past its due moment.
    case overdue

    /// How close a due moment must be to count as due soon: a week, time enough to act on a reminder.
    public static let soonWindow: TimeInterval = TimerKind.soonWindow

    /// The standing of a step due at `due`, at `now`; `nil` for a step without a due moment.
    public init?(due: Date?, now: Date) {
        guard let due else { return nil }
        if due <= now {
            self = .overdue
        } else if due.timeIntervalSince(now) <= Self.soonWindow {
            self = .soon
        } else {
            self = .due
        }
    }

    /// The last day a step due at `due` can be done on, `YYYY-MM-DD` in UTC (the calendar deadlines are counted on):
    /// the day the moment falls in, or the day before when it is the very start of a day (a deadline counted from a date).
    public static func day(of due: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: due.addingTimeInterval(-1))
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

extension JourneyEngine {
    /// The engine's clock, so front ends judge due dates at the same moment the engine works them out.
    public var now: Date { clock() }
}
