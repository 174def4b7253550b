import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

extension PostgresJourneyStore: AgencyEventStore {
    public func agencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> StoredAgencyEvent? {
        try await read { db in
            try await db.rows(
                "SELECT \(unescaped: Self.agencyEventColumns) FROM agency_event WHERE agency_id = \(agency.rawValue) AND message_id = \(messageID)"
            ).first.map(Self.agencyEvent(from:))
        }
    }

    public func pendingAgencyEvents(person: PersonID) async throws(StorageError) -> [StoredAgencyEvent] {
        try await read { db in
            try await db.rows(PendingAgencyEvents.self, person.rawValue).map(Self.agencyEvent(from:))
        }
    }

    private enum PendingAgencyEvents: FixedStatement {
        static let sql = "SELECT \(agencyEventColumns) FROM agency_event WHERE person_id = $1 AND status = 'pending' ORDER BY sequence"
        static let parameterTypes: [PostgresDataType] = [.text]
    }

    public func snapshot(containing enrollment: EnrollmentID) async throws(StorageError) -> (snapshot: PersonSnapshot, hasPendingAgencyEvents: Bool)? {
        // One statement, so the pending flag belongs to the snapshot it comes with.
        let loaded = try await read { db -> Loaded? in
            try await Self.loadSnapshot(db, containing: enrollment).map { Loaded(snapshot: $0.snapshot, pending: $0.pending) }
        }
        return loaded.map { ($0.snapshot, $0.pending) }
    }

    public func peopleWithReachablePendingEvents(limit: Int) async throws(StorageError) -> [PersonID] {
        // The pending events come from their partial index; each one's step state is read from its enrollment's
        // steps column (`{"step": ["state", …]}`). A step missing from the column counts as unreachable, as in SQLite.
        try await read { db in
            try await db.rows("""
                SELECT DISTINCT a.person_id FROM agency_event a
                JOIN enrollment e ON e.id = a.enrollment_id
                WHERE a.status = 'pending' AND (e.steps -> a.step_id ->> 0) NOT IN ('locked', 'notApplicable')
                LIMIT \(max(1, limit))
                """
            ).map { PersonID(try $0.decode(String.self)) }
        }
    }

    public func commit(_ changes: [SnapshotChange], received: [StoredAgencyEvent], resolved: [StoredAgencyEvent]) async throws(StorageError) {
        try await write { db in
            try await Self.save(db, changes)
            for event in received {
                // A message id already taken (by this node or another) violates agency_event_message: a conflict.
                try await db.exec("""
                    INSERT INTO agency_event (agency_id, message_id, person_id, enrollment_id, step_id, service_id, kind, decision, case_reference,
                        message, language, received_at, status, outcome, resolved_at, expires_at)
                    VALUES (\(event.agency.rawValue), \(event.messageID), \(event.person.rawValue), \(event.enrollment.rawValue), \(event.step.rawValue),
                        \(event.service.rawValue), \(event.kind), \(event.decision), \(event.caseReference), \(event.message), \(event.language.rawValue),
                        \(event.receivedAt.storedSeconds), \(event.status.rawValue), \(event.outcome), \(event.resolvedAt?.storedSeconds),
                        \(event.expiresAt?.storedSeconds))
                    """)
            }
            for event in resolved {
                let updated = try await db.rows("""
                    UPDATE agency_event SET status = \(event.status.rawValue), outcome = \(event.outcome), resolved_at = \(event.resolvedAt?.storedSeconds)
                    WHERE sequence = \(event.sequence) AND status = 'pending'
                    RETURNING sequence
                    """)
                if updated.isEmpty { throw StorageError(.conflict, "an agency event was resolved by someone else", hint: "reload and try again") }
            }
        }
    }

    static let agencyEventColumns = """
        sequence, agency_id, message_id, person_id, enrollment_id, step_id, service_id, kind, decision, case_reference, message, language, \
        received_at, status, outcome, resolved_at, expires_at
        """

    static func agencyEvent(from row: PostgresRow) throws -> StoredAgencyEvent {
        let (sequence, agency, messageID, person, enrollment, step, service, kind, decision, caseReference, message, language, receivedAt, status,
            outcome, resolvedAt, expiresAt) = try row.decode(
                (Int64, String, String, String, String, String, String, String, String?, String?, String?, String, Double, String, String?, Double?,
                    Double?).self)
        guard let status = StoredAgencyEvent.Status(rawValue: status), let language = Language(rawValue: language) else {
            throw StorageError(.corrupt, "a stored agency event cannot be read")
        }
        return StoredAgencyEvent(
            sequence: sequence, agency: AgencyID(agency), messageID: messageID, person: PersonID(person), enrollment: EnrollmentID(enrollment),
            step: StepID(step), service: ServiceID(service), kind: kind, decision: decision, caseReference: caseReference, message: message,
            language: language, receivedAt: Date(storedSeconds: receivedAt), status: status, outcome: outcome,
            resolvedAt: resolvedAt.map(Date.init(storedSeconds:)), expiresAt: expiresAt.map(Date.init(storedSeconds:)))
    }

