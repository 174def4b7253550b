import Foundation

/// Which OpenID Connect provider Lotsen trusts, and as which client. A real deployment (a Swedish eID broker for
/// BankID or Freja) sets these from the environment; without `LOTSEN_OIDC_ISSUER`, the sandbox's provider is used.
public struct OIDCConfiguration: Sendable, Hashable {
    public static let issuerVariable = "LOTSEN_OIDC_ISSUER"
    public static let clientIDVariable = "LOTSEN_OIDC_CLIENT_ID"
    public static let clientSecretVariable = "LOTSEN_OIDC_CLIENT_SECRET"

    /// The issuer URL; discovery is at `issuer/.well-known/openid-configuration`, and ID tokens must name it as `iss`.
    public var issuer: URL
    public var clientID: String
    public var clientSecret: String

    public init(issuer: URL, clientID: String, clientSecret: String) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// The provider named by the environment, or `nil` when `LOTSEN_OIDC_ISSUER` is unset (use the sandbox's then).
    /// Throws a message naming the variable when one is set but another is missing or unusable.
    public static func fromEnvironment(_ environment: [String: String]) throws(IdentityConfigurationError) -> OIDCConfiguration? {
        guard let text = environment[issuerVariable], !text.isEmpty else { return nil }
        guard let issuer = URL(string: text), let scheme = issuer.scheme, ["https", "http"].contains(scheme), issuer.host != nil else {
            throw IdentityConfigurationError("\(issuerVariable) is not an http(s) URL")
        }
        if scheme == "http", !["127.0.0.1", "localhost", "::1"].contains(issuer.host ?? "") {
            throw IdentityConfigurationError("\(issuerVariable) must use https (plain http only on loopback)")
        }
        guard let id = environment[clientIDVariable], !id.isEmpty else { throw IdentityConfigurationError("\(clientIDVariable) is not set") }
        guard let secret = environment[clientSecretVariable], !secret.isEmpty else {
            throw IdentityConfigurationError("\(clientSecretVariable) is not set")
        }
        return OIDCConfiguration(issuer: issuer, clientID: id, clientSecret: secret)
    }
}

/// An identity provider setting in the environment that cannot be used.
public struct IdentityConfigurationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
