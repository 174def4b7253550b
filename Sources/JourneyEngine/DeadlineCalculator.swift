import Foundation
import JourneyModel
import JourneyStore

/// Works out each step's due moment from its journey's `due` and what is stored: the enrollment's start, the moment
/// an anchor step was done, or a date fact; and, for a step waiting on the agency, when the agency's expected
/// processing time runs out. Runs after the step states are settled, so an anchor done in this very change counts at once.
enum DeadlineCalculator {
    /// Sets each step's `due` and `expectedBy`; returns whether any changed.
    static func update(_ enrollment: inout StoredEnrollment, journey: Journey, facts: [FactID: FactValue]) -> Bool {
        var changed = false
        for step in journey.steps where step.due != nil || step.processingTime != nil {
            guard var stored = enrollment.steps[step.id] else { continue }
            let due = step.due.flatMap { settles(stored.state) ? nil : dueMoment($0, in: enrollment, facts: facts) }
            let expectedBy = stored.state == .waitingOnAgency ? step.processingTime.map { $0.date(after: stored.since) } : nil
            guard due != stored.due || expectedBy != stored.expectedBy else { continue }
            stored.due = due
            stored.expectedBy = expectedBy
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
