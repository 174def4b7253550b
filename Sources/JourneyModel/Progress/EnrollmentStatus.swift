/// The overall status of one person's journey.
public enum EnrollmentStatus: String, CaseIterable, Sendable, Codable {
    case active
    /// Every required step that applies is done.
    case complete
    /// A required step was rejected; the person must try again or get help.
    case blocked
}

/// Who has to act next: the person, an agency, or nobody (the journey is complete or cannot go on).
public enum BallHolder: String, CaseIterable, Sendable, Codable {
    case person
    case agency
    case nobody
}
