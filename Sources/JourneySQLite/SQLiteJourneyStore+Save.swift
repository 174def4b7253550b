import Foundation
import GRDB
import JourneyModel
import JourneyStore

/// Writing one transition: the difference between two snapshots, and its events, inside the caller's transaction.
/// This runs on every commit, so it writes only rows that changed, sets indexed columns only when they changed,
/// and binds through the SQLite C API (`Database+Run.swift`).
extension SQLiteJourneyStore {
    static func save(_ db: Database, from before: PersonSnapshot, to after: PersonSnapshot, events: [JourneyEvent]) throws {
        try savePerson(db, from: before, to: after)
        if before.claims != after.claims { try saveClaims(db, from: before, to: after) }
        var previous: [EnrollmentID: StoredEnrollment] = [:]
        previous.reserveCapacity(before.enrollments.count)
        for enrollment in before.enrollments where previous[enrollment.id] == nil { previous[enrollment.id] = enrollment }
        // Enrollments are history: they end as complete or blocked, never by disappearing.
        if previous.count > after.enrollments.count || previous.keys.contains(where: { id in !after.enrollments.contains { $0.id == id } }) {
            throw StorageError(.failed, "enrollments cannot be removed")
        }
        // The integer key of each enrollment written, for its events and open steps.
        var keys: [EnrollmentID: Int64] = [:]
        for enrollment in after.enrollments {
            let old = previous[enrollment.id]
            if let old, old == enrollment { continue }
            let key = try saveEnrollment(db, enrollment, old: old)
            keys[enrollment.id] = key
            try saveOpenSteps(db, of: enrollment, key: key, before: old)
            if let old { try saveFinishedSteps(db, of: enrollment, key: key, before: old) }
            try saveTimers(db, of: enrollment, key: key, before: old)
        }
        for event in events {
            let key = try keys[event.enrollment] ?? enrollmentKey(db, event.enrollment)
            keys[event.enrollment] = key
            // Numbered per enrollment, continuing from the last one stored (the same page the row goes to).
            try db.run("""
                INSERT INTO event (enrollmentKey, sequence, at, actor, kind, stepId, factId, detail, representativeId, mandateId)
                VALUES (?1, coalesce((SELECT max(sequence) FROM event WHERE enrollmentKey = ?1), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """) { bind in
                bind.integer(key)
                bind.real(event.at.storedSeconds)
                bind.text(event.actor.rawValue)
                bind.text(event.kind.rawValue)
                bind.text(event.step?.rawValue)
                bind.text(event.fact?.rawValue)
                bind.text(event.detail)
                bind.text(event.representation?.representative.rawValue)
                bind.text(event.representation?.storedBasis)
            }
        }
    }

    private static func savePerson(_ db: Database, from before: PersonSnapshot, to after: PersonSnapshot) throws {
        let personID = after.person.id.rawValue
        if before.person.identity != after.person.identity || before.person.proof != after.person.proof {
            try db.run("UPDATE person SET identityNumber = ?, identityProof = ? WHERE id = ?") { bind in
                bind.text(after.person.identity?.twelveDigits)
                bind.text(after.person.proof?.storedText)
                bind.text(personID)
            }
        }
        // Most transitions leave the facts alone: the two dictionaries then share their storage and compare at once.
        guard before.facts != after.facts else { return }
        for (fact, known) in after.facts where before.facts[fact] != known {
            try db.run("""
                INSERT INTO fact (personId, factId, type, value, source, sourceReference, recordedAt, validUntil)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (personId, factId) DO UPDATE SET type = excluded.type, value = excluded.value, source = excluded.source,
                    sourceReference = excluded.sourceReference, recordedAt = excluded.recordedAt, validUntil = excluded.validUntil
                """) { bind in
                bind.text(personID)
                bind.text(fact.rawValue)
                bind.text(known.value.typeKeyword)
                bind.text(known.value.canonical)
                bind.text(known.source.kind)
                bind.text(known.source.reference)
                bind.real(known.recordedAt.storedSeconds)
                bind.real(known.validUntil?.storedSeconds)
            }
        }
        for fact in before.facts.keys where after.facts[fact] == nil {
            try db.run("DELETE FROM fact WHERE personId = ? AND factId = ?") { bind in
                bind.text(personID)
                bind.text(fact.rawValue)
            }
        }
    }

