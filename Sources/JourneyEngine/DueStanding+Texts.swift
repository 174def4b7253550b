import Foundation
import JourneyModel
import JourneyStore

extension DueStanding {
    /// The standing in words, with the day: the guide, `lotsen status` and every other front end say it alike.
    public func text(due: Date, in language: Language) -> String {
        let day = Self.day(of: due)
        return switch (self, language.authored) {
        case (.due, .en): "due by \(day)"
        case (.due, .sv): "senast \(day)"
        case (.soon, .en): "due soon: by \(day)"
        case (.soon, .sv): "snart dags: senast \(day)"
        case (.overdue, .en): "overdue: it was due by \(day)"
        case (.overdue, .sv): "försenat: skulle vara klart senast \(day)"
        }
    }
}

/// A case an agency has had longer than its expected processing time, told to the person plainly.
public enum AgencyDelay {
    /// Whether a step waiting on the agency is past its expected answer at `now`.
    public static func isOverdue(_ step: StoredStep?, now: Date) -> Bool {
        guard let step, step.state == .waitingOnAgency, let expected = step.expectedBy else { return false }
        return expected <= now
    }

    /// "The agency has had this longer than it usually takes (about 4 months). …"
    public static func text(usually processingTime: ISODuration, in language: Language) -> String {
        let usually = processingTime.humanReadable(in: language)
        return switch language.authored {
        case .en: "The agency has had this longer than it usually takes (about \(usually)). You can ask them how it is going."
        case .sv: "Myndigheten har haft ärendet längre än det brukar ta (ungefär \(usually)). Du kan fråga dem hur det går."
        }
    }
}
