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
    /// Only steps due in this range, soonest first (one row per due step, with ``step`` only that step); not with
    /// ``stepState`` or ``unchangedSince``.
    public var due: DueRange?
    public var limit: Int

    public init(journey: JourneyID? = nil, step: StepID? = nil, stepState: StepState? = nil, status: EnrollmentStatus? = nil,
        ball: BallHolder? = nil, person: PersonID? = nil, unchangedSince: Date? = nil, due: DueRange? = nil, limit: Int = 100)
    {
        self.due = due
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

/// Moments of one kind (a step's deadline, or the end of the agency's expected processing time) from ``from``
/// (inclusive, `nil` for any time before) to ``before`` (exclusive).
public struct DueRange: Hashable, Sendable {
    public var kind: TimerKind
    public var from: Date?
    public var before: Date

    public init(kind: TimerKind = .due, from: Date?, before: Date) {
        self.kind = kind
        self.from = from
        self.before = before
    }

    /// Steps already past their due moment at `now`.
    public static func overdue(at now: Date) -> DueRange { DueRange(from: nil, before: now) }

    /// Steps not yet overdue at `now` but due within `window` seconds.
    public static func soon(at now: Date, within window: TimeInterval) -> DueRange { DueRange(from: now, before: now.addingTimeInterval(window)) }

    /// Every step with a due moment, soonest first: the caseworker's list sorted by due date.
    public static let any = DueRange(from: nil, before: .distantFuture)

    /// Cases an agency has had longer than its expected processing time, at `now`.
    public static func overdueAtAgency(at now: Date) -> DueRange { DueRange(kind: .agency, from: nil, before: now) }
}
