extension PostgresSchema {
    /// A person's claims against facts an agency supplied, beside the agency's value in `fact`. Agency events wait at
    /// most until `expires_at` (NULL for those kept before: they wait as before). An event about someone no step
    /// matches (unknown, not enrolled) is kept apart, as the agency named the person, until it matches or expires: the
    /// agency's answer is the same as for any event that waits.
    static let agencyClaimsAndUnmatchedEvents = Migration(
        name: "v7-agency-claims-and-unmatched-events",
        statements: [
            """
            CREATE TABLE fact_claim (
                person_id text NOT NULL REFERENCES person (id),
                fact_id text NOT NULL,
                type text NOT NULL,
                value text NOT NULL,
                source text NOT NULL,
                source_reference text,
                recorded_at double precision NOT NULL,
                PRIMARY KEY (person_id, fact_id)
            )
            """,
            "ALTER TABLE agency_event ADD COLUMN expires_at double precision",
            "CREATE INDEX agency_event_expiry ON agency_event (expires_at) WHERE status = 'pending'",
            """
            CREATE TABLE unmatched_agency_event (
                agency_id text NOT NULL,
                message_id text NOT NULL,
                person_reference text NOT NULL,
                service_id text NOT NULL,
                journey_id text,
                kind text NOT NULL,
                decision text,
                case_reference text,
                message text,
                language text NOT NULL,
                received_at double precision NOT NULL,
                expires_at double precision NOT NULL,
                PRIMARY KEY (agency_id, message_id)
            )
            """,
            "CREATE INDEX unmatched_agency_event_expiry ON unmatched_agency_event (expires_at)",
        ])
}
