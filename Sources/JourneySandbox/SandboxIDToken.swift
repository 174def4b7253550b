import Foundation
import JWTKit

/// The claims of an ID token the sandbox identity provider signs, after the Swedish OpenID Connect profile
/// (oidc-sweden): the number in `https://id.oidc.se/claim/personalIdentityNumber`, the level of assurance in `acr`.
struct SandboxIDToken: JWTPayload {
    static let personalIdentityNumberClaim = "https://id.oidc.se/claim/personalIdentityNumber"
    /// The Swedish eID framework's level of assurance 3, what BankID and Freja+ give.
    static let assurance = "http://id.elegnamnden.se/loa/1.0/loa3"

    let iss: IssuerClaim
    let sub: SubjectClaim
    let aud: AudienceClaim
    let exp: ExpirationClaim
    let iat: IssuedAtClaim
    let nonce: String?
    let acr: String
    let personalIdentityNumber: String

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nonce, acr
        case personalIdentityNumber = "https://id.oidc.se/claim/personalIdentityNumber"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
