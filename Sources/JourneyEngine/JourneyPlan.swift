import JourneyModel

/// Everything derived for one enrollment at one moment: each step's state, the overall status, who has
/// the ball and what can be done next. A pure function of definition, facts and recorded progress.
public struct JourneyPlan: Hashable, Sendable {
    /// In the journey's step order (groups followed by their alternatives).
    public let steps: [StepStatus]
    public let status: EnrollmentStatus
    public let ball: BallHolder
    /// In the order a person should see them: answers first, then agency requests, then steps.
    public let nextActions: [NextAction]

    public init(steps: [StepStatus], status: EnrollmentStatus, ball: BallHolder, nextActions: [NextAction]) {
        self.steps = steps
        self.status = status
        self.ball = ball
        self.nextActions = nextActions
    }

    public func status(of step: StepID) -> StepStatus? { steps.first { $0.step == step } }

    /// The steps to show: all but copies for household members who are not coming (a family of three does not read
    /// about child 4), unless something was done in one before the household changed.
    public var shownSteps: [StepStatus] { steps.filter { $0.reason != .notInHousehold || $0.progress != nil } }

    /// Whether every required step that applies is done.
    public var isComplete: Bool { status == .complete }

    /// The facts the person is asked for next, in the journey's declaration order.
    public var factsToAnswer: [FactID] {
        nextActions.compactMap { if case .answer(let fact) = $0 { return fact } else { return nil } }
    }
}
