import Foundation
import JourneyModel

/// One person's journey as stored: the current-state row and its step rows.
public struct StoredEnrollment: Hashable, Sendable {
    public let id: EnrollmentID
    public let person: PersonID
    public let journey: JourneyID
    /// The definition version the enrollment follows: the one it started on, until `lotsen migrate-enrollments` moves it
    /// to a newer one.
    public var journeyVersion: Int
    public var status: EnrollmentStatus
    public var ball: BallHolder
    /// Bumped on every change, for optimistic checks by front ends.
    public var revision: Int
    public let createdAt: Date
    public var updatedAt: Date
    public var completedAt: Date?
    public var steps: [StepID: StoredStep]

    public init(
        id: EnrollmentID, person: PersonID, journey: JourneyID, journeyVersion: Int, status: EnrollmentStatus, ball: BallHolder,
        revision: Int, createdAt: Date, updatedAt: Date, completedAt: Date? = nil, steps: [StepID: StoredStep]
    ) {
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
        self.steps = steps
    }

    /// The recorded progress of every step that has any.
    public var progress: [StepID: StepProgress] {
        steps.compactMapValues { $0.progress }
    }
}
