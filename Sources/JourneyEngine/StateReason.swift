import JourneyModel

/// Why a step is in its state, so every front end can say what a locked or not-applicable step waits for.
public enum StateReason: Hashable, Sendable {
    /// Its condition (or its group's) does not hold.
    case conditionNotMet
    /// It is a household member's copy of a step, and that member is not coming (or who is coming is not yet known):
    /// it does not apply, unless a case is still open at the agency, which keeps its state until the agency answers.
    case notInHousehold
    /// Whether it applies depends on facts nobody has given yet.
    case undecided(missing: Set<FactID>)
    /// Earlier steps must be done first.
    case waitingFor([StepID])
    /// Another alternative of its group was done.
    case alternativeChosen(StepID)
    /// It can be started, but these facts must be known first.
    case needsFacts([FactID])
}
