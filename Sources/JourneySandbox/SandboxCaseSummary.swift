import Foundation

/// One case a sandbox agency holds, as `GET /_sandbox/cases` lists it: ids and progress, never what was applied
/// for, so the list holds no personal data.
public struct SandboxCaseSummary: Sendable, Equatable, Codable {
    public let caseId: String
    public let agency: String
    public let service: String
    /// `received`, `needsAction` or `decided`.
    public let status: String
    /// `approved` or `rejected` once decided.
    public let decision: String?
    /// The key the case was opened under.
    public let idempotencyKey: String
    public let openedAt: Date
}
