import Foundation
import JourneyModel

/// A caseworker's filter over enrollments, answered from indexed columns (never from state blobs).
public struct EnrollmentQuery: Hashable, Sendable {
    public var journey: JourneyID?
    /// Enrollments that have this step; with ``stepState``, in that state. Name the journey too: step ids
    /// are per journey, and the index serving this filter starts with the journey.
    public var step: StepID?
    /// With ``step``, that step's state; without it, any step in this state.
    public var stepState: StepState?
    public var status: EnrollmentStatus?
    public var ball: BallHolder?
    public var person: PersonID?
    /// Only enrollments (or, with a step, step states) unchanged since before this moment.
    public var unchangedSince: Date?
    public var limit: Int

    public init(journey: JourneyID? = nil, step: StepID? = nil, stepState: StepState? = nil, status: EnrollmentStatus? = nil,
        ball: BallHolder? = nil, person: PersonID? = nil, unchangedSince: Date? = nil, limit: Int = 100)
    {
        self.journey = journey
        self.step = step
        self.stepState = stepState
        self.status = status
        self.ball = ball
        self.person = person
        self.unchangedSince = unchangedSince
        self.limit = limit
    }
}
