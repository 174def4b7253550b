import JourneyModel

/// The refusals for a person or enrollment that is not there, worded once: the API gives the same answer for one
/// that exists but is not the caller's, so the two must not differ by a word.
extension EngineError {
    public static func unknownPerson(_ id: PersonID) -> EngineError {
        EngineError(.unknownPerson, "no person with reference \(id)", hint: "check the reference, or start a journey to create one")
    }

    public static func unknownEnrollment(_ id: EnrollmentID) -> EngineError {
        EngineError(.unknownEnrollment, "no enrollment '\(id)'")
    }
}
