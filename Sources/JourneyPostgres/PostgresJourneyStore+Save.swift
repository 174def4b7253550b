import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// Writing transitions: the difference between two snapshots, and its events, inside the caller's transaction.
/// Only rows that changed are written, as in the SQLite store, so a transition costs what it changed.
extension PostgresJourneyStore {
    /// Writes several changes in the caller's transaction. The people they belong to are locked first, in one
    /// order (by id), so a commit waits for a `transact` on the same person rather than interleaving with it, and
    /// two commits on overlapping people cannot deadlock.
    static func save(_ db: Session, _ changes: [SnapshotChange]) async throws {
        let people = Set(changes.map(\.after.person.id.rawValue)).sorted()
        if !people.isEmpty {
            try await db.exec("SELECT id FROM person WHERE id = ANY(\(people)) ORDER BY id FOR UPDATE")
        }
        for change in changes { try await save(db, from: change.before, to: change.after, events: change.events) }
    }

    static func save(_ db: Session, from before: PersonSnapshot, to after: PersonSnapshot, events: [JourneyEvent]) async throws {
        try await savePerson(db, from: before, to: after)
        var previous: [EnrollmentID: StoredEnrollment] = [:]
        for enrollment in before.enrollments where previous[enrollment.id] == nil { previous[enrollment.id] = enrollment }
        // Enrollments are history: they end as complete or blocked, never by disappearing.
        if previous.keys.contains(where: { id in !after.enrollments.contains { $0.id == id } }) {
            throw StorageError(.failed, "enrollments cannot be removed")
        }
        // The integer key of each enrollment written, for its events and open steps.
        var keys: [EnrollmentID: Int64] = [:]
        for enrollment in after.enrollments {
            let old = previous[enrollment.id]
            if let old, old == enrollment { continue }
            let key = try await saveEnrollment(db, enrollment, old: old)
            keys[enrollment.id] = key
            try await saveOpenSteps(db, of: enrollment, key: key, before: old)
        }
        for event in events {
            let key: Int64
            if let known = keys[event.enrollment] {
                key = known
            } else {
                key = try await enrollmentKey(db, event.enrollment)
                keys[event.enrollment] = key
            }
            // Numbered per enrollment, continuing from the last one stored. Writers of one enrollment hold its
            // person's row, so two cannot pick the same number; if one did, the primary key would refuse it.
            try await db.exec("""
                INSERT INTO event (enrollment_key, sequence, at, actor, kind, step_id, fact_id, detail)
                VALUES (\(key), coalesce((SELECT max(sequence) FROM event WHERE enrollment_key = \(key)), 0) + 1, \(event.at.storedSeconds),
                    \(event.actor.rawValue), \(event.kind.rawValue), \(event.step?.rawValue), \(event.fact?.rawValue), \(event.detail))
                """)
        }
    }

    private static func savePerson(_ db: Session, from before: PersonSnapshot, to after: PersonSnapshot) async throws {
        let person = after.person.id.rawValue
        if before.person.identity != after.person.identity {
            try await db.exec("UPDATE person SET identity_number = \(after.person.identity?.twelveDigits) WHERE id = \(person)")
        }
        guard before.facts != after.facts else { return }
        for (fact, known) in after.facts where before.facts[fact] != known {
            try await db.exec("""
                INSERT INTO fact (person_id, fact_id, type, value, source, source_reference, recorded_at, valid_until)
                VALUES (\(person), \(fact.rawValue), \(known.value.typeKeyword), \(known.value.canonical), \(known.source.kind),
                    \(known.source.reference), \(known.recordedAt.storedSeconds), \(known.validUntil?.storedSeconds))
                ON CONFLICT (person_id, fact_id) DO UPDATE SET type = excluded.type, value = excluded.value, source = excluded.source,
                    source_reference = excluded.source_reference, recorded_at = excluded.recorded_at, valid_until = excluded.valid_until
                """)
        }
        for fact in before.facts.keys where after.facts[fact] == nil {
            try await db.exec("DELETE FROM fact WHERE person_id = \(person) AND fact_id = \(fact.rawValue)")
        }
    }

