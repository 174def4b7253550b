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
        if before.claims != after.claims { try await saveClaims(db, from: before, to: after) }
        var previous: [EnrollmentID: StoredEnrollment] = [:]
        for enrollment in before.enrollments where previous[enrollment.id] == nil { previous[enrollment.id] = enrollment }
        // Enrollments are history: they end as complete or blocked, never by disappearing.
        if previous.keys.contains(where: { id in !after.enrollments.contains { $0.id == id } }) {
            throw StorageError(.failed, "enrollments cannot be removed")
        }
        for enrollment in after.enrollments {
            let old = previous[enrollment.id]
            if let old, old == enrollment { continue }
            let key = try await saveEnrollment(db, enrollment, old: old)
            // Only a move to a newer version of the journey (`lotsen migrate-enrollments`) changes it.
            if let old, enrollment.journeyVersion != old.journeyVersion {
                try await db.exec("UPDATE enrollment SET journey_version = \(enrollment.journeyVersion) WHERE key = \(key)")
            }
            try await saveTimers(db, TimerKind.changes(from: old, to: enrollment), key: key, journey: enrollment.journey)
        }
        for event in events {
            var binds = PostgresBindings(capacity: 9)
            binds.append(event.at.storedSeconds)
            binds.append(event.actor.rawValue)
            binds.append(event.kind.rawValue)
            binds.append(event.step?.rawValue)
            binds.append(event.fact?.rawValue)
            binds.append(event.detail)
            binds.append(event.enrollment.rawValue)
            binds.append(event.representation?.representative.rawValue)
            binds.append(event.representation?.storedBasis)
            let inserted = try await db.rows(InsertEvent.self, binds)
            if inserted.isEmpty { throw StorageError(.conflict, "no enrollment \(event.enrollment) to record an event for") }
        }
    }

    private static func saveClaims(_ db: Session, from before: PersonSnapshot, to after: PersonSnapshot) async throws {
        let person = after.person.id.rawValue
        for (fact, claim) in after.claims where before.claims[fact] != claim {
            try await db.exec("""
                INSERT INTO fact_claim (person_id, fact_id, type, value, source, source_reference, recorded_at)
                VALUES (\(person), \(fact.rawValue), \(claim.value.typeKeyword), \(claim.value.canonical), \(claim.source.kind),
                    \(claim.source.reference), \(claim.recordedAt.storedSeconds))
                ON CONFLICT (person_id, fact_id) DO UPDATE SET type = excluded.type, value = excluded.value, source = excluded.source,
                    source_reference = excluded.source_reference, recorded_at = excluded.recorded_at
                """)
        }
        for fact in before.claims.keys where after.claims[fact] == nil {
            try await db.exec("DELETE FROM fact_claim WHERE person_id = \(person) AND fact_id = \(fact.rawValue)")
        }
    }

    private static func savePerson(_ db: Session, from before: PersonSnapshot, to after: PersonSnapshot) async throws {
        let person = after.person.id.rawValue
        if before.person.identity != after.person.identity || before.person.proof != after.person.proof {
            try await db.exec(
                "UPDATE person SET identity_number = \(after.person.identity?.twelveDigits), identity_proof = \(after.person.proof?.storedText) WHERE id = \(person)")
        }
        guard before.facts != after.facts else { return }
        for (fact, known) in after.facts where before.facts[fact] != known {
            var binds = PostgresBindings(capacity: 8)
            binds.append(person)
            binds.append(fact.rawValue)
            binds.append(known.value.typeKeyword)
            binds.append(known.value.canonical)
            binds.append(known.source.kind)
            binds.append(known.source.reference)
            binds.append(known.recordedAt.storedSeconds)
            binds.append(known.validUntil?.storedSeconds)
            try await db.rows(UpsertFact.self, binds)
        }
        for fact in before.facts.keys where after.facts[fact] == nil {
            try await db.exec("DELETE FROM fact WHERE person_id = \(person) AND fact_id = \(fact.rawValue)")
        }
    }

    /// Inserts or updates one enrollment's row, its entries in `open_step` and the times of the steps it finished (in
    /// `step_duration`, ``StoredStep/finishedSeconds(from:to:)``), in one statement (one round trip), and returns its key.
    /// The other tables change in data-modifying CTEs that run only when the row was written: a revision that no longer
    /// matches leaves the statement without a row and changes nothing.
    private static func saveEnrollment(_ db: Session, _ enrollment: StoredEnrollment, old: StoredEnrollment?) async throws -> Int64 {
        let steps = StepsColumn.encodedText(enrollment.steps)
        let (gone, came) = openStepChanges(of: enrollment, before: old)
        let journey = enrollment.journey.rawValue
        let finished = finishedSteps(of: enrollment, before: old)
        var binds = PostgresBindings(capacity: 22)
        binds.append(enrollment.status.rawValue)
        binds.append(enrollment.ball.rawValue)
        binds.append(enrollment.revision)
        binds.append(enrollment.updatedAt.storedSeconds)
        binds.append(enrollment.updatedAt.storedDay)
        binds.append(enrollment.completedAt?.storedSeconds)
        binds.append(steps)
        binds.append(enrollment.id.rawValue)
        if let old {
            binds.append(old.revision)
        } else {
            binds.append(enrollment.person.rawValue)
            binds.append(journey)
            binds.append(enrollment.journeyVersion)
            binds.append(enrollment.createdAt.storedSeconds)
        }
        binds.append(journey)
        binds.append(gone.steps)
        binds.append(gone.states)
        binds.append(gone.since)
        binds.append(came.steps)
        binds.append(came.states)
        binds.append(came.since)
        binds.append(finished.steps)
        binds.append(finished.seconds)
        binds.append(finished.at)
        let rows = old == nil ? try await db.rows(InsertEnrollment.self, binds) : try await db.rows(UpdateEnrollment.self, binds)
        guard let key = rows.first else {
            throw StorageError(.conflict, "enrollment \(enrollment.id) was changed by someone else", hint: "reload it and try again")
        }
        return try key.decode(Int64.self)
    }

    /// (Re)arms the timers whose moment appeared or moved and disarms those whose moment went away, fired or not.
    /// Most transitions change none and send nothing.
    private static func saveTimers(_ db: Session, _ changes: [TimerKind.Change], key: Int64, journey: JourneyID) async throws {
        for change in changes {
            if let moment = change.moment {
                try await db.exec("""
                    INSERT INTO timer (enrollment_key, step_id, kind, journey_id, due_at, fired_at)
                    VALUES (\(key), \(change.step.rawValue), \(change.kind.rawValue), \(journey.rawValue), \(moment.storedSeconds), NULL)
                    ON CONFLICT (enrollment_key, step_id, kind) DO UPDATE SET due_at = excluded.due_at, fired_at = NULL
                    """)
            } else {
                try await db.exec(
                    "DELETE FROM timer WHERE enrollment_key = \(key) AND step_id = \(change.step.rawValue) AND kind = \(change.kind.rawValue)")
            }
        }
    }

    /// Numbered per enrollment, continuing from the last one stored. Writers of one enrollment hold its person's
    /// row, so two cannot pick the same number; if one did, the primary key would refuse it. The enrollment's key is
    /// looked up in the same statement; no row means there is no such enrollment.
    private enum InsertEvent: FixedStatement {
        static let sql = """
            INSERT INTO event (enrollment_key, sequence, at, actor, kind, step_id, fact_id, detail, representative_id, mandate_id)
            SELECT e.key, coalesce((SELECT max(v.sequence) FROM event v WHERE v.enrollment_key = e.key), 0) + 1, $1, $2, $3, $4, $5, $6, $8, $9
            FROM enrollment e WHERE e.id = $7
            RETURNING sequence
            """
        static let parameterTypes: [PostgresDataType] = [.float8, .text, .text, .text, .text, .text, .text, .text, .text]
    }

    private enum UpsertFact: FixedStatement {
        static let sql = """
            INSERT INTO fact (person_id, fact_id, type, value, source, source_reference, recorded_at, valid_until)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (person_id, fact_id) DO UPDATE SET type = excluded.type, value = excluded.value, source = excluded.source,
                source_reference = excluded.source_reference, recorded_at = excluded.recorded_at, valid_until = excluded.valid_until
            """
        static let parameterTypes: [PostgresDataType] = [.text, .text, .text, .text, .text, .text, .float8, .float8]
    }

    /// An enrollment that changed. The revision guard turns a lost update (another writer since `before`) into a
    /// conflict. Under read committed a writer that waited for another's commit re-checks the row as committed, so it
    /// finds the new revision. Setting an indexed column to the value it has keeps the update heap-only, so all are set.
    private enum UpdateEnrollment: FixedStatement {
        static let sql = withStepTables(
            row: """
                UPDATE enrollment SET status = $1, ball = $2, revision = $3, updated_at = $4, updated_day = $5, completed_at = $6, steps = CAST($7 AS json)
                WHERE id = $8 AND revision = $9
                RETURNING key
                """, next: 9)
        static let parameterTypes: [PostgresDataType] = [.text, .text, .int8, .float8, .int8, .float8, .text, .text, .int8] + stepTableTypes
    }

    /// A new enrollment.
    private enum InsertEnrollment: FixedStatement {
        static let sql = withStepTables(
            row: """
                INSERT INTO enrollment (status, ball, revision, updated_at, updated_day, completed_at, steps, id, person_id, journey_id,
                    journey_version, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS json), $8, $9, $10, $11, $12)
                RETURNING key
                """, next: 12)
        static let parameterTypes: [PostgresDataType] =
            [.text, .text, .int8, .float8, .int8, .float8, .text, .text, .text, .text, .int8, .float8] + stepTableTypes
    }

    /// The parameters after the row's: the journey, the open steps that go (steps, states, since) and those that come, and
    /// the steps finished (steps, how long they took, when).
    private static let stepTableTypes: [PostgresDataType] =
        [.text, .textArray, .textArray, .float8Array, .textArray, .textArray, .float8Array, .textArray, .float8Array, .float8Array]

    /// `row` (an insert or update of the enrollment returning its key, with parameters up to `next`), the moves in
    /// `open_step` and the finished steps' times in `step_duration`, in one statement.
    private static func withStepTables(row: String, next: Int) -> String {
        """
        WITH e AS (
            \(row)
        ), gone AS (
            DELETE FROM open_step o USING e, unnest($\(next + 2)::text[], $\(next + 3)::text[], $\(next + 4)::float8[]) AS x (step_id, state, since)
            WHERE o.journey_id = $\(next + 1) AND o.step_id = x.step_id AND o.state = x.state AND o.since = x.since AND o.enrollment_key = e.key
        ), came AS (
            INSERT INTO open_step (journey_id, step_id, state, since, enrollment_key)
            SELECT $\(next + 1), x.step_id, x.state, x.since, e.key
            FROM e, unnest($\(next + 5)::text[], $\(next + 6)::text[], $\(next + 7)::float8[]) AS x (step_id, state, since)
        ), finished AS (
            INSERT INTO step_duration (journey_id, step_id, seconds, enrollment_key, finished_at)
            SELECT $\(next + 1), x.step_id, x.seconds, e.key, x.finished_at
            FROM e, unnest($\(next + 8)::text[], $\(next + 9)::float8[], $\(next + 10)::float8[]) AS x (step_id, seconds, finished_at)
        )
        SELECT key FROM e
        """
    }

    /// Open steps as columns, for `unnest`.
    private struct OpenSteps {
        var steps: [String] = []
        var states: [String] = []
        var since: [Double] = []

        mutating func append(_ step: StepID, _ stored: StoredStep) {
            steps.append(step.rawValue)
            states.append(stored.state.rawValue)
            since.append(stored.since.storedSeconds)
        }
    }

    /// The steps this change finished, for `step_duration`: how long each took and when it was done.
    private static func finishedSteps(of enrollment: StoredEnrollment, before old: StoredEnrollment?) -> (steps: [String], seconds: [Double], at: [Double]) {
        var finished: (steps: [String], seconds: [Double], at: [Double]) = ([], [], [])
        guard let old else { return finished }
        for (step, after) in enrollment.steps where after.state == .done {
            guard let seconds = StoredStep.finishedSeconds(from: old.steps[step], to: after) else { continue }
            finished.steps.append(step.rawValue)
            finished.seconds.append(seconds)
            finished.at.append(after.since.storedSeconds)
        }
        return finished
    }

    /// What `open_step` must lose and gain: an open step whose state or `since` changed moves to its new key, a step
    /// that settled leaves, one that opened arrives. Progress alone does not touch the table.
    private static func openStepChanges(of enrollment: StoredEnrollment, before old: StoredEnrollment?) -> (gone: OpenSteps, came: OpenSteps) {
        var gone = OpenSteps()
        var came = OpenSteps()
        for (step, before) in old?.steps ?? [:] where before.state.isOpen {
            if let after = enrollment.steps[step], after.state == before.state, after.since == before.since { continue }
            gone.append(step, before)
        }
        for (step, after) in enrollment.steps where after.state.isOpen {
            if let before = old?.steps[step], after.state == before.state, after.since == before.since { continue }
            came.append(step, after)
        }
        return (gone, came)
    }
}
