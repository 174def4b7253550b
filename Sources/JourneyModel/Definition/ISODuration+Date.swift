import Foundation

extension ISODuration {
    /// The moment this long after `date`, counted on the Gregorian calendar in UTC.
    public func date(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: years, month: months, day: days + 7 * weeks, hour: hours, minute: minutes, second: seconds)
        return calendar.date(byAdding: components, to: date) ?? date
    }
}
