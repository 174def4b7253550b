extension PostgresSchema {
    /// Consents, the submission outbox and the hash-chained access journal.
    static let onceOnly = Migration(
        name: "v2-once-only-consents-submissions-journal",
        statements: [
            // `position` keeps the order rows were written in, for ties between equal moments.
            """
            CREATE TABLE consent (
                id text PRIMARY KEY,
                position bigint GENERATED ALWAYS AS IDENTITY,
                person_id text NOT NULL REFERENCES person (id),
                journey_id text NOT NULL,
                step_id text,
                service_id text NOT NULL,
                direction text NOT NULL,
                fields text NOT NULL,
                decision text NOT NULL,
                decided_at double precision NOT NULL,
                withdrawn_at double precision
            )
            """,
            "CREATE INDEX consent_by_person ON consent (person_id, journey_id, service_id)",
            // The outbox: an application is recorded before the agency is called and its outcome after, so a crash
            // in between is finished later with the same idempotency key (the id). A node finishing pending
            // submissions claims them first (claimed_by, claimed_until), so two nodes never send the same one at
            // once; a claim lapses at claimed_until, so a node that died while holding one does not block it.
            """
            CREATE TABLE submission (
                id text PRIMARY KEY,
                position bigint GENERATED ALWAYS AS IDENTITY,
                person_id text NOT NULL REFERENCES person (id),
                enrollment_id text NOT NULL REFERENCES enrollment (id),
                journey_id text NOT NULL,
                step_id text NOT NULL,
                service_id text NOT NULL,
                fields text NOT NULL,
                payload text,
                state text NOT NULL,
                case_id text,
                attempts integer NOT NULL,
                last_error text,
                created_at double precision NOT NULL,
                updated_at double precision NOT NULL,
                claimed_by text,
                claimed_until double precision
            )
            """,
            "CREATE INDEX submission_by_person ON submission (person_id)",
            // At most one submission in flight per step; recordIntent's ON CONFLICT names this index.
            "CREATE UNIQUE INDEX submission_pending_per_step ON submission (enrollment_id, step_id) WHERE state = 'pending'",
            // What a node looks for after a crash: the pending ones, oldest first.
            "CREATE INDEX submission_pending ON submission (created_at, position) WHERE state = 'pending'",
            // Every call to an agency and every consent decision, append-only and hash-chained (JournalChain).
            // Appenders take an EXCLUSIVE lock on the table for their transaction, so the chain has one order
            // even with several nodes; plain reads are not blocked by it.
            """
            CREATE TABLE access_journal (
                sequence bigint PRIMARY KEY,
                at double precision NOT NULL,
                person_id text NOT NULL,
                actor text NOT NULL,
                journey_id text,
                step_id text,
                agency_id text NOT NULL,
                service_id text NOT NULL,
                action text NOT NULL,
                fields text NOT NULL,
                outcome text NOT NULL,
                detail text,
                previous_hash text NOT NULL,
                hash text NOT NULL
            )
            """,
            "CREATE INDEX access_journal_by_person ON access_journal (person_id, sequence)",
        ])

    /// The JSON API's bearer tokens (only hashes of their secrets) and the case events agencies push.
    static let apiTokensAndAgencyEvents = Migration(
        name: "v3-api-tokens-agency-events",
        statements: [
            """
            CREATE TABLE api_token (
                id text PRIMARY KEY,
                secret_hash text NOT NULL UNIQUE,
                role text NOT NULL,
                person_id text,
                identity_number text,
                agency_id text,
                label text,
                created_at double precision NOT NULL,
                revoked_at double precision
            )
            """,
            // One row per (agency, message id): a message sent twice, to any node, is applied once.
            """
            CREATE TABLE agency_event (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                agency_id text NOT NULL,
                message_id text NOT NULL,
                person_id text NOT NULL REFERENCES person (id),
                enrollment_id text NOT NULL REFERENCES enrollment (id),
                step_id text NOT NULL,
                service_id text NOT NULL,
                kind text NOT NULL,
                decision text,
                case_reference text,
                message text,
                language text NOT NULL,
                received_at double precision NOT NULL,
                status text NOT NULL,
                outcome text,
                resolved_at double precision,
                CONSTRAINT agency_event_message UNIQUE (agency_id, message_id)
            )
            """,
            // Only pending events are indexed: they are what every change to a person looks for.
            "CREATE INDEX agency_event_pending ON agency_event (person_id, sequence) WHERE status = 'pending'",
        ])
}
