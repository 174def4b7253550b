import Foundation
import JourneyModel

/// What a timer waits for. Each is a moment stored with a step; the store keeps one `timer` row per step and kind
/// while that moment is set.
public enum TimerKind: String, CaseIterable, Sendable, Codable {
    /// The step's deadline (``StoredStep/due``): firing it makes the step's overdue reminder.
    case due
    /// ``soonWindow`` before the step's deadline: firing it makes the step's due-soon reminder.
    case soon
    /// The end of the agency's expected processing time for a case (``StoredStep/expectedBy``).
    case agency

    /// The moment of this kind on a stored step.
    public func moment(of step: StoredStep) -> Date? {
        switch self {
        case .due: step.due
        case .soon: step.due?.addingTimeInterval(-Self.soonWindow)
        case .agency: step.expectedBy
        }
    }

    /// How close a due moment must be to count as due soon: a week, time enough to act on a reminder.
    public static let soonWindow: TimeInterval = 7 * 86_400

    /// A timer to (re)arm at `moment`, or to disarm when it is `nil`.
    package struct Change: Hashable, Sendable {
        package let step: StepID
        package let kind: TimerKind
        package let moment: Date?
    }

    /// The timers an enrollment's write changes: each step and kind whose moment differs from before, and those of a
    /// step that is gone (a move to a newer version removed or renamed it), which must never fire.
    package static func changes(from old: StoredEnrollment?, to new: StoredEnrollment) -> [Change] {
        var changes: [Change] = []
        for (step, stored) in new.steps {
            let before = old?.steps[step]
            for kind in allCases {
                let moment = kind.moment(of: stored)
                if moment != before.flatMap(kind.moment(of:)) { changes.append(Change(step: step, kind: kind, moment: moment)) }
            }
        }
        if let old, old.journeyVersion != new.journeyVersion {
            for (step, stored) in old.steps where new.steps[step] == nil {
                for kind in allCases where kind.moment(of: stored) != nil { changes.append(Change(step: step, kind: kind, moment: nil)) }
            }
        }
        return changes
    }
}
