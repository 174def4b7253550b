import JourneyModel
import JourneyStore

/// A change the engine decided on an in-memory snapshot but has not written: the snapshot difference for
/// the store, and the plans it leads to (so a caller needs no second planning pass to know what is next).
public struct DecidedChange: Sendable {
    public let change: SnapshotChange
    /// The new plan of each enrollment, in the order of `change.after.enrollments`.
    public let plans: [JourneyPlan]

    public init(change: SnapshotChange, plans: [JourneyPlan]) {
        self.change = change
        self.plans = plans
    }

    /// The snapshot after the change.
    public var after: PersonSnapshot { change.after }

    /// The new plan of one enrollment.
    public func plan(of enrollment: EnrollmentID) -> JourneyPlan? {
        change.after.enrollments.firstIndex { $0.id == enrollment }.map { plans[$0] }
    }
}
