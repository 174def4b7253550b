extension PostgresSchema {
    /// The web view across nodes, as SQLite's: sessions in the store keyed by the SHA-256 of their cookie, so any node
    /// knows a browser signed in at another; and caseworker tokens found by the caseworker's own number, for signing in
    /// with e-legitimation, from a partial index of caseworker tokens only; and the ID tokens already exchanged for a
    /// citizen session, until they expire.
    static let webSessions = Migration(
        name: "v12-sessions",
        statements: [
            """
            CREATE TABLE web_session (
                id_hash text PRIMARY KEY,
                csrf text NOT NULL,
                token_hash text NOT NULL,
                started_at double precision NOT NULL,
                last_seen_at double precision NOT NULL
            )
            """,
            "CREATE INDEX web_session_by_last_seen ON web_session (last_seen_at)",
            "CREATE INDEX api_token_staff_identity ON api_token (identity_number) WHERE role = 'caseworker'",
            "CREATE TABLE spent_id_token (hash text PRIMARY KEY, expires_at double precision NOT NULL)",
            "CREATE INDEX spent_id_token_expiry ON spent_id_token (expires_at)",
        ])
}
