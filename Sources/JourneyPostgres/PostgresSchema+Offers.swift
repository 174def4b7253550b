extension PostgresSchema {
    /// Offers: the agencies' life events (`life_event`, one per agency and message id, what they said kept only as a
    /// fingerprint) and the journeys they offered (`offer`), read by person newest first. At most one open offer per
    /// person and journey (`offer_open`).
    static let offers = Migration(
        name: "v13-offers",
        statements: [
            """
            CREATE TABLE life_event (
                agency_id text NOT NULL,
                message_id text NOT NULL,
                kind text NOT NULL,
                fingerprint text NOT NULL,
                person_id text REFERENCES person (id),
                received_at double precision NOT NULL,
                expires_at double precision NOT NULL,
                PRIMARY KEY (agency_id, message_id)
            )
            """,
            "CREATE INDEX life_event_unmatched_expiry ON life_event (expires_at) WHERE person_id IS NULL",
            """
            CREATE TABLE offer (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                person_id text NOT NULL REFERENCES person (id),
                journey_id text NOT NULL,
                agency_id text NOT NULL,
                event_kind text NOT NULL,
                message_id text NOT NULL,
                vouched_by text NOT NULL,
                facts text NOT NULL,
                created_at double precision NOT NULL,
                expires_at double precision NOT NULL,
                status text NOT NULL,
                decided_at double precision,
                enrollment_id text
            )
            """,
            "CREATE INDEX offer_by_person ON offer (person_id, id)",
            "CREATE UNIQUE INDEX offer_open ON offer (person_id, journey_id) WHERE status = 'open'",
        ])
}
