import Foundation
import JourneyModel
import JourneyStore

/// Works out each step's due moment from its journey's `due` and what is stored: the enrollment's start, the moment
/// an anchor step was done, or a date fact. Runs after the step states are settled, so an anchor done in this very
/// change counts at once.
enum DeadlineCalculator {
    /// Sets each step's `due`; returns whether any changed.
    static func update(_ enrollment: inout StoredEnrollment, journey: Journey, facts: [FactID: FactValue]) -> Bool {
        var changed = false
        for step in journey.steps {
            guard let deadline = step.due, var stored = enrollment.steps[step.id] else { continue }
            let due = settles(stored.state) ? nil : dueMoment(deadline, in: enrollment, facts: facts)
            guard due != stored.due else { continue }
            stored.due = due
            enrollment.steps[step.id] = stored
            changed = true
        }
        return changed
    }

    /// A step that is done, skipped or does not apply has nothing left to be due.
    private static func settles(_ state: StepState) -> Bool { state == .done || state == .skipped || state == .notApplicable }

    private static func dueMoment(_ deadline: StepDeadline, in enrollment: StoredEnrollment, facts: [FactID: FactValue]) -> Date? {
        switch deadline.anchor {
        case .start:
            return deadline.due(after: enrollment.createdAt)
        case .step(let anchor):
            guard let stored = enrollment.steps[anchor], stored.state == .done else { return nil }
            return deadline.due(after: stored.since)
        case .fact(let fact):
            guard case .date(let date) = facts[fact] else { return nil }
            return deadline.due(after: date)
        }
    }
}
