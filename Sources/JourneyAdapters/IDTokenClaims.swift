import Foundation
import JWTKit

/// The claims Lotsen reads from an ID token (the Swedish OpenID Connect profile, oidc-sweden): the number in
/// `https://id.oidc.se/claim/personalIdentityNumber`, the level of assurance in `acr`. Signature and expiry are
/// checked by jwt-kit; issuer, audience and nonce by ``OIDCIdentityProvider``.
struct IDTokenClaims: JWTPayload {
    let iss: IssuerClaim
    let sub: SubjectClaim
    let aud: AudienceClaim
    let exp: ExpirationClaim
    let iat: IssuedAtClaim?
    let nonce: String?
    let acr: String?
    let personalIdentityNumber: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nonce, acr
        case personalIdentityNumber = "https://id.oidc.se/claim/personalIdentityNumber"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
