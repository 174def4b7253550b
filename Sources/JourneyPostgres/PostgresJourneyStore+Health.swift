import Foundation
import JourneyStore
import PostgresNIO
import Synchronization

/// The health check on PostgreSQL: a pooled connection answers, and the session may write (not a hot standby in
/// recovery, not `default_transaction_read_only`). One round trip; its answer is kept for ``HealthMemo/lifetime`` so a
/// node polled often, and asked before every change, makes at most about one such query a second.
extension PostgresJourneyStore {
    public func health() async -> StoreHealth {
        if let recent = healthMemo.recent() { return recent }
        let health = await checkHealth()
        healthMemo.remember(health)
        return health
    }

    private func checkHealth() async -> StoreHealth {
        do throws(StorageError) {
            let (recovering, readOnly) = try await read { db in
                let row = try await db.rows("SELECT pg_is_in_recovery(), current_setting('transaction_read_only')").first
                return try row.map { try $0.decode((Bool, String).self) } ?? (false, "off")
            }
            if recovering {
                return .failing(.readOnly, "the PostgreSQL server is a standby in recovery: it cannot take changes",
                    hint: "point the nodes at the primary (or promote this server)")
            }
            if readOnly == "on" {
                return .failing(.readOnly, "the PostgreSQL database is read-only for this node's sessions (transaction_read_only is on)",
                    hint: "turn default_transaction_read_only off for the database or user, or point the nodes at a writable primary")
            }
            return .ok
        } catch {
            // Out of reach or without a free connection; never the server's own text.
            return .failing(.unreachable, "the PostgreSQL server does not answer", hint: "check that it runs and accepts this node's connections")
        }
    }
}

/// The last health answer and when it was found.
final class HealthMemo: Sendable {
    /// How long an answer is kept before the server is asked again.
    static let lifetime: Duration = .seconds(1)
    private let last = Mutex<(health: StoreHealth, at: ContinuousClock.Instant)?>(nil)

    func recent() -> StoreHealth? {
        last.withLock { last in
            guard let last, ContinuousClock.now - last.at < Self.lifetime else { return nil }
            return last.health
        }
    }

    func remember(_ health: StoreHealth) {
        last.withLock { $0 = (health, ContinuousClock.now) }
    }
}
