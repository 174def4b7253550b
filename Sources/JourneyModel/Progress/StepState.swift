/// Where one step stands for one person. Derived by the engine from the definition, the known facts and
/// the recorded ``StepProgress``, and stored in an indexed column so caseworker queries never parse blobs.
public enum StepState: String, CaseIterable, Sendable, Codable {
    /// Its condition does not hold for this person, or another alternative was chosen.
    case notApplicable
    /// Waiting for earlier steps, or for answers that decide whether it applies.
    case locked
    /// Can be started now.
    case available
    case inProgress
    /// Submitted; the agency has the case.
    case waitingOnAgency
    /// The agency asked the person for something.
    case needsAction
    case done
    case rejected
    /// An optional step the person chose not to do.
    case skipped

    /// Whether a later step that waits on this one may go ahead.
    public var satisfiesPrerequisite: Bool { self == .done || self == .skipped || self == .notApplicable }
}
