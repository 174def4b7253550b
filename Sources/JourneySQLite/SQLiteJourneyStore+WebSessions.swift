import Foundation
import GRDB
import JourneyStore

extension SQLiteJourneyStore: WebSessionStore {
    public func openWebSession(_ session: StoredWebSession, forgettingIdleBefore idleBefore: Date, startedBefore: Date) async throws(StorageError) {
        try await write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE lastSeenAt < ? OR startedAt < ?", arguments: [idleBefore.storedSeconds, startedBefore.storedSeconds])
            try db.execute(sql: "INSERT INTO web_session (idHash, csrf, tokenHash, startedAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [session.idHash, session.csrf, session.tokenHash, session.startedAt.storedSeconds, session.lastSeenAt.storedSeconds])
        }
    }

    public func webSession(idHash: String) async throws(StorageError) -> StoredWebSession? {
        try await read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT csrf, tokenHash, startedAt, lastSeenAt FROM web_session WHERE idHash = ?"), arguments: [idHash])
                .map { row in
                    StoredWebSession(idHash: idHash, csrf: row[0], tokenHash: row[1], startedAt: Date(storedSeconds: row[2]), lastSeenAt: Date(storedSeconds: row[3]))
                }
        }
    }

    public func touchWebSession(idHash: String, at moment: Date) async throws(StorageError) {
        try await write { db in
            try db.execute(sql: "UPDATE web_session SET lastSeenAt = max(lastSeenAt, ?) WHERE idHash = ?", arguments: [moment.storedSeconds, idHash])
        }
    }

    public func closeWebSession(idHash: String) async throws(StorageError) {
        try await write { db in try db.execute(sql: "DELETE FROM web_session WHERE idHash = ?", arguments: [idHash]) }
    }
}
