/// An ISO 8601 duration such as `P3M` or `P1DT12H`, used for an agency's expected processing time.
public struct ISODuration: Hashable, Sendable, CustomStringConvertible {
    public var years = 0
    public var months = 0
    public var weeks = 0
    public var days = 0
    public var hours = 0
    public var minutes = 0
    public var seconds = 0

    /// The text as written in the journey file.
    public let description: String

    /// Parses `PnYnMnWnDTnHnMnS` (integer amounts); `nil` for anything else, including a bare `P`.
    public init?(_ text: String) {
        description = text
        var rest = Substring(text)
        guard rest.first == "P", rest.count > 1 else { return nil }
        rest = rest.dropFirst()
        var inTime = false
        var seenAny = false
        var lastOrder = -1
        while !rest.isEmpty {
            if rest.first == "T" {
                guard !inTime else { return nil }
                inTime = true
                rest = rest.dropFirst()
                guard !rest.isEmpty else { return nil }
                continue
            }
            let digits = rest.prefix { $0.isASCIIDigit }
            guard !digits.isEmpty, let amount = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let designator = rest.first else { return nil }
            rest = rest.dropFirst()
            // Each designator may appear once, in order: Y M W D, then after T: H M S.
            let order: Int
            switch (inTime, designator) {
            case (false, "Y"): order = 0; years = amount
            case (false, "M"): order = 1; months = amount
            case (false, "W"): order = 2; weeks = amount
            case (false, "D"): order = 3; days = amount
            case (true, "H"): order = 4; hours = amount
            case (true, "M"): order = 5; minutes = amount
            case (true, "S"): order = 6; seconds = amount
            default: return nil
            }
            guard order > lastOrder else { return nil }
            lastOrder = order
            seenAny = true
        }
        guard seenAny else { return nil }
    }

    /// A unit of a duration, largest first.
    public enum Unit: Sendable, CaseIterable {
        case year, month, week, day, hour, minute, second
    }

    /// The duration's largest `count` parts that are not zero, largest first: what a reader is told of an estimate.
    public func largestParts(_ count: Int = 2) -> [(amount: Int, unit: Unit)] {
        let parts: [(amount: Int, unit: Unit)] = [
            (years, .year), (months, .month), (weeks, .week), (days, .day), (hours, .hour), (minutes, .minute), (seconds, .second),
        ]
        return Array(parts.filter { $0.amount > 0 }.prefix(count))
    }

    /// A short human reading such as "3 months" or "1 year and 2 months": the largest two parts (``largestParts(_:)``),
    /// since agencies give estimates.
    public func humanReadable(in language: Language) -> String {
        let parts = largestParts().map { amount, unit in
            let (svOne, svMany, enOne, enMany) = switch unit {
            case .year: ("år", "år", "year", "years")
            case .month: ("månad", "månader", "month", "months")
            case .week: ("vecka", "veckor", "week", "weeks")
            case .day: ("dag", "dagar", "day", "days")
            case .hour: ("timme", "timmar", "hour", "hours")
            case .minute: ("minut", "minuter", "minute", "minutes")
            case .second: ("sekund", "sekunder", "second", "seconds")
            }
            return switch language.authored {
            case .sv: "\(amount) \(amount == 1 ? svOne : svMany)"
            case .en: "\(amount) \(amount == 1 ? enOne : enMany)"
            }
        }
        return parts.joined(separator: language == .sv ? " och " : " and ")
    }
}
