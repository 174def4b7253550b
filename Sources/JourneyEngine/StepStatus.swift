import JourneyModel

/// One step's derived state for one person, with the reason behind it.
public struct StepStatus: Hashable, Sendable {
    public let step: StepID
    public let state: StepState
    public let reason: StateReason?
    /// The recorded progress behind the state, with the agency's case reference or message.
    public let progress: StepProgress?

    public init(step: StepID, state: StepState, reason: StateReason? = nil, progress: StepProgress? = nil) {
        self.step = step
        self.state = state
        self.reason = reason
        self.progress = progress
    }
}
