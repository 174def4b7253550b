import Foundation

/// How a personnummer or samordningsnummer came to be bound to a person record. A number the person typed is never
/// a proof: it stays a fact with provenance "you said" (``FactSource/person``), usable for planning only.
public struct IdentityProof: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable, CaseIterable {
        /// An electronic identification: an OpenID Connect ID token from the configured identity provider.
        case eid
        /// The agency of record (Skatteverket) gave the number in its own answer for the person's case.
        case agencyOfRecord
    }

    public let method: Method
    /// Who vouched for the number: the identity provider's issuer URL, or the agency's id (`skatteverket`).
    public let issuer: String
    /// The level of assurance the provider stated (the ID token's `acr`, such as
    /// `http://id.elegnamnden.se/loa/1.0/loa3`); `nil` when it stated none or for the agency of record.
    public let assurance: String?
    public let provenAt: Date

    public init(method: Method, issuer: String, assurance: String?, provenAt: Date) {
        self.method = method
        self.issuer = issuer
        self.assurance = assurance
        self.provenAt = provenAt
    }
}

/// A number together with the proof that binds it: what a login or Skatteverket's own answer yields.
public struct ProvenIdentity: Hashable, Sendable {
    public let number: Personnummer
    public let proof: IdentityProof
    /// For a login, when the ID token it came in stops being valid: until then the token must not be exchanged again.
    public let tokenExpiresAt: Date?

    public init(number: Personnummer, proof: IdentityProof, tokenExpiresAt: Date? = nil) {
        self.number = number
        self.proof = proof
        self.tokenExpiresAt = tokenExpiresAt
    }
}
