import Foundation

extension Date {
    /// How a moment is stored: seconds since 2001-01-01 UTC as a REAL. It is the very `Double` a `Date`
    /// holds, so a moment reads back bit for bit (seconds since 1970 would round sub-microsecond digits).
    package var storedSeconds: Double { timeIntervalSinceReferenceDate }

    /// The UTC day of the moment, counted from 2001-01-01, for indexes that only need day precision.
    package var storedDay: Int64 { Int64((timeIntervalSinceReferenceDate / 86_400).rounded(.down)) }

    package init(storedSeconds: Double) { self.init(timeIntervalSinceReferenceDate: storedSeconds) }
}
