import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// Caseworker lists of due steps (overdue, due soon), as SQLite's: `timer_by_journey` (journey, kind, due_at,
/// enrollment_key, step_id) walked in due order, soonest first.
extension PostgresJourneyStore {
    static func duePageStatement(_ query: EnrollmentQuery, after cursor: EnrollmentCursor?, limit: Int) -> PostgresQuery {
        let columns = "e.id, e.person_id, e.journey_id, e.journey_version, e.status, e.ball, e.revision, e.created_at, e.updated_at, e.completed_at"
        var statement = Statement()
        statement.sql = """
            SELECT \(columns), t.step_id, t.due_at, e.steps::text FROM timer t JOIN enrollment e ON e.key = t.enrollment_key
            WHERE t.journey_id = \(statement.bind(query.journey?.rawValue ?? "")) AND t.kind = \(statement.bind(query.due?.kind.rawValue ?? TimerKind.due.rawValue))
                AND t.due_at < \(statement.bind(query.due?.before.storedSeconds ?? 0))
            """
        if let from = query.due?.from { statement.sql += " AND t.due_at >= \(statement.bind(from.storedSeconds))" }
        if let step = query.step { statement.sql += " AND t.step_id = \(statement.bind(step.rawValue))" }
        if let cursor {
            statement.sql += """
                 AND (t.due_at, t.enrollment_key, t.step_id) > (\(statement.bind(cursor.moment.storedSeconds)), \
                (SELECT key FROM enrollment WHERE id = \(statement.bind(cursor.enrollment.rawValue))), \(statement.bind(cursor.step?.rawValue ?? "")))
                """
        }
        if let status = query.status { statement.sql += " AND e.status = \(statement.bind(status.rawValue))" }
        if let ball = query.ball { statement.sql += " AND e.ball = \(statement.bind(ball.rawValue))" }
        if let person = query.person { statement.sql += " AND e.person_id = \(statement.bind(person.rawValue))" }
        statement.sql += " ORDER BY t.due_at, t.enrollment_key, t.step_id LIMIT \(statement.bind(limit))"
        return statement.query
    }

    /// One row of a due list.
    static func dueSummary(_ row: PostgresRow) throws -> EnrollmentSummary {
        let (id, person, journey, version, status, ball, revision, createdAt, updatedAt, completedAt, stepID, dueAt, steps) = try row.decode(
            (String, String, String, Int, String, String, Int, Double, Double, Double?, String, Double, String).self)
        guard let status = EnrollmentStatus(rawValue: status), let ball = BallHolder(rawValue: ball) else {
            throw StorageError(.corrupt, "an enrollment has an unknown status")
        }
        let step = try EnrollmentSummary.Step.due(StepID(stepID), at: Date(storedSeconds: dueAt), steps: steps, enrollment: EnrollmentID(id))
        return EnrollmentSummary(
            id: EnrollmentID(id), person: PersonID(person), journey: JourneyID(journey), journeyVersion: version, status: status, ball: ball,
            revision: revision, createdAt: Date(storedSeconds: createdAt), updatedAt: Date(storedSeconds: updatedAt),
            completedAt: completedAt.map(Date.init(storedSeconds:)), step: step)
    }

    public func countDue(journey: JourneyID, in range: DueRange) async throws(StorageError) -> Int {
        try await read { db in
            let rows = try await db.rows("""
                SELECT count(*) FROM timer WHERE journey_id = \(journey.rawValue) AND kind = \(range.kind.rawValue)
                    AND due_at < \(range.before.storedSeconds) AND due_at >= \(range.from?.storedSeconds ?? -Double.greatestFiniteMagnitude)
                """)
            return Int(try rows.first?.decode(Int64.self) ?? 0)
        }
    }

    public func countOpenSteps(journey: JourneyID) async throws(StorageError) -> [OpenStepCount] {
        try await read { db in
            // open_step's key starts (journey_id, step_id, state, since): one range of the index, grouped in the order it
            // is read, each group already ordered by since for its median (the lower one, as SQLite's seek).
            let rows = try await db.rows("""
                SELECT step_id, state, count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY since)
                FROM open_step WHERE journey_id = \(journey.rawValue) GROUP BY step_id, state ORDER BY step_id, state
                """)
            return try rows.compactMap { row -> OpenStepCount? in
                let (step, state, count, median) = try row.decode((String, String, Int64, Double).self)
                return StepState(rawValue: state).map {
                    OpenStepCount(step: StepID(step), state: $0, count: Int(count), medianSince: Date(storedSeconds: median))
                }
            }
        }
    }

    public func countFinishedSteps(journey: JourneyID) async throws(StorageError) -> [FinishedStepCount] {
        try await read { db in
            // step_duration's key starts (journey_id, step_id, seconds): one range of the index, each step's group already
            // ordered by how long it took for its median (the lower one, as SQLite's seek).
            let rows = try await db.rows("""
                SELECT step_id, count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds)
                FROM step_duration WHERE journey_id = \(journey.rawValue) GROUP BY step_id ORDER BY step_id COLLATE "C"
                """)
            return try rows.map { row -> FinishedStepCount in
                let (step, count, median) = try row.decode((String, Int64, Double).self)
                return FinishedStepCount(step: StepID(step), count: Int(count), medianSeconds: median)
            }
        }
    }
}
