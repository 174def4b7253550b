extension PostgresSchema {
    /// What bound a person's number (an eID login or the agency of record), as JSON text; NULL for a number an
    /// operator named the record by. A citizen session token lapses at `expires_at` and carries its login's assurance.
    static let identityProofAndSessions = Migration(
        name: "v6-identity-proof-and-sessions",
        statements: [
            "ALTER TABLE person ADD COLUMN identity_proof text",
            "ALTER TABLE api_token ADD COLUMN expires_at double precision",
            "ALTER TABLE api_token ADD COLUMN assurance text",
        ])
}
