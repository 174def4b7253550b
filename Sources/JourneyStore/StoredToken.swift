import Foundation
import JourneyModel

/// A bearer token of the JSON API, as stored: who it speaks for, never its secret.
public struct StoredToken: Hashable, Sendable {
    public enum Role: String, CaseIterable, Sendable, Codable {
        /// Sees and changes only their own journeys.
        case citizen
        /// Reads every person's journeys; does not act for them.
        case caseworker
        /// Pushes case events for its own agency's services.
        case agency
        /// A caseworker at a counter, acting for the one person who is present (`person`): reads and changes that
        /// person's journeys, recorded as the counter's doing, never as the person's.
        case counter
    }

    /// Not secret: names the token in lists, logs and revocation (`tk-…`).
    public let id: String
    public let role: Role
    /// A citizen's Lotsen reference, when known; for a counter token, the person present.
    public let person: PersonID?
    /// A citizen named by personnummer or samordningsnummer before their first journey created the person.
    public let identity: Personnummer?
    /// An agency token's agency.
    public let agency: AgencyID?
    /// A note for whoever manages tokens (such as which front end holds it); never shown to API callers.
    public let label: String?
    public let createdAt: Date
    public var revokedAt: Date?
    /// When a citizen session (`POST /v1/sessions`) or a counter token stops counting; `nil` for other tokens.
    public let expiresAt: Date?
    /// The level of assurance of the eID login a session was made from; `nil` for tokens not made by a login.
    public let assurance: String?

    public init(id: String, role: Role, person: PersonID? = nil, identity: Personnummer? = nil, agency: AgencyID? = nil, label: String? = nil,
        createdAt: Date, revokedAt: Date? = nil, expiresAt: Date? = nil, assurance: String? = nil)
    {
        self.id = id
        self.role = role
        self.person = person
        self.identity = identity
        self.agency = agency
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.expiresAt = expiresAt
        self.assurance = assurance
    }

    public var isRevoked: Bool { revokedAt != nil }

    /// Whether the token has lapsed at `moment` (only sessions and counter tokens lapse).
    public func hasExpired(at moment: Date) -> Bool { expiresAt.map { $0 <= moment } ?? false }

    /// Whether the token was made from a proven login (a session), rather than by an operator.
    public var isSession: Bool { role == .citizen && expiresAt != nil }
}
