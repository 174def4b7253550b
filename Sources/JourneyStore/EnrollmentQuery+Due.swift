import Foundation
import JourneyModel

extension EnrollmentQuery {
    /// Refuses filters a list of due steps cannot serve from its index: a due list walks `timer` by moment, so it
    /// cannot also filter on a step's state or its last change.
    package func checkDue() throws(StorageError) {
        guard due != nil else { return }
        if stepState != nil || unchangedSince != nil {
            throw StorageError(.failed, "a list of due steps cannot also filter on a step's state or its last change")
        }
    }
}

extension EnrollmentSummary.Step {
    /// A due step's row in a list: its state and `since` read from the enrollment's steps column, the moment from the
    /// timer. A step missing from the column is ``StorageError/Code/corrupt``.
    package static func due(_ step: StepID, at due: Date, steps column: String, enrollment: EnrollmentID) throws(StorageError) -> EnrollmentSummary.Step {
        guard let stored = try StepsColumn.decode(column, enrollment: enrollment)[step] else {
            throw StorageError(.corrupt, "enrollment \(enrollment) has a timer for a step it does not have")
        }
        return EnrollmentSummary.Step(id: step, state: stored.state, since: stored.since, due: due)
    }
}
