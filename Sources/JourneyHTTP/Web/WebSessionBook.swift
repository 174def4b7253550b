import Foundation
import JourneyStore
import Synchronization

/// The web view's signed-in caseworkers, in this process's memory: a session ends when it is left idle too long,
/// when it has lasted its longest, on sign-out, when the token it was opened with is revoked, and when the process
/// restarts. Several `lotsen serve` nodes behind one address need sticky sessions for the web view (the JSON API
/// does not: its bearer tokens are in the store).
public final class WebSessionBook: Sendable {
    /// One signed-in browser.
    struct Session: Sendable {
        /// The cookie's value: 32 random bytes.
        let id: String
        /// The secret every form of this session sends back (a synchronizer token): another site cannot read it.
        let csrf: String
        /// The hash of the caseworker token signed in with, looked up again on every request.
        let tokenHash: String
        let started: Date
        var lastSeen: Date
    }

    /// How long a session lasts without a request.
    public let idle: TimeInterval
    /// How long a session lasts at most, however busy.
    public let longest: TimeInterval
    private let sessions = Mutex<[String: Session]>([:])

    public init(idle: TimeInterval = 30 * 60, longest: TimeInterval = 8 * 3600) {
        self.idle = idle
        self.longest = longest
    }

    /// A new session for the token with hash `tokenHash`; expired sessions are forgotten on the way.
    func open(tokenHash: String, at now: Date) -> Session {
        let session = Session(id: Self.secret(), csrf: Self.secret(), tokenHash: tokenHash, started: now, lastSeen: now)
        sessions.withLock { sessions in
            sessions = sessions.filter { !isExpired($0.value, at: now) }
            sessions[session.id] = session
        }
        return session
    }

    /// The live session with this id, renewed; `nil` when there is none or it has expired (then it is forgotten).
    func session(_ id: String, at now: Date) -> Session? {
        sessions.withLock { sessions in
            guard var session = sessions[id] else { return nil }
            guard !isExpired(session, at: now) else {
                sessions[id] = nil
                return nil
            }
            session.lastSeen = now
            sessions[id] = session
            return session
        }
    }

    /// Ends a session (sign-out).
    func close(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    private func isExpired(_ session: Session, at now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeen) >= idle || now.timeIntervalSince(session.started) >= longest
    }

    /// 32 random bytes, base64url.
    static func secret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
