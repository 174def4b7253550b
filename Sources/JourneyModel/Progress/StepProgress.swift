/// What has been recorded about a step: by the person (started, done, skipped) or by the agency
/// (waiting, needs action, rejected). The engine derives the ``StepState`` from it.
public enum StepProgress: Hashable, Sendable {
    case started
    case waitingOnAgency(caseReference: String?)
    case needsAction(message: String?)
    case completed
    case skipped
    case rejected(reason: String?)

    /// The stored keyword.
    public var keyword: String {
        switch self {
        case .started: "started"
        case .waitingOnAgency: "waitingOnAgency"
        case .needsAction: "needsAction"
        case .completed: "completed"
        case .skipped: "skipped"
        case .rejected: "rejected"
        }
    }

    /// The free text that goes with it: a case reference, the agency's message or a reason.
    public var detail: String? {
        switch self {
        case .waitingOnAgency(let reference): reference
        case .needsAction(let message): message
        case .rejected(let reason): reason
        default: nil
        }
    }

    /// Rebuilds a stored progress; `nil` for an unknown keyword.
    public init?(keyword: String, detail: String?) {
        switch keyword {
        case "started": self = .started
        case "waitingOnAgency": self = .waitingOnAgency(caseReference: detail)
        case "needsAction": self = .needsAction(message: detail)
        case "completed": self = .completed
        case "skipped": self = .skipped
        case "rejected": self = .rejected(reason: detail)
        default: return nil
        }
    }
}
