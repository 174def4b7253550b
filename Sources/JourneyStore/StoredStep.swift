import Foundation
import JourneyModel

/// One step's row for one enrollment: what was recorded and what the engine derived from it.
public struct StoredStep: Hashable, Sendable {
    public var progress: StepProgress?
    public var state: StepState
    /// When the state last changed, for "no change for N days" queries.
    public var since: Date
    /// When the step is due, worked out by the engine from the journey's `due`; `nil` without a deadline, while its
    /// anchor is unknown, and once the step is done, skipped or does not apply.
    public var due: Date?
    /// While the step waits on the agency: when the agency's expected processing time (the step's `processingTime`)
    /// runs out, counted from when it started waiting. Past it, the case is overdue at the agency.
    public var expectedBy: Date?
    /// When the step first became open (someone could act on it), set by the engine and kept through its later states,
    /// so that when it is done the store can record how long it took (``FinishedStepCount``). `nil` for a step that
    /// never opened, and for one that opened before this was recorded (such a step is never counted as finished).
    public var openedAt: Date?

    public init(progress: StepProgress?, state: StepState, since: Date, due: Date? = nil, expectedBy: Date? = nil, openedAt: Date? = nil) {
        self.progress = progress
        self.state = state
        self.since = since
        self.due = due
        self.expectedBy = expectedBy
        self.openedAt = openedAt
    }
}
