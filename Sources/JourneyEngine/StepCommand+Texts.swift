import JourneyModel

extension StepCommand {
    /// The text the command carries for the person to read, with the name the command line gives it: a rejection's
    /// reason, an agency's request, a case reference.
    var text: (field: String, value: String)? {
        switch self {
        case .reject(let reason?): ("reason", reason)
        case .requestAction(let message?): ("message", message)
        case .submitted(let reference?): ("caseReference", reference)
        default: nil
        }
    }

    /// Refuses a command whose text has control characters or is too long (``AgencyText``), naming the field.
    func checkText() throws(EngineError) {
        guard let (field, value) = text else { return }
        let limit = field == "caseReference" ? AgencyText.referenceLength : AgencyText.messageLength
        if let problem = AgencyText.problem(in: value, limit: limit) {
            throw EngineError(.invalidValue, "'\(field)' \(problem)", hint: AgencyText.hint(limit: limit), field: field)
        }
    }
}