    private static func saveClaims(_ db: Database, from before: PersonSnapshot, to after: PersonSnapshot) throws {
        let personID = after.person.id.rawValue
        for (fact, claim) in after.claims where before.claims[fact] != claim {
            try db.run("""
                INSERT INTO fact_claim (personId, factId, type, value, source, sourceReference, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (personId, factId) DO UPDATE SET type = excluded.type, value = excluded.value, source = excluded.source,
                    sourceReference = excluded.sourceReference, recordedAt = excluded.recordedAt
                """) { bind in
                bind.text(personID)
                bind.text(fact.rawValue)
                bind.text(claim.value.typeKeyword)
                bind.text(claim.value.canonical)
                bind.text(claim.source.kind)
                bind.text(claim.source.reference)
                bind.real(claim.recordedAt.storedSeconds)
            }
        }
        for fact in before.claims.keys where after.claims[fact] == nil {
            try db.run("DELETE FROM fact_claim WHERE personId = ? AND factId = ?") { bind in
                bind.text(personID)
                bind.text(fact.rawValue)
            }
        }
    }

    /// Inserts or updates one enrollment's row and returns its key.
    private static func saveEnrollment(_ db: Database, _ enrollment: StoredEnrollment, old: StoredEnrollment?) throws -> Int64 {
        let id = enrollment.id.rawValue
        guard let old else {
            try db.run("""
                INSERT INTO enrollment (id, personId, journeyId, journeyVersion, status, ball, revision, createdAt, updatedAt, updatedDay, completedAt, steps)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """) { bind in
                bind.text(id)
                bind.text(enrollment.person.rawValue)
                bind.text(enrollment.journey.rawValue)
                bind.integer(enrollment.journeyVersion)
                bind.text(enrollment.status.rawValue)
                bind.text(enrollment.ball.rawValue)
                bind.integer(enrollment.revision)
                bind.real(enrollment.createdAt.storedSeconds)
                bind.real(enrollment.updatedAt.storedSeconds)
                bind.integer(enrollment.updatedAt.storedDay)
                bind.real(enrollment.completedAt?.storedSeconds)
                bind.text(utf8: StepsColumn.encode(enrollment.steps))
            }
            return db.lastInsertedRowID
        }
        // The revision guard turns a lost update (another writer since `before`) into a conflict. The indexed columns
        // are set only when they changed: SQLite rewrites the index entry of any indexed column that is set, and that
        // page would be one more WAL frame on nearly every commit.
        if enrollment.status != old.status || enrollment.ball != old.ball || enrollment.updatedAt.storedDay != old.updatedAt.storedDay {
            try db.run("""
                UPDATE enrollment SET status = ?, ball = ?, revision = ?, updatedAt = ?, updatedDay = ?, completedAt = ?, steps = ?
                WHERE id = ? AND revision = ?
                """) { bind in
                bind.text(enrollment.status.rawValue)
                bind.text(enrollment.ball.rawValue)
                bind.integer(enrollment.revision)
                bind.real(enrollment.updatedAt.storedSeconds)
                bind.integer(enrollment.updatedAt.storedDay)
                bind.real(enrollment.completedAt?.storedSeconds)
                bind.text(utf8: StepsColumn.encode(enrollment.steps))
                bind.text(id)
                bind.integer(old.revision)
            }
        } else {
            try db.run("UPDATE enrollment SET revision = ?, updatedAt = ?, completedAt = ?, steps = ? WHERE id = ? AND revision = ?") { bind in
                bind.integer(enrollment.revision)
                bind.real(enrollment.updatedAt.storedSeconds)
                bind.real(enrollment.completedAt?.storedSeconds)
                bind.text(utf8: StepsColumn.encode(enrollment.steps))
                bind.text(id)
                bind.integer(old.revision)
            }
        }
        guard db.changesCount > 0 else {
            throw StorageError(.conflict, "enrollment \(enrollment.id) was changed by someone else", hint: "reload it and try again")
        }
        // Only a move to a newer version of the journey (`lotsen migrate-enrollments`) changes it.
        if enrollment.journeyVersion != old.journeyVersion {
            try db.run("UPDATE enrollment SET journeyVersion = ? WHERE id = ?") { bind in
                bind.integer(enrollment.journeyVersion)
                bind.text(id)
            }
        }
        // Looked up rather than returned: `RETURNING` buffers its rows in a temporary table, which cost more.
        return try enrollmentKey(db, enrollment.id)
    }

