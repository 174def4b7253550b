import JourneyModel

/// A change to one step, asked for by the person, a caseworker acting with them, or an agency.
public enum StepCommand: Hashable, Sendable {
    case start
    case complete
    case skip
    case reject(reason: String?)
    /// The application was submitted; the agency has the case.
    case submitted(caseReference: String?)
    /// The agency asks the person for something.
    case requestAction(message: String?)

    public var verb: String {
        switch self {
        case .start: "start"
        case .complete: "complete"
        case .skip: "skip"
        case .reject: "reject"
        case .submitted: "mark as submitted"
        case .requestAction: "ask for action on"
        }
    }
}
