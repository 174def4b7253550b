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

    /// A short human reading such as "3 months" or "3 månader": the largest unit only, since agencies give estimates.
    public func humanReadable(in language: Language) -> String {
        let units: [(Int, String, String, String, String)] = [
            (years, "år", "år", "year", "years"),
            (months, "månad", "månader", "month", "months"),
            (weeks, "vecka", "veckor", "week", "weeks"),
            (days, "dag", "dagar", "day", "days"),
            (hours, "timme", "timmar", "hour", "hours"),
            (minutes, "minut", "minuter", "minute", "minutes"),
            (seconds, "sekund", "sekunder", "second", "seconds"),
        ]
        let parts = units.filter { $0.0 > 0 }.prefix(2).map { amount, svOne, svMany, enOne, enMany in
            switch language.authored {
            case .sv: "\(amount) \(amount == 1 ? svOne : svMany)"
            case .en: "\(amount) \(amount == 1 ? enOne : enMany)"
            }
        }
        return parts.joined(separator: language == .sv ? " och " : " and ")
    }
}
