import JourneyEngine
import JourneyModel

/// What a change did to the plan, told as notices: steps that became needed, that are no longer needed, and that
/// can be done now. Groups are left out, since their alternatives say it more precisely.
struct PlanChange {
    let before: JourneyPlan
    let after: JourneyPlan
    let journey: Journey
    let strings: GuideStrings

    var notices: [Line] {
        let steps = journey.steps.filter { !$0.isGroup }
        func titles(_ changed: (StepState, StepState) -> Bool) -> [String] {
            steps.compactMap { step in
                guard let old = before.status(of: step.id)?.state, let new = after.status(of: step.id)?.state, changed(old, new) else { return nil }
                return strings.text(step.title)
            }
        }
        let needed = titles { $0 == .notApplicable && $1 != .notApplicable }
        let dropped = titles { $0 != .notApplicable && $1 == .notApplicable }
        let available = titles { $0 != .available && $1 == .available }.filter { !needed.contains($0) }
        var lines: [Line] = []
        if !needed.isEmpty { lines.append(Line(strings.nowNeeded(needed), style: .highlight)) }
        if !dropped.isEmpty { lines.append(Line(strings.noLongerNeeded(dropped))) }
        if !available.isEmpty { lines.append(Line(strings.nowAvailable(available), style: .highlight)) }
        return lines
    }
}
