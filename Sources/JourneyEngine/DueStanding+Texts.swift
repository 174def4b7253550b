import Foundation
import JourneyModel

extension DueStanding {
    /// The standing in words, with the day: the guide, `lotsen status` and every other front end say it alike.
    public func text(due: Date, in language: Language) -> String {
        let day = Self.day(of: due)
        return switch (self, language) {
        case (.due, .en): "due by \(day)"
        case (.due, .sv): "senast \(day)"
        case (.soon, .en): "due soon: by \(day)"
        case (.soon, .sv): "snart dags: senast \(day)"
        case (.overdue, .en): "overdue: it was due by \(day)"
        case (.overdue, .sv): "försenat: skulle vara klart senast \(day)"
        }
    }
}
