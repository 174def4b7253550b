import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

extension PostgresJourneyStore: TokenStore {
    public func insertToken(_ token: StoredToken, secretHash: String) async throws(StorageError) {
        // A taken id or hash violates a unique constraint: a conflict.
        try await write { db in
            try await db.exec("""
                INSERT INTO api_token (id, secret_hash, role, person_id, identity_number, agency_id, label, created_at, revoked_at, expires_at, assurance)
                VALUES (\(token.id), \(secretHash), \(token.role.rawValue), \(token.person?.rawValue), \(token.identity?.twelveDigits),
                    \(token.agency?.rawValue), \(token.label), \(token.createdAt.storedSeconds), \(token.revokedAt?.storedSeconds),
                    \(token.expiresAt?.storedSeconds), \(token.assurance))
                """)
        }
    }

    public func token(secretHash: String) async throws(StorageError) -> StoredToken? {
        try await read { db in
            try await db.rows(TokenBySecretHash.self, secretHash).first.map(Self.token(from:))
        }
    }

    private enum TokenBySecretHash: FixedStatement {
        static let sql = "SELECT \(tokenColumns) FROM api_token WHERE secret_hash = $1"
        static let parameterTypes: [PostgresDataType] = [.text]
    }

    public func tokens() async throws(StorageError) -> [StoredToken] {
        try await read { db in try await db.rows("SELECT \(unescaped: Self.tokenColumns) FROM api_token ORDER BY created_at, id").map(Self.token(from:)) }
    }

    public func revokeToken(id: String, at moment: Date) async throws(StorageError) -> StoredToken? {
        // One statement: a token revoked before keeps its first moment, and the row comes back either way.
        try await write { db in
            try await db.rows(
                "UPDATE api_token SET revoked_at = coalesce(revoked_at, \(moment.storedSeconds)) WHERE id = \(id) RETURNING \(unescaped: Self.tokenColumns)"
            ).first.map(Self.token(from:))
        }
    }

    public func staffToken(identity: Personnummer, at now: Date) async throws(StorageError) -> (token: StoredToken, secretHash: String)? {
        try await read { db in
            // The role in the WHERE matches the partial index of caseworker tokens.
            guard let row = try await db.rows("""
                SELECT \(unescaped: Self.tokenColumns), secret_hash FROM api_token
                WHERE identity_number = \(identity.twelveDigits) AND role = 'caseworker' AND revoked_at IS NULL
                    AND (expires_at IS NULL OR expires_at > \(now.storedSeconds))
                ORDER BY created_at DESC, id DESC LIMIT 1
                """).first
            else { return nil }
            let hash = try row.decode((String, String, String?, String?, String?, String?, Double, Double?, Double?, String?, String).self).10
            return (try Self.token(from: row), hash)
        }
    }

    public func spendIDToken(hash: String, until: Date, at now: Date) async throws(StorageError) -> Bool {
        try await write { db in
            try await db.exec("DELETE FROM spent_id_token WHERE expires_at < \(now.storedSeconds)")
            // A concurrent spend of the same token on another node waits on the key, then finds it taken: one row back at most.
            return try await !db.rows(
                "INSERT INTO spent_id_token (hash, expires_at) VALUES (\(hash), \(until.storedSeconds)) ON CONFLICT (hash) DO NOTHING RETURNING hash"
            ).isEmpty
        }
    }

    static let tokenColumns = "id, role, person_id, identity_number, agency_id, label, created_at, revoked_at, expires_at, assurance"

    static func token(from row: PostgresRow) throws -> StoredToken {
        let (id, role, person, number, agency, label, createdAt, revokedAt, expiresAt, assurance) = try row.decode(
            (String, String, String?, String?, String?, String?, Double, Double?, Double?, String?).self)
        guard let role = StoredToken.Role(rawValue: role) else { throw StorageError(.corrupt, "a stored token has an unknown role") }
        var identity: Personnummer?
        if let number {
            do { identity = try Personnummer(parsing: number) } catch { throw StorageError(.corrupt, "a stored token's identity number is not valid") }
        }
        return StoredToken(id: id, role: role, person: person.map(PersonID.init), identity: identity, agency: agency.map(AgencyID.init), label: label,
            createdAt: Date(storedSeconds: createdAt), revokedAt: revokedAt.map(Date.init(storedSeconds:)),
            expiresAt: expiresAt.map(Date.init(storedSeconds:)), assurance: assurance)
    }
}
