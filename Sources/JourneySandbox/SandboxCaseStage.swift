import JourneyModel

/// One stage of a sandbox case, as `GET /{agency}/cases/{caseId}` reports it.
struct SandboxCaseStage: Sendable, Equatable, Codable {
    enum Status: String, Sendable, Codable {
        case received, needsAction, decided
    }

    enum Decision: String, Sendable, Codable {
        case approved, rejected
    }

    var status: Status
    var decision: Decision?
    /// A text for the person, Swedish then English.
    var message: String?
    /// The facts a decided case yields, keyed by the field paths in the adapter file's `returns`.
    var fields: SandboxJSON?

    static let received = SandboxCaseStage(status: .received)

    static func needsAction(_ message: String) -> SandboxCaseStage {
        SandboxCaseStage(status: .needsAction, message: message)
    }

    static func approved(_ message: String, fields: SandboxJSON? = nil) -> SandboxCaseStage {
        SandboxCaseStage(status: .decided, decision: .approved, message: message, fields: fields)
    }

    static func rejected(_ message: String) -> SandboxCaseStage {
        SandboxCaseStage(status: .decided, decision: .rejected, message: message)
    }

    /// The case status answer of the agency API.
    func body(caseId: String) -> SandboxJSON {
        var object: [String: SandboxJSON] = ["caseId": .string(caseId), "status": .string(status.rawValue)]
        if let decision { object["decision"] = .string(decision.rawValue) }
        if let message { object["message"] = .string(message) }
        if let fields { object["fields"] = fields }
        return .object(object)
    }
}
