import Crypto
import Foundation
import HTTPTypes
import JWTKit
import JourneyModel
import Synchronization

/// The sandbox's OpenID Connect provider, so proven identity works offline: it signs ID tokens (ES256, its key made
/// at start) for Skatteverket's official test numbers only, and only after a simulated BankID approval.
///
/// A login is an order: started by the device endpoint (a terminal: show a code and a link, then poll the token
/// endpoint) or by the authorize endpoint (a browser: redirected back with a code). The person approves or declines
/// it in the simulated BankID app (`/idp/bankid`). Numbers that are not official test numbers are refused at the
/// start. Orders and codes live in memory and lapse after ``orderLifetime``; each code is redeemed once.
public final class SandboxIdentityProvider: Sendable {
    /// The one client the sandbox knows; a real deployment takes its own from the environment.
    public static let clientID = "lotsen"
    public static let clientSecret = "sandbox-secret"
    static let orderLifetime: TimeInterval = 300
    static let tokenLifetime: TimeInterval = 300
    static let keyID = "sandbox-es256"

    /// The numbers the provider vouches for: the sandbox's test people with a population record. ``SandboxSeed/unknownPerson``,
    /// whom no register knows, has no eID either: a login for that number is refused, as for any other.
    static let knownNumbers: Set<String> = [
        SandboxSeed.registeredPerson, SandboxSeed.child, SandboxSeed.coordinationNumberPerson, SandboxSeed.ambiguousPerson,
    ]

    struct Order: Sendable {
        enum Status: Sendable { case pending, approved, declined, redeemed }
        let deviceCode: String
        let userCode: String
        let number: String
        let nonce: String?
        let redirectURI: String?
        let state: String?
        let expiresAt: Date
        var status: Status
        /// The authorization code handed to the browser after approval (authorize flow only).
        var code: String?
    }

    let key = ES256PrivateKey()
    private let orders = Mutex<[String: Order]>([:])
    /// `http://127.0.0.1:PORT/idp` once the sandbox listens.
    private let issuerURL = Mutex<String?>(nil)
    /// A test control: every login is approved as it starts, as if the person approved at once.
    let approvesAutomatically = Mutex(false)

    init() {}

    var issuer: String? { issuerURL.withLock { $0 } }
    func listening(at root: URL) { issuerURL.withLock { $0 = root.absoluteString + "/idp" } }

    /// The discovery document (`/.well-known/openid-configuration`).
    func discovery(issuer: String) -> SandboxJSON {
        [
            "issuer": .string(issuer),
            "authorization_endpoint": .string(issuer + "/authorize"),
            "device_authorization_endpoint": .string(issuer + "/device"),
            "token_endpoint": .string(issuer + "/token"),
            "jwks_uri": .string(issuer + "/jwks"),
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "acr_values_supported": .array([.string(SandboxIDToken.assurance)]),
            "claims_supported": .array(["sub", "iss", "aud", "exp", "iat", "nonce", "acr", .string(SandboxIDToken.personalIdentityNumberClaim)]),
        ]
    }

    /// The public key as a JWKS.
    var jwks: SandboxJSON {
        let (x, y) = key.publicKey.parameters ?? ("", "")
        return ["keys": [["kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": .string(Self.keyID), "x": .string(x), "y": .string(y)]]]
    }

    /// Starts a login for `hint` (the number the person says they log in with); refused unless it is a known test number.
    func start(hint: String?, nonce: String?, redirectURI: String?, state: String?) throws -> Order {
        guard let hint, let number = try? Personnummer(parsing: hint), Self.knownNumbers.contains(number.twelveDigits) else {
            throw SandboxRefusal(.badRequest, "unknown_user",
                "The sandbox BankID knows only Skatteverket's official test numbers of the sandbox (see lotsen sandbox); give one as login_hint.")
        }
        let order = Order(deviceCode: Self.random(24), userCode: Self.userCode(), number: number.twelveDigits, nonce: nonce, redirectURI: redirectURI,
            state: state, expiresAt: Date().addingTimeInterval(Self.orderLifetime), status: .pending)
        orders.withLock { orders in
            // Lapsed orders are dropped as new ones come, so a long-running sandbox keeps only the last minutes'.
            orders = orders.filter { $0.value.expiresAt > Date() }
            orders[order.deviceCode] = order
        }
        if approvesAutomatically.withLock({ $0 }) { return try decide(userCode: order.userCode, approve: true) }
        return order
    }

    /// The simulated BankID app: approves or declines the pending order with `userCode`; returns it as it is now.
    func decide(userCode: String, approve: Bool) throws -> Order {
        try orders.withLock { orders in
            guard let (key, order) = orders.first(where: { $0.value.userCode == userCode && $0.value.status == .pending }),
                order.expiresAt > Date()
            else { throw SandboxRefusal(.notFound, "unknown-order", "No login is waiting for that code; start the login again.") }
            var decided = order
            decided.status = approve ? .approved : .declined
            if approve, order.redirectURI != nil { decided.code = Self.random(24) }
            orders[key] = decided
            return decided
        }
    }

    enum Redemption { case pending, declined, expired, invalid, token(String) }

    /// Redeems a device code (polling) or an authorization code (with the redirect URI it was issued for), once.
    func redeem(deviceCode: String?, code: String?, redirectURI: String?, audience: String) async throws -> Redemption {
        let found: Order? = orders.withLock { orders in
            guard let key = orders.first(where: { entry in
                if let deviceCode { return entry.key == deviceCode && entry.value.redirectURI == nil }
                return code != nil && entry.value.code == code && entry.value.redirectURI == redirectURI
            })?.key, var order = orders[key] else { return nil }
            if order.status == .approved, order.expiresAt > Date() {
                order.status = .redeemed
                orders[key] = order
                var issued = order
                issued.status = .approved
                return issued
            }
            return order
        }
        guard let order = found else { return .invalid }
        if order.expiresAt <= Date() { return .expired }
        switch order.status {
        case .pending: return .pending
        case .declined: return .declined
        case .redeemed: return .invalid
        case .approved: break
        }
        let now = Date()
        let claims = SandboxIDToken(iss: IssuerClaim(value: issuer ?? ""), sub: SubjectClaim(value: Self.subject(of: order.number)),
            aud: AudienceClaim(value: [audience]), exp: ExpirationClaim(value: now.addingTimeInterval(Self.tokenLifetime)),
            iat: IssuedAtClaim(value: now), nonce: order.nonce, acr: SandboxIDToken.assurance, personalIdentityNumber: order.number)
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: Self.keyID))
        return .token(try await keys.sign(claims, kid: JWKIdentifier(string: Self.keyID)))
    }

    /// A pairwise subject: stable per number, not the number.
    static func subject(of number: String) -> String {
        SHA256.hash(data: Data(("lotsen-sandbox:" + number).utf8)).map { String(format: "%02x", $0) }.joined().prefix(32).description
    }

    static func random(_ bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    /// `ABCD-1234`: letters and digits that are hard to confuse.
    static func userCode() -> String {
        let letters = Array("BCDFGHJKLMNPQRSTVWXZ")
        let part1 = String((0..<4).map { _ in letters.randomElement()! })
        return part1 + "-" + String(format: "%04d", Int.random(in: 0...9999))
    }
}
