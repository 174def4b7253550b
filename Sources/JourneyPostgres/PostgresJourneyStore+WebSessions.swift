import Foundation
import JourneyStore
import PostgresNIO

extension PostgresJourneyStore: WebSessionStore {
    public func openWebSession(_ session: StoredWebSession, forgettingIdleBefore idleBefore: Date, startedBefore: Date) async throws(StorageError) {
        try await write { db in
            try await db.exec("DELETE FROM web_session WHERE last_seen_at < \(idleBefore.storedSeconds) OR started_at < \(startedBefore.storedSeconds)")
            try await db.exec("""
                INSERT INTO web_session (id_hash, csrf, token_hash, started_at, last_seen_at)
                VALUES (\(session.idHash), \(session.csrf), \(session.tokenHash), \(session.startedAt.storedSeconds), \(session.lastSeenAt.storedSeconds))
                """)
        }
    }

    public func webSession(idHash: String) async throws(StorageError) -> StoredWebSession? {
        try await read { db in
            guard let row = try await db.rows("SELECT csrf, token_hash, started_at, last_seen_at FROM web_session WHERE id_hash = \(idHash)").first else {
                return nil
            }
            let (csrf, tokenHash, startedAt, lastSeenAt) = try row.decode((String, String, Double, Double).self)
            return StoredWebSession(idHash: idHash, csrf: csrf, tokenHash: tokenHash, startedAt: Date(storedSeconds: startedAt),
                lastSeenAt: Date(storedSeconds: lastSeenAt))
        }
    }

    public func touchWebSession(idHash: String, at moment: Date) async throws(StorageError) {
        try await write { db in
            try await db.exec("UPDATE web_session SET last_seen_at = greatest(last_seen_at, \(moment.storedSeconds)) WHERE id_hash = \(idHash)")
        }
    }

    public func closeWebSession(idHash: String) async throws(StorageError) {
        try await write { db in try await db.exec("DELETE FROM web_session WHERE id_hash = \(idHash)") }
    }
}
