import Foundation
import JourneyModel

/// Where the next page of a caseworker list starts: after this moment (the enrollment's last change, or with a
/// step filter the step's last change) and, among equal moments, after this enrollment. Keyset pagination, so
/// a page costs the same however deep it is and rows changing between pages are neither repeated nor skipped
/// by an offset. A list of due steps can hold several steps of one enrollment, so its cursor names the step too.
public struct EnrollmentCursor: Hashable, Sendable {
    public let moment: Date
    public let enrollment: EnrollmentID
    public let step: StepID?

    public init(moment: Date, enrollment: EnrollmentID, step: StepID? = nil) {
        self.moment = moment
        self.enrollment = enrollment
        self.step = step
    }
}

/// One row of a caseworker list: the enrollment's indexed columns, and with a step filter the step's.
public struct EnrollmentSummary: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public let id: StepID
        public let state: StepState
        public let since: Date
        /// When the step is due, in a list of due steps.
        public let due: Date?

        public init(id: StepID, state: StepState, since: Date, due: Date? = nil) {
            self.id = id
            self.state = state
            self.since = since
            self.due = due
        }
    }

    public let id: EnrollmentID
    public let person: PersonID
    public let journey: JourneyID
    public let journeyVersion: Int
    public let status: EnrollmentStatus
    public let ball: BallHolder
    public let revision: Int
    public let createdAt: Date
    public let updatedAt: Date
    public let completedAt: Date?
    public let step: Step?

    public init(id: EnrollmentID, person: PersonID, journey: JourneyID, journeyVersion: Int, status: EnrollmentStatus, ball: BallHolder, revision: Int,
        createdAt: Date, updatedAt: Date, completedAt: Date?, step: Step?)
    {
        self.id = id
        self.person = person
        self.journey = journey
        self.journeyVersion = journeyVersion
        self.status = status
        self.ball = ball
        self.revision = revision
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.step = step
    }
}

/// A page of a caseworker list, ordered by the moment of the last change (oldest first: the longest waiting), or for
/// due steps by their due moment (soonest first).
public struct EnrollmentPage: Hashable, Sendable {
    public let items: [EnrollmentSummary]
    /// Where the next page starts; `nil` on the last page.
    public let next: EnrollmentCursor?

    public init(items: [EnrollmentSummary], next: EnrollmentCursor?) {
        self.items = items
        self.next = next
    }
}

/// Caseworker lists over enrollments, a page at a time and from indexed columns only.
public protocol EnrollmentListing: Sendable {
    /// Enrollments matching `query` (which must name its journey), after `cursor`, at most `query.limit`.
    /// With a step, only steps someone has to act on are listed (see ``JourneyModel/StepState/listable``).
    func enrollmentPage(_ query: EnrollmentQuery, after cursor: EnrollmentCursor?) async throws(StorageError) -> EnrollmentPage

    /// How many steps of `journey` have a moment in `range` (overdue, due soon, overdue at the agency), counted on
    /// the index of timers.
    func countDue(journey: JourneyID, in range: DueRange) async throws(StorageError) -> Int

    /// How many steps of `journey` are open, per step and state (the journey's funnel), with the median moment they
    /// entered that state, counted on the index of open steps: it costs that journey's open steps, never a read of
    /// every enrollment. Settled and locked steps are not
    /// counted (see ``JourneyModel/StepState/listable``).
    func countOpenSteps(journey: JourneyID) async throws(StorageError) -> [OpenStepCount]

    /// How many times each step of `journey` was finished, and the median time that took (from when the step opened to
    /// when it was done), per step in step id order, counted on the index of finished steps' durations: it costs that
    /// journey's finished steps, never a read of every enrollment. Only steps done with a known opening are there (see
    /// ``FinishedStepCount``).
    func countFinishedSteps(journey: JourneyID) async throws(StorageError) -> [FinishedStepCount]
}

/// How many enrollments have one step in one open state, and since when the middle one of them has been there.
public struct OpenStepCount: Hashable, Sendable {
    public let step: StepID
    public let state: StepState
    public let count: Int
    /// The median of when they entered the state (the lower median for an even count): half of them have been in it
    /// at least since this moment. Where people stall shows as a median far in the past.
    public let medianSince: Date

    public init(step: StepID, state: StepState, count: Int, medianSince: Date) {
        self.step = step
        self.state = state
        self.count = count
        self.medianSince = medianSince
    }
}

extension StepState {
    /// The step states a list can filter on: the open ones, which `open_step` holds. Settled or locked steps are
    /// not listed there (every entry costs on each transition), so they cannot be listed without a scan.
    public static var listable: [StepState] { allCases.filter { $0.isOpen } }
}
