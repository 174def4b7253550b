import JourneyModel

/// Something that can move a journey forward now.
public enum NextAction: Hashable, Sendable {
    /// Answer a fact that decides which steps apply, or that a step needs.
    case answer(FactID)
    /// Start an available step.
    case start(StepID)
    /// Finish a step in progress.
    case finish(StepID)
    /// Do what the agency asked for.
    case respond(StepID)
    /// Nothing to do but wait for the agency.
    case wait(StepID)

    /// Whether the person (rather than an agency) has to act.
    public var isForPerson: Bool {
        if case .wait = self { return false }
        return true
    }
}
