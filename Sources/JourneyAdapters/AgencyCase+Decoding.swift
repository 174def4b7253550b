import JourneyModel

extension AgencyCase {
    /// Reads an application or case-status answer: `{"caseId", "status", "decision"?, "message"?, "fields"?}`.
    init(decoding json: AgencyValue, service: ServiceID) throws(AgencyError) {
        func malformed(_ message: String) -> AgencyError {
            AgencyError(agency: service.agency, service: service, code: .malformedResponse, message: message)
        }
        guard case .object(let object) = json else { throw malformed("the case answer is not a JSON object") }
        guard case .string(let caseID)? = object["caseId"] else { throw malformed("the case answer has no 'caseId'") }
        if let problem = AgencyText.problem(in: caseID, limit: AgencyText.referenceLength) { throw malformed("the case's 'caseId' \(problem)") }
        let status: Status
        switch object["status"] {
        case .string("received")?: status = .received
        case .string("needsAction")?: status = .needsAction
        case .string("decided")?:
            switch object["decision"] {
            case .string("approved")?: status = .approved
            case .string("rejected")?: status = .rejected
            default: throw malformed("a decided case has no 'decision' of approved or rejected")
            }
        default: throw malformed("the case answer has no 'status' of received, needsAction or decided")
        }
        let message: String?
        switch object["message"] {
        case .string(let text)?: message = text
        case .object(let texts)?:
            // A message in several languages: kept whole, Swedish first, since Lotsen shows it as the agency wrote it.
            let parts = ["sv", "en"].compactMap { key -> String? in if case .string(let text)? = texts[key] { text } else { nil } }
            message = parts.isEmpty ? nil : parts.joined(separator: " / ")
        case nil, .null?: message = nil
        default: throw malformed("the case's 'message' is not text")
        }
        if let message, let problem = AgencyText.problem(in: message, limit: AgencyText.messageLength) {
            throw malformed("the case's 'message' \(problem)")
        }
        let fields = object["fields"] ?? .object([:])
        guard case .object = fields else { throw malformed("the case's 'fields' is not an object") }
        self.init(caseID: caseID, status: status, message: message, fields: fields)
    }
}
