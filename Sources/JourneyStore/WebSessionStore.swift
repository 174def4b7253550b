import Foundation

/// The web view's signed-in browsers, in the store so that every `lotsen serve` node on one database knows them.
/// A session is found by the SHA-256 of its cookie: the table alone opens no session.
public protocol WebSessionStore: Sendable {
    /// Stores a new session, and forgets every session last seen before `idleBefore` or started before `startedBefore`.
    func openWebSession(_ session: StoredWebSession, forgettingIdleBefore idleBefore: Date, startedBefore: Date) async throws(StorageError)
    /// The session whose cookie hashes to `idHash`, expired or not; `nil` when there is none.
    func webSession(idHash: String) async throws(StorageError) -> StoredWebSession?
    /// Records that the session was used at `moment`.
    func touchWebSession(idHash: String, at moment: Date) async throws(StorageError)
    /// Ends the session (sign-out, expiry, or its token revoked); ending one that is gone does nothing.
    func closeWebSession(idHash: String) async throws(StorageError)
}

/// One signed-in browser, as stored.
public struct StoredWebSession: Hashable, Sendable {
    /// The SHA-256 of the session cookie's value.
    public let idHash: String
    /// The secret every form of the session sends back.
    public let csrf: String
    /// The hash of the token the session was opened with (typed in, or found by the caseworker's e-legitimation),
    /// looked up again on every request so that revoking the token ends the session.
    public let tokenHash: String
    public let startedAt: Date
    public var lastSeenAt: Date

    public init(idHash: String, csrf: String, tokenHash: String, startedAt: Date, lastSeenAt: Date) {
        self.idHash = idHash
        self.csrf = csrf
        self.tokenHash = tokenHash
        self.startedAt = startedAt
        self.lastSeenAt = lastSeenAt
    }
}
