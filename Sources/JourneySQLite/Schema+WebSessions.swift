import GRDB

extension Schema {
    /// The web view across nodes: its sessions in the store, so any `lotsen serve` node behind one address knows a
    /// browser signed in at another (no sticky sessions), and a caseworker token found by the caseworker's own number
    /// for signing in with e-legitimation, from a partial index holding caseworker tokens only.
    ///
    /// A session row is keyed by the SHA-256 of its cookie, so the table alone opens no session; `lastSeenAt` moves at
    /// most once a minute. And the ID tokens already exchanged for a citizen session (their SHA-256, until they
    /// expire), so a token is exchanged once.
    static func webSessions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE web_session (
                idHash TEXT PRIMARY KEY NOT NULL,
                csrf TEXT NOT NULL,
                tokenHash TEXT NOT NULL,
                startedAt REAL NOT NULL,
                lastSeenAt REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX web_session_by_last_seen ON web_session (lastSeenAt);
            CREATE INDEX api_token_staff_identity ON api_token (identityNumber) WHERE role = 'caseworker';
            CREATE TABLE spent_id_token (
                hash TEXT PRIMARY KEY NOT NULL,
                expiresAt REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX spent_id_token_expiry ON spent_id_token (expiresAt);
            """)
    }
}
