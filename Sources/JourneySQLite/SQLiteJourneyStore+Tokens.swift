import Foundation
import GRDB
import JourneyModel
import JourneyStore

extension SQLiteJourneyStore: TokenStore {
    public func insertToken(_ token: StoredToken, secretHash: String) async throws(StorageError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO api_token (id, secretHash, role, personId, identityNumber, agencyId, label, createdAt, revokedAt, expiresAt, assurance)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [token.id, secretHash, token.role.rawValue, token.person?.rawValue, token.identity?.twelveDigits, token.agency?.rawValue,
                    token.label, token.createdAt.storedSeconds, token.revokedAt?.storedSeconds, token.expiresAt?.storedSeconds, token.assurance])
        }
    }

    public func token(secretHash: String) async throws(StorageError) -> StoredToken? {
        try await read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM api_token WHERE secretHash = ?"), arguments: [secretHash]).map(Self.token(from:))
        }
    }

    public func tokens() async throws(StorageError) -> [StoredToken] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY createdAt, id").map(Self.token(from:)) }
    }

    public func revokeToken(id: String, at moment: Date) async throws(StorageError) -> StoredToken? {
        try await write { db in
            try db.execute(sql: "UPDATE api_token SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL", arguments: [moment.storedSeconds, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE id = ?", arguments: [id]).map(Self.token(from:))
        }
    }

    public func staffToken(identity: Personnummer, at now: Date) async throws(StorageError) -> (token: StoredToken, secretHash: String)? {
        try await read { db in
            // The partial index holds caseworker tokens only; the role in the WHERE lets SQLite use it.
            try Row.fetchOne(db, sql: """
                SELECT * FROM api_token INDEXED BY api_token_staff_identity
                WHERE identityNumber = ? AND role = 'caseworker' AND revokedAt IS NULL AND (expiresAt IS NULL OR expiresAt > ?)
                ORDER BY createdAt DESC, id DESC LIMIT 1
                """, arguments: [identity.twelveDigits, now.storedSeconds]).map { row in (try Self.token(from: row), row["secretHash"] as String) }
        }
    }

    public func spendIDToken(hash: String, until: Date, at now: Date) async throws(StorageError) -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM spent_id_token WHERE expiresAt < ?", arguments: [now.storedSeconds])
            try db.execute(sql: "INSERT INTO spent_id_token (hash, expiresAt) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING",
                arguments: [hash, until.storedSeconds])
            return db.changesCount == 1
        }
    }

    static func token(from row: Row) throws -> StoredToken {
        guard let role = StoredToken.Role(rawValue: row["role"]) else { throw StorageError(.corrupt, "a stored token has an unknown role") }
        var identity: Personnummer?
        if let number: String = row["identityNumber"] {
            do { identity = try Personnummer(parsing: number) } catch { throw StorageError(.corrupt, "a stored token's identity number is not valid") }
        }
        let person: String? = row["personId"]
        let agency: String? = row["agencyId"]
        let revokedAt: Double? = row["revokedAt"]
        let expiresAt: Double? = row["expiresAt"]
        return StoredToken(id: row["id"], role: role, person: person.map(PersonID.init), identity: identity, agency: agency.map(AgencyID.init),
            label: row["label"], createdAt: Date(storedSeconds: row["createdAt"]), revokedAt: revokedAt.map(Date.init(storedSeconds:)),
            expiresAt: expiresAt.map(Date.init(storedSeconds:)), assurance: row["assurance"])
    }
}
