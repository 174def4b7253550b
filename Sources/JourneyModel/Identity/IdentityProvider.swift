import Foundation

/// An OpenID Connect identity provider (a Swedish eID broker for BankID or Freja, or the sandbox's): the only way a
/// person proves who they are to Lotsen. The production implementation lives in JourneyAdapters; the API and the
/// guide see only this protocol.
public protocol IdentityProvider: Sendable {
    /// Starts a login that a terminal can follow: the person opens a link (or types a code) and approves in their
    /// eID app, while the caller polls ``poll(_:)``. `nonce` is bound into the ID token the login yields.
    func startLogin(nonce: String, hint: Personnummer?) async throws(IdentityProviderError) -> LoginOrder
    /// Asks once whether the person has approved; `nil` while they have not.
    func poll(_ order: LoginOrder) async throws(IdentityProviderError) -> ProvenIdentity?
    /// Checks an ID token the caller obtained from the provider: signature (the provider's JWKS), issuer, audience,
    /// expiry and `nonce`; the number and the level of assurance come from its claims.
    func verify(idToken: String, nonce: String) async throws(IdentityProviderError) -> ProvenIdentity
    /// Redeems an authorization code at the provider's token endpoint and verifies the ID token it returns.
    func redeem(code: String, redirectURI: String, nonce: String) async throws(IdentityProviderError) -> ProvenIdentity
    /// Where to send a browser to log in (the authorization code flow): the provider's authorization endpoint with
    /// Lotsen's client id, `redirectURI` to come back to with the code, and `state` and `nonce` to check on the way back.
    func authorizationURL(redirectURI: String, state: String, nonce: String, hint: Personnummer?) async throws(IdentityProviderError) -> URL
}

/// A login waiting for the person's approval.
public struct LoginOrder: Hashable, Sendable {
    /// Secret between Lotsen and the provider (the device code); never shown.
    public let deviceCode: String
    /// The short code the person sees in their eID app, to compare.
    public let userCode: String
    /// The link to open to approve (the simulated BankID app in the sandbox).
    public let verificationURL: URL
    /// How long to wait between polls.
    public let interval: Duration
    public let expiresAt: Date
    public let nonce: String

    public init(deviceCode: String, userCode: String, verificationURL: URL, interval: Duration, expiresAt: Date, nonce: String) {
        self.deviceCode = deviceCode
        self.userCode = userCode
        self.verificationURL = verificationURL
        self.interval = interval
        self.expiresAt = expiresAt
        self.nonce = nonce
    }
}

/// Why a login or an ID token was refused. Messages name what failed, never the person's number.
public struct IdentityProviderError: Error, Hashable, Sendable {
    public enum Code: String, Sendable {
        /// The token's signature, issuer, audience, expiry, nonce or claims do not hold.
        case invalidToken
        /// The person declined, the login expired, or the provider refused the number.
        case refused
        /// The provider could not be reached or answered something unreadable.
        case unavailable
    }

    public let code: Code
    public let message: String
    public let hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }
}