    public func unmatchedAgencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> UnmatchedAgencyEvent? {
        try await read { db in
            try await db.rows("""
                SELECT \(unescaped: Self.unmatchedColumns) FROM unmatched_agency_event WHERE agency_id = \(agency.rawValue) AND message_id = \(messageID)
                """
            ).first.map(Self.unmatchedEvent(from:))
        }
    }

    public func keep(unmatched event: UnmatchedAgencyEvent) async throws(StorageError) {
        try await write { db in
            // One (agency, message id) across both tables: a message id is one event, matched or not. A taken one here
            // violates the primary key, a conflict; one taken by a matched event inserts nothing, a conflict too.
            let inserted = try await db.rows("""
                INSERT INTO unmatched_agency_event (agency_id, message_id, person_reference, service_id, journey_id, kind, decision, case_reference,
                    message, language, received_at, expires_at)
                SELECT \(event.agency.rawValue), \(event.messageID), \(event.person), \(event.service.rawValue), \(event.journey?.rawValue), \(event.kind),
                    \(event.decision), \(event.caseReference), \(event.message), \(event.language.rawValue), \(event.receivedAt.storedSeconds),
                    \(event.expiresAt.storedSeconds)
                WHERE NOT EXISTS (SELECT 1 FROM agency_event WHERE agency_id = \(event.agency.rawValue) AND message_id = \(event.messageID))
                RETURNING message_id
                """)
            if inserted.isEmpty { throw StorageError(.conflict, "that message id is taken", hint: "reload and try again") }
        }
    }

    public func unmatchedAgencyEvents(limit: Int) async throws(StorageError) -> [UnmatchedAgencyEvent] {
        try await read { db in
            try await db.rows("""
                SELECT \(unescaped: Self.unmatchedColumns) FROM unmatched_agency_event ORDER BY expires_at, agency_id, message_id LIMIT \(max(1, limit))
                """
            ).map(Self.unmatchedEvent(from:))
        }
    }

    public func forgetUnmatchedAgencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) {
        try await write { db in
            try await db.exec("DELETE FROM unmatched_agency_event WHERE agency_id = \(agency.rawValue) AND message_id = \(messageID)")
        }
    }

    public func expireAgencyEvents(now: Date) async throws(StorageError) -> Int {
        let at = now.storedSeconds
        return try await write { db in
            let refused = try await db.rows("""
                UPDATE agency_event SET status = 'refused', outcome = \(StoredAgencyEvent.expired), resolved_at = \(at)
                WHERE status = 'pending' AND expires_at <= \(at)
                RETURNING sequence
                """)
            let forgotten = try await db.rows("DELETE FROM unmatched_agency_event WHERE expires_at <= \(at) RETURNING message_id")
            // A life event no one matched is kept only to recognise it sent again, until then.
            let lifeEvents = try await db.rows("DELETE FROM life_event WHERE person_id IS NULL AND expires_at <= \(at) RETURNING message_id")
            return refused.count + forgotten.count + lifeEvents.count
        }
    }

    static let unmatchedColumns = """
        agency_id, message_id, person_reference, service_id, journey_id, kind, decision, case_reference, message, language, received_at, expires_at
        """

    static func unmatchedEvent(from row: PostgresRow) throws -> UnmatchedAgencyEvent {
        let (agency, messageID, person, service, journey, kind, decision, caseReference, message, language, receivedAt, expiresAt) = try row.decode(
            (String, String, String, String, String?, String, String?, String?, String?, String, Double, Double).self)
        guard let language = Language(rawValue: language) else { throw StorageError(.corrupt, "a stored agency event cannot be read") }
        return UnmatchedAgencyEvent(
            agency: AgencyID(agency), messageID: messageID, person: person, service: ServiceID(service), journey: journey.map { JourneyID($0) },
            kind: kind, decision: decision, caseReference: caseReference, message: message, language: language,
            receivedAt: Date(storedSeconds: receivedAt), expiresAt: Date(storedSeconds: expiresAt))
    }
}


/// What ``PostgresJourneyStore/snapshot(containing:)`` reads in its transaction.
private struct Loaded: Sendable {
    let snapshot: PersonSnapshot
    let pending: Bool
}
