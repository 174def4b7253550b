import Foundation
import JourneyModel

/// One step's row for one enrollment: what was recorded and what the engine derived from it.
public struct StoredStep: Hashable, Sendable {
    public var progress: StepProgress?
    public var state: StepState
    /// When the state last changed, for "no change for N days" queries.
    public var since: Date

    public init(progress: StepProgress?, state: StepState, since: Date) {
        self.progress = progress
        self.state = state
        self.since = since
    }
}
