import JourneyEngine

/// The engine's hints are written for the command line ("start it with: lotsen start …", "--journey"). At the
/// API's edge a hint that names a command or a flag is replaced by one that names routes and fields; the others
/// ("did you mean 'citizenship'?", "answer 'fullName' first") read the same in both and are kept.
enum APIHints {
    static func hint(for error: EngineError) -> String? {
        guard let hint = error.hint else { return nil }
        guard speaksOfCommandLine(hint) else { return hint }
        switch error.code {
        case .notEnrolled: return "start the journey with POST /v1/enrollments"
        case .unknownJourney: return "list the journeys at GET /v1/journeys"
        case .unknownFact: return "see the journey's facts at GET /v1/journeys/{journeyId}"
        case .unknownStep: return "see the journey's steps at GET /v1/journeys/{journeyId}"
        case .ambiguousEnrollment: return "name the journey in 'journey'"
        case .agencyRefused:
            return "apply on the agency's own site, then mark the step done with POST /v1/enrollments/{enrollmentId}/steps/{stepId}/complete"
        case .agencyFailed: return "try again later"
        case .notProven: return "log in with e-legitimation at your identity provider and exchange the ID token at POST /v1/sessions"
        default: return nil
        }
    }

    /// Whether a hint names a `lotsen` command or a command-line flag.
    static func speaksOfCommandLine(_ hint: String) -> Bool {
        hint.contains("lotsen ") || hint.contains(" --") || hint.hasPrefix("--")
    }
}
