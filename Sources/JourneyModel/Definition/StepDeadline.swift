import Foundation

/// When a step is due: within a duration of an anchor (`due: { within: P3M, from: birthDate }`).
public struct StepDeadline: Hashable, Sendable {
    /// What the duration counts from.
    public enum Anchor: Hashable, Sendable, CustomStringConvertible {
        /// The moment the enrollment started (`from: start`).
        case start
        /// The moment another step was done (`from: <step id>`).
        case step(StepID)
        /// A date fact, such as a birth or an arrival date, from the end of that day in UTC (`from: <fact id>`).
        case fact(FactID)

        public var description: String {
            switch self {
            case .start: "start"
            case .step(let step): step.rawValue
            case .fact(let fact): fact.rawValue
            }
        }
    }

    public let within: ISODuration
    public let anchor: Anchor

    public init(within: ISODuration, anchor: Anchor) {
        self.within = within
        self.anchor = anchor
    }

    /// The due moment for an anchor that fell at `moment`.
    public func due(after moment: Date) -> Date { within.date(after: moment) }

    /// The due moment for a date anchor: counted from the end of that day in UTC, so "within three months of a birth
    /// on 30 November" runs to the end of 28 February (the moment 1 March begins).
    public func due(after date: CalendarDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)),
            let end = calendar.date(byAdding: .day, value: 1, to: start)
        else { return nil }
        return due(after: end)
    }
}