    /// Inserts or updates one enrollment's row and returns its key.
    private static func saveEnrollment(_ db: Session, _ enrollment: StoredEnrollment, old: StoredEnrollment?) async throws -> Int64 {
        let steps = StepsColumn.encodedText(enrollment.steps)
        guard let old else {
            let rows = try await db.rows("""
                INSERT INTO enrollment (id, person_id, journey_id, journey_version, status, ball, revision, created_at, updated_at, updated_day,
                    completed_at, steps)
                VALUES (\(enrollment.id.rawValue), \(enrollment.person.rawValue), \(enrollment.journey.rawValue), \(enrollment.journeyVersion),
                    \(enrollment.status.rawValue), \(enrollment.ball.rawValue), \(enrollment.revision), \(enrollment.createdAt.storedSeconds),
                    \(enrollment.updatedAt.storedSeconds), \(enrollment.updatedAt.storedDay), \(enrollment.completedAt?.storedSeconds),
                    CAST(\(steps) AS json))
                RETURNING key
                """)
            return try rows[0].decode(Int64.self)
        }
        // The revision guard turns a lost update (another writer since `before`) into a conflict. Under read committed
        // a writer that waited for another's commit re-checks the row as committed, so it finds the new revision.
        // Setting an indexed column to the value it has keeps the update heap-only, so all columns are set at once.
        let rows = try await db.rows("""
            UPDATE enrollment SET status = \(enrollment.status.rawValue), ball = \(enrollment.ball.rawValue), revision = \(enrollment.revision),
                updated_at = \(enrollment.updatedAt.storedSeconds), updated_day = \(enrollment.updatedAt.storedDay),
                completed_at = \(enrollment.completedAt?.storedSeconds), steps = CAST(\(steps) AS json)
            WHERE id = \(enrollment.id.rawValue) AND revision = \(old.revision)
            RETURNING key
            """)
        guard let row = rows.first else {
            throw StorageError(.conflict, "enrollment \(enrollment.id) was changed by someone else", hint: "reload it and try again")
        }
        return try row.decode(Int64.self)
    }

    /// The integer key behind an enrollment's id.
    private static func enrollmentKey(_ db: Session, _ enrollment: EnrollmentID) async throws -> Int64 {
        guard let row = try await db.rows("SELECT key FROM enrollment WHERE id = \(enrollment.rawValue)").first else {
            throw StorageError(.conflict, "no enrollment \(enrollment) to record an event for")
        }
        return try row.decode(Int64.self)
    }

    /// Keeps `open_step` in step with the enrollment: an open step whose state or `since` changed moves to its new
    /// key, a step that settled leaves, one that opened arrives. Progress alone does not touch the table.
    private static func saveOpenSteps(_ db: Session, of enrollment: StoredEnrollment, key: Int64, before old: StoredEnrollment?) async throws {
        let journey = enrollment.journey.rawValue
        for (step, before) in old?.steps ?? [:] where before.state.isOpen {
            if let after = enrollment.steps[step], after.state == before.state, after.since == before.since { continue }
            try await db.exec("""
                DELETE FROM open_step WHERE journey_id = \(journey) AND step_id = \(step.rawValue) AND state = \(before.state.rawValue)
                    AND since = \(before.since.storedSeconds) AND enrollment_key = \(key)
                """)
        }
        for (step, after) in enrollment.steps where after.state.isOpen {
            if let before = old?.steps[step], after.state == before.state, after.since == before.since { continue }
            try await db.exec("""
                INSERT INTO open_step (journey_id, step_id, state, since, enrollment_key)
                VALUES (\(journey), \(step.rawValue), \(after.state.rawValue), \(after.since.storedSeconds), \(key))
                """)
        }
    }
}
