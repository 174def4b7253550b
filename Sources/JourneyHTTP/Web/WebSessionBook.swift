import Foundation
import JourneyStore

/// The web view's signed-in browsers, kept in the store so that every `lotsen serve` node on one database knows them
/// (no sticky sessions). A session ends when it is left idle too long, when it has lasted its longest, on sign-out,
/// and when the token it was opened with is revoked. The store holds only the SHA-256 of each session's cookie.
public struct WebSessionBook: Sendable {
    /// One signed-in browser.
    struct Session: Sendable {
        /// The cookie's value: 32 random bytes. Only its hash is stored.
        let id: String
        /// The secret every form of this session sends back (a synchronizer token): another site cannot read it.
        let csrf: String
        /// The hash of the token signed in with, looked up again on every request.
        let tokenHash: String
    }

    let store: any WebSessionStore
    /// How long a session lasts without a request.
    public let idle: TimeInterval
    /// How long a session lasts at most, however busy.
    public let longest: TimeInterval
    /// A session's last use is written at most this often: the idle limit is half an hour, so a minute's slack is
    /// harmless, and a page view is not a write.
    static let touchInterval: TimeInterval = 60

    public init(store: any WebSessionStore, idle: TimeInterval = 30 * 60, longest: TimeInterval = 8 * 3600) {
        self.store = store
        self.idle = idle
        self.longest = longest
    }

    /// A new session for the token with hash `tokenHash`; expired sessions are forgotten on the way.
    func open(tokenHash: String, at now: Date) async throws -> Session {
        let session = Session(id: Self.secret(), csrf: Self.secret(), tokenHash: tokenHash)
        try await store.openWebSession(StoredWebSession(idHash: TokenSecret.hash(session.id), csrf: session.csrf, tokenHash: tokenHash, startedAt: now,
            lastSeenAt: now), forgettingIdleBefore: now.addingTimeInterval(-idle), startedBefore: now.addingTimeInterval(-longest))
        return session
    }

    /// The live session with this cookie, renewed; `nil` when there is none or it has expired (then it is forgotten).
    func session(_ id: String, at now: Date) async throws -> Session? {
        let idHash = TokenSecret.hash(id)
        guard let stored = try await store.webSession(idHash: idHash) else { return nil }
        guard now.timeIntervalSince(stored.lastSeenAt) < idle, now.timeIntervalSince(stored.startedAt) < longest else {
            try await store.closeWebSession(idHash: idHash)
            return nil
        }
        if now.timeIntervalSince(stored.lastSeenAt) >= Self.touchInterval { try await store.touchWebSession(idHash: idHash, at: now) }
        return Session(id: id, csrf: stored.csrf, tokenHash: stored.tokenHash)
    }

    /// Ends a session (sign-out, or its token revoked).
    func close(_ id: String) async throws {
        try await store.closeWebSession(idHash: TokenSecret.hash(id))
    }

    /// 32 random bytes, base64url.
    static func secret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
