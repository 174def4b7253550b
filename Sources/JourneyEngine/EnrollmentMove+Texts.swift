import JourneyModel

/// How a move reads in `lotsen migrate-enrollments` and in the enrollment's history: step ids and progress keywords,
/// never a person's data.
extension EnrollmentMove.StepChange {
    public var text: String {
        switch move {
        case .renamed(let new): "renamed \(step) to \(new) (\(progress.keyword))"
        case .split(let parts): "split \(step) into \(parts.map(\.rawValue).joined(separator: ", ")) (\(progress.keyword))"
        case .removed: "removed \(step) (\(progress.keyword), kept in the history)"
        }
    }
}

extension EnrollmentMove.Hold {
    public var text: String {
        switch self {
        case .openCase(let step, let move):
            "the agency has an open case at step '\(step)', which the new version \(Self.verb(move)); move it once the case is decided"
        case .serviceChanged(let step):
            "the agency has an open case at step '\(step)', which the new version sends to another service; move it once the case is decided"
        case .pendingSubmission(let step):
            "an application at step '\(step)' has not reached the agency yet; move it once it has"
        case .missingFact(let step, let fact):
            "step '\(step)' would be done, but the new version needs fact '\(fact)' for it, which this person has not given"
        }
    }

    private static func verb(_ move: VersionMigration.Move) -> String {
        switch move {
        case .renamed: "renames"
        case .split: "splits"
        case .removed: "removes"
        }
    }
}
