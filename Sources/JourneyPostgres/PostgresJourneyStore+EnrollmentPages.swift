import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

extension PostgresJourneyStore: EnrollmentListing {
    public func enrollmentPage(_ query: EnrollmentQuery, after cursor: EnrollmentCursor?) async throws(StorageError) -> EnrollmentPage {
        guard query.journey != nil else { throw StorageError(.failed, "a list of enrollments must name its journey") }
        if let state = query.stepState, !state.isOpen {
            throw StorageError(.failed, "steps that are \(state.rawValue) cannot be listed")
        }
        try query.checkDue()
        let limit = max(1, min(query.limit, 1000))
        let due = query.due != nil
        let statement = due ? Self.duePageStatement(query, after: cursor, limit: limit + 1) : Self.pageStatement(query, after: cursor, limit: limit + 1)
        let rows = try await read { db in try await db.rows(statement).map { row in due ? try Self.dueSummary(row) : try Self.summary(row) } }
        let items = Array(rows.prefix(limit))
        var next: EnrollmentCursor?
        if rows.count > limit, let last = items.last {
            if let due = last.step?.due {
                next = EnrollmentCursor(moment: due, enrollment: last.id, step: last.step?.id)
            } else {
                next = EnrollmentCursor(moment: last.step?.since ?? last.updatedAt, enrollment: last.id)
            }
        }
        return EnrollmentPage(items: items, next: next)
    }

    /// The page query, as SQLite's: with a step it walks `open_step`'s key (journey, step, state, since,
    /// enrollment_key) in `since` order, the cursor a row comparison on the key's tail; without one, it reads the
    /// journey's entries of `enrollment_by_journey_status` (journey, status, ball, updated_day).
    static func pageStatement(_ query: EnrollmentQuery, after cursor: EnrollmentCursor?, limit: Int) -> PostgresQuery {
        let columns = "e.id, e.person_id, e.journey_id, e.journey_version, e.status, e.ball, e.revision, e.created_at, e.updated_at, e.completed_at"
        var statement = Statement()
        let journey = statement.bind(query.journey?.rawValue ?? "")
        if let step = query.step {
            statement.sql = """
                SELECT \(columns), s.step_id, s.state, s.since FROM open_step s JOIN enrollment e ON e.key = s.enrollment_key
                WHERE s.journey_id = \(journey) AND s.step_id = \(statement.bind(step.rawValue))
                """
            if let state = query.stepState { statement.sql += " AND s.state = \(statement.bind(state.rawValue))" }
            if let since = query.unchangedSince { statement.sql += " AND s.since < \(statement.bind(since.storedSeconds))" }
            if let cursor {
                // Equal moments are ordered by the enrollments' keys, as in open_step's own key.
                statement.sql += """
                     AND (s.since, s.enrollment_key) > (\(statement.bind(cursor.moment.storedSeconds)), \
                    (SELECT key FROM enrollment WHERE id = \(statement.bind(cursor.enrollment.rawValue))))
                    """
            }
        } else {
            statement.sql = """
                SELECT \(columns), NULL::text, NULL::text, NULL::double precision FROM enrollment e WHERE e.journey_id = \(journey)
                """
            if let since = query.unchangedSince {
                // The day narrows the range in the index; the moment decides.
                statement.sql += " AND e.updated_day <= \(statement.bind(since.storedDay)) AND e.updated_at < \(statement.bind(since.storedSeconds))"
            }
            if let cursor {
                statement.sql += " AND (e.updated_at, e.id) > (\(statement.bind(cursor.moment.storedSeconds)), \(statement.bind(cursor.enrollment.rawValue)))"
            }
        }
        if let status = query.status { statement.sql += " AND e.status = \(statement.bind(status.rawValue))" }
        if let ball = query.ball { statement.sql += " AND e.ball = \(statement.bind(ball.rawValue))" }
        if let person = query.person { statement.sql += " AND e.person_id = \(statement.bind(person.rawValue))" }
        statement.sql += query.step == nil ? " ORDER BY e.updated_at, e.id" : " ORDER BY s.since, s.enrollment_key"
        statement.sql += " LIMIT \(statement.bind(limit))"
        return statement.query
    }

    /// One row of a page.
    private static func summary(_ row: PostgresRow) throws -> EnrollmentSummary {
        let (id, person, journey, version, status, ball, revision, createdAt, updatedAt, completedAt, stepID, stepState, stepSince) = try row.decode(
            (String, String, String, Int, String, String, Int, Double, Double, Double?, String?, String?, Double?).self)
        guard let status = EnrollmentStatus(rawValue: status), let ball = BallHolder(rawValue: ball) else {
            throw StorageError(.corrupt, "an enrollment has an unknown status")
        }
        var step: EnrollmentSummary.Step?
        if let stepID {
            guard let state = stepState.flatMap(StepState.init(rawValue:)), let stepSince else { throw StorageError(.corrupt, "a step has an unknown state") }
            step = EnrollmentSummary.Step(id: StepID(stepID), state: state, since: Date(storedSeconds: stepSince))
        }
        return EnrollmentSummary(
            id: EnrollmentID(id), person: PersonID(person), journey: JourneyID(journey), journeyVersion: version, status: status, ball: ball,
            revision: revision, createdAt: Date(storedSeconds: createdAt), updatedAt: Date(storedSeconds: updatedAt),
            completedAt: completedAt.map(Date.init(storedSeconds:)), step: step)
    }
}
