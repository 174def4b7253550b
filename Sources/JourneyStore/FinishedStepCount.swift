import Foundation
import JourneyModel

/// How many times one step of a journey was finished, and how long the middle one of those took.
///
/// A step is finished when it becomes done; its time is from when it first opened (``StoredStep/openedAt``) to then,
/// waiting on the agency included. Skipped steps are not finished (nobody did them), nor are steps that stop applying.
/// A step done again after it was reopened counts again, from its new opening. A step that opened before openings
/// were recorded (migration `v14-step-durations`) has no opening and is not counted, rather than counted from a guess.
public struct FinishedStepCount: Hashable, Sendable {
    public let step: StepID
    /// How many times the step was finished (with a known opening).
    public let count: Int
    /// The median time it took, in seconds (the lower median for an even count): half of them took at most this long.
    public let medianSeconds: TimeInterval

    public init(step: StepID, count: Int, medianSeconds: TimeInterval) {
        self.step = step
        self.count = count
        self.medianSeconds = medianSeconds
    }
}

extension StoredStep {
    /// How long a step took, in stored seconds, when the change from `before` to `after` finishes it: it was not done,
    /// it is done now, and when it opened is known. `nil` for every other change. Both stores write this into their
    /// table of finished steps in the transaction that writes the step.
    package static func finishedSeconds(from before: StoredStep?, to after: StoredStep) -> Double? {
        guard let before, before.state != .done, after.state == .done, let opened = after.openedAt else { return nil }
        return max(0, after.since.storedSeconds - opened.storedSeconds)
    }
}
