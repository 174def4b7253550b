import Foundation

/// Staff signing in to the web view with e-legitimation (the authorization code flow): where the identity provider
/// sends the browser back, and the short-lived cookie that ties the way back to the way out.
public enum WebSignIn {
    /// Holds `state.nonce` between the way out and the way back: `SameSite=Lax`, since the provider sends the browser
    /// back with a top-level GET from its own site, which a Strict cookie would not ride on.
    static let stateCookie = "lotsen_eid"
    static let callbackPath = "/sign-in/callback"
    /// How long a sign-in at the provider may take.
    static let lifetime = 600

    /// `text` as the base of this server's public address: an http(s) URL with a host and no query or fragment, without
    /// a trailing slash; `nil` otherwise.
    public static func publicBase(_ text: String) -> URL? {
        guard var components = URLComponents(string: text), ["http", "https"].contains(components.scheme?.lowercased()),
            components.host?.isEmpty == false, components.query == nil, components.fragment == nil, components.user == nil
        else { return nil }
        while components.path.hasSuffix("/") { components.path.removeLast() }
        return components.url
    }

    /// The address the provider sends the browser back to, registered with the provider as Lotsen's redirect URI.
    static func redirectURI(_ base: URL) -> String { base.absoluteString + callbackPath }

    /// The cookie's value for a sign-in on its way out, and the two secrets read back from it.
    static func cookieValue(state: String, nonce: String) -> String { "\(state).\(nonce)" }

    static func secrets(_ value: String?) -> (state: String, nonce: String)? {
        guard let parts = value?.split(separator: ".", omittingEmptySubsequences: false), parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return nil
        }
        return (String(parts[0]), String(parts[1]))
    }
}
