import Foundation
import JourneyModel

/// One entry of an enrollment's append-only history.
public struct JourneyEvent: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case enrolled
        case factRecorded
        case stepProgressed
        case identityLinked
        /// A timer came due (``TimerKind``, in `detail`): a step's deadline passed, say.
        case timerFired
        /// The enrollment moved to a newer version of its journey (`lotsen migrate-enrollments`); `detail` names both
        /// versions and each recorded progress that went to another step or left the current state.
        case enrollmentMigrated
    }

    /// Who caused it.
    public enum Actor: String, Sendable, CaseIterable {
        case person
        case caseworker
        case agency
        case system
    }

    /// Position in the enrollment's history, from 1; 0 until stored.
    public var sequence: Int64
    public var enrollment: EnrollmentID
    public var at: Date
    public var actor: Actor
    public var kind: Kind
    public var step: StepID?
    public var fact: FactID?
    /// For `stepProgressed`: the progress keyword; for `factRecorded`: the source; for `timerFired`: the timer's kind.
    public var detail: String?
    /// Who acted for the person, and under which mandate, when it was not the person themself.
    public var representation: Representation?

    public init(sequence: Int64 = 0, enrollment: EnrollmentID, at: Date, actor: Actor, kind: Kind, step: StepID? = nil, fact: FactID? = nil,
        detail: String? = nil, representation: Representation? = nil)
    {
        self.sequence = sequence
        self.enrollment = enrollment
        self.at = at
        self.actor = actor
        self.kind = kind
        self.step = step
        self.fact = fact
        self.detail = detail
        self.representation = representation
    }
}