    /// The integer key behind an enrollment's id.
    private static func enrollmentKey(_ db: Database, _ enrollment: EnrollmentID) throws -> Int64 {
        guard let key = try db.integer("SELECT key FROM enrollment WHERE id = ?", bind: { $0.text(enrollment.rawValue) }) else {
            throw StorageError(.conflict, "no enrollment \(enrollment) to record an event for")
        }
        return key
    }

    /// Keeps `open_step` in step with the enrollment: an open step whose state or `since` changed moves to its
    /// new key, a step that settled leaves, one that opened arrives. Progress alone does not touch the table.
    private static func saveOpenSteps(_ db: Database, of enrollment: StoredEnrollment, key: Int64, before old: StoredEnrollment?) throws {
        let journey = enrollment.journey.rawValue
        for (step, before) in old?.steps ?? [:] where before.state.isOpen {
            if let after = enrollment.steps[step], after.state == before.state, after.since == before.since { continue }
            try db.run("DELETE FROM open_step WHERE journeyId = ? AND stepId = ? AND state = ? AND since = ? AND enrollmentKey = ?") { bind in
                bind.text(journey)
                bind.text(step.rawValue)
                bind.text(before.state.rawValue)
                bind.real(before.since.storedSeconds)
                bind.integer(key)
            }
        }
        for (step, after) in enrollment.steps where after.state.isOpen {
            if let before = old?.steps[step], after.state == before.state, after.since == before.since { continue }
            try db.run("INSERT INTO open_step (journeyId, stepId, state, since, enrollmentKey) VALUES (?, ?, ?, ?, ?)") { bind in
                bind.text(journey)
                bind.text(step.rawValue)
                bind.text(after.state.rawValue)
                bind.real(after.since.storedSeconds)
                bind.integer(key)
            }
        }
    }

    /// Records how long each step that was done by this change took, in `step_duration` (``StoredStep/finishedSeconds(from:to:)``).
    private static func saveFinishedSteps(_ db: Database, of enrollment: StoredEnrollment, key: Int64, before old: StoredEnrollment) throws {
        for (step, after) in enrollment.steps where after.state == .done {
            guard let seconds = StoredStep.finishedSeconds(from: old.steps[step], to: after) else { continue }
            try db.run("INSERT INTO step_duration (journeyId, stepId, seconds, enrollmentKey, finishedAt) VALUES (?, ?, ?, ?, ?)") { bind in
                bind.text(enrollment.journey.rawValue)
                bind.text(step.rawValue)
                bind.real(seconds)
                bind.integer(key)
                bind.real(after.since.storedSeconds)
            }
        }
    }

    /// Keeps `timer` in step with the enrollment's moments (``TimerKind``): a moment that appeared or moved is
    /// (re)armed, one that went away disarms its timer, fired or not. Unchanged moments touch nothing.
    private static func saveTimers(_ db: Database, of enrollment: StoredEnrollment, key: Int64, before old: StoredEnrollment?) throws {
        for change in TimerKind.changes(from: old, to: enrollment) {
            if let moment = change.moment {
                try db.run("""
                    INSERT INTO timer (enrollmentKey, stepId, kind, journeyId, dueAt, firedAt) VALUES (?, ?, ?, ?, ?, NULL)
                    ON CONFLICT (enrollmentKey, stepId, kind) DO UPDATE SET dueAt = excluded.dueAt, firedAt = NULL
                    """) { bind in
                    bind.integer(key)
                    bind.text(change.step.rawValue)
                    bind.text(change.kind.rawValue)
                    bind.text(enrollment.journey.rawValue)
                    bind.real(moment.storedSeconds)
                }
            } else {
                try db.run("DELETE FROM timer WHERE enrollmentKey = ? AND stepId = ? AND kind = ?") { bind in
                    bind.integer(key)
                    bind.text(change.step.rawValue)
                    bind.text(change.kind.rawValue)
                }
            }
        }
    }
}
