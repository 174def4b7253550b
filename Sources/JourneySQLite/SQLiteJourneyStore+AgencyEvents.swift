import Foundation
import GRDB
import JourneyModel
import JourneyStore

extension SQLiteJourneyStore: AgencyEventStore {
    public func agencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> StoredAgencyEvent? {
        try await read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM agency_event WHERE agencyId = ? AND messageId = ?"),
                arguments: [agency.rawValue, messageID]).map(Self.agencyEvent(from:))
        }
    }

    public func pendingAgencyEvents(person: PersonID) async throws(StorageError) -> [StoredAgencyEvent] {
        try await read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM agency_event WHERE personId = ? AND status = 'pending' ORDER BY sequence"),
                arguments: [person.rawValue]).map(Self.agencyEvent(from:))
        }
    }

    public func snapshot(containing enrollment: EnrollmentID) async throws(StorageError) -> (snapshot: PersonSnapshot, hasPendingAgencyEvents: Bool)? {
        try await read { db in
            var person: PersonID?
            try db.eachRow("SELECT personId FROM enrollment WHERE id = ?", bind: { $0.text(enrollment.rawValue) }) { row in
                person = PersonID(row.string(0))
            }
            guard let person, let snapshot = try Self.loadSnapshot(db, person: person) else { return nil }
            var pending = false
            try db.eachRow("SELECT 1 FROM agency_event WHERE personId = ? AND status = 'pending' LIMIT 1", bind: { $0.text(person.rawValue) }) { _ in
                pending = true
            }
            return (snapshot, pending)
        }
    }

    public func peopleWithReachablePendingEvents(limit: Int) async throws(StorageError) -> [PersonID] {
        try await read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT a.personId FROM agency_event a
                JOIN enrollment e ON e.id = a.enrollmentId
                WHERE a.status = 'pending' AND json_extract(e.steps, '$."' || a.stepId || '"[0]') NOT IN ('locked', 'notApplicable')
                LIMIT ?
                """, arguments: [max(1, limit)]).map(PersonID.init)
        }
    }

    public func commit(_ changes: [SnapshotChange], received: [StoredAgencyEvent], resolved: [StoredAgencyEvent]) async throws(StorageError) {
        try await write { db in
            for change in changes { try Self.save(db, from: change.before, to: change.after, events: change.events) }
            for event in received {
                try db.execute(
                    sql: """
                        INSERT INTO agency_event (agencyId, messageId, personId, enrollmentId, stepId, serviceId, kind, decision, caseReference,
                            message, language, receivedAt, status, outcome, resolvedAt, expiresAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [event.agency.rawValue, event.messageID, event.person.rawValue, event.enrollment.rawValue, event.step.rawValue,
                        event.service.rawValue, event.kind, event.decision, event.caseReference, event.message, event.language.rawValue,
                        event.receivedAt.storedSeconds, event.status.rawValue, event.outcome, event.resolvedAt?.storedSeconds,
                        event.expiresAt?.storedSeconds])
            }
            for event in resolved {
                try db.execute(
                    sql: "UPDATE agency_event SET status = ?, outcome = ?, resolvedAt = ? WHERE sequence = ? AND status = 'pending'",
                    arguments: [event.status.rawValue, event.outcome, event.resolvedAt?.storedSeconds, event.sequence])
                if db.changesCount == 0 {
                    throw StorageError(.conflict, "an agency event was resolved by someone else", hint: "reload and try again")
                }
            }
        }
    }

    static func agencyEvent(from row: Row) throws -> StoredAgencyEvent {
        guard let status = StoredAgencyEvent.Status(rawValue: row["status"]), let language = Language(rawValue: row["language"]) else {
            throw StorageError(.corrupt, "a stored agency event cannot be read")
        }
        let resolvedAt: Double? = row["resolvedAt"]
        let expiresAt: Double? = row["expiresAt"]
        return StoredAgencyEvent(
            sequence: row["sequence"], agency: AgencyID(row["agencyId"] as String), messageID: row["messageId"],
            person: PersonID(row["personId"] as String), enrollment: EnrollmentID(row["enrollmentId"] as String), step: StepID(row["stepId"] as String),
            service: ServiceID(row["serviceId"] as String), kind: row["kind"], decision: row["decision"], caseReference: row["caseReference"],
            message: row["message"], language: language, receivedAt: Date(storedSeconds: row["receivedAt"]), status: status, outcome: row["outcome"],
            resolvedAt: resolvedAt.map(Date.init(storedSeconds:)), expiresAt: expiresAt.map(Date.init(storedSeconds:)))
    }

    public func unmatchedAgencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> UnmatchedAgencyEvent? {
        try await read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM unmatched_agency_event WHERE agencyId = ? AND messageId = ?"),
                arguments: [agency.rawValue, messageID]).map(Self.unmatchedEvent(from:))
        }
    }

    public func keep(unmatched event: UnmatchedAgencyEvent) async throws(StorageError) {
        try await write { db in
            // One (agency, message id) across both tables: a message id is one event, matched or not.
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM agency_event WHERE agencyId = ? AND messageId = ?",
                arguments: [event.agency.rawValue, event.messageID]) != nil
            {
                throw StorageError(.conflict, "that message id is taken", hint: "reload and try again")
            }
            try db.execute(
                sql: """
                    INSERT INTO unmatched_agency_event (agencyId, messageId, personReference, serviceId, journeyId, kind, decision, caseReference,
                        message, language, receivedAt, expiresAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [event.agency.rawValue, event.messageID, event.person, event.service.rawValue, event.journey?.rawValue, event.kind,
                    event.decision, event.caseReference, event.message, event.language.rawValue, event.receivedAt.storedSeconds,
                    event.expiresAt.storedSeconds])
        }
    }

    public func unmatchedAgencyEvents(limit: Int) async throws(StorageError) -> [UnmatchedAgencyEvent] {
        try await read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM unmatched_agency_event ORDER BY expiresAt, agencyId, messageId LIMIT ?"),
                arguments: [max(1, limit)]).map(Self.unmatchedEvent(from:))
        }
    }

    public func forgetUnmatchedAgencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) {
        try await write { db in
            try db.execute(sql: "DELETE FROM unmatched_agency_event WHERE agencyId = ? AND messageId = ?", arguments: [agency.rawValue, messageID])
        }
    }

    public func expireAgencyEvents(now: Date) async throws(StorageError) -> Int {
        try await write { db in
            let at = now.storedSeconds
            try db.execute(
                sql: "UPDATE agency_event SET status = 'refused', outcome = ?, resolvedAt = ? WHERE status = 'pending' AND expiresAt <= ?",
                arguments: [StoredAgencyEvent.expired, at, at])
            var expired = db.changesCount
            try db.execute(sql: "DELETE FROM unmatched_agency_event WHERE expiresAt <= ?", arguments: [at])
            expired += db.changesCount
            // A life event no one matched is kept only to recognise it sent again, until then.
            try db.execute(sql: "DELETE FROM life_event WHERE personId IS NULL AND expiresAt <= ?", arguments: [at])
            expired += db.changesCount
            return expired
        }
    }

    static func unmatchedEvent(from row: Row) throws -> UnmatchedAgencyEvent {
        guard let language = Language(rawValue: row["language"]) else { throw StorageError(.corrupt, "a stored agency event cannot be read") }
        let journey: String? = row["journeyId"]
        return UnmatchedAgencyEvent(
            agency: AgencyID(row["agencyId"] as String), messageID: row["messageId"], person: row["personReference"],
            service: ServiceID(row["serviceId"] as String), journey: journey.map { JourneyID($0) }, kind: row["kind"], decision: row["decision"],
            caseReference: row["caseReference"], message: row["message"], language: language, receivedAt: Date(storedSeconds: row["receivedAt"]),
            expiresAt: Date(storedSeconds: row["expiresAt"]))
    }
}

