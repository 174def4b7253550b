import Foundation
import GRDB
import JourneyModel
import JourneyStore

extension SQLiteJourneyStore: EnrollmentListing {
    public func enrollmentPage(_ query: EnrollmentQuery, after cursor: EnrollmentCursor?) async throws(StorageError) -> EnrollmentPage {
        guard query.journey != nil else { throw StorageError(.failed, "a list of enrollments must name its journey") }
        if let state = query.stepState, !state.isOpen {
            throw StorageError(.failed, "steps that are \(state.rawValue) cannot be listed")
        }
        try Self.checkDue(query)
        let limit = max(1, min(query.limit, 1000))
        let (sql, arguments) = query.due == nil ? Self.pageStatement(query, after: cursor, limit: limit + 1) : Self.duePageStatement(query, after: cursor, limit: limit + 1)
        let statementArguments = StatementArguments(arguments)
        let (items, more) = try await read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: statementArguments)
            return (try rows.prefix(limit).map(Self.summary), rows.count > limit)
        }
        var next: EnrollmentCursor?
        if more, let last = items.last {
            if let due = last.step?.due {
                next = EnrollmentCursor(moment: due, enrollment: last.id, step: last.step?.id)
            } else {
                next = EnrollmentCursor(moment: last.step?.since ?? last.updatedAt, enrollment: last.id)
            }
        }
        return EnrollmentPage(items: items, next: next)
    }

    /// One row of a page.
    private static func summary(_ row: Row) throws -> EnrollmentSummary {
        guard let status = EnrollmentStatus(rawValue: row["status"]), let ball = BallHolder(rawValue: row["ball"]) else {
            throw StorageError(.corrupt, "an enrollment has an unknown status")
        }
        var step: EnrollmentSummary.Step?
        if let dueAt: Double = row["dueAt"] {
            step = try dueStep(stepID: row["stepId"], due: dueAt, steps: row["steps"], enrollment: EnrollmentID(row["id"] as String))
        } else if let stepID: String = row["stepId"] {
            guard let state = StepState(rawValue: row["stepState"]) else { throw StorageError(.corrupt, "a step has an unknown state") }
            step = EnrollmentSummary.Step(id: StepID(stepID), state: state, since: Date(storedSeconds: row["stepSince"]))
        }
        let completedAt: Double? = row["completedAt"]
        return EnrollmentSummary(
            id: EnrollmentID(row["id"] as String), person: PersonID(row["personId"] as String), journey: JourneyID(row["journeyId"] as String),
            journeyVersion: row["journeyVersion"], status: status, ball: ball, revision: row["revision"],
            createdAt: Date(storedSeconds: row["createdAt"]), updatedAt: Date(storedSeconds: row["updatedAt"]),
            completedAt: completedAt.map(Date.init(storedSeconds:)), step: step)
    }

    /// The page query. With a step it walks `open_step`'s key (journey, step, state, since) in `since` order;
    /// without one, `enrollment_by_journey_status` (journey, status, ball, updatedDay).
    static func pageStatement(_ query: EnrollmentQuery, after cursor: EnrollmentCursor?, limit: Int) -> (String, [(any DatabaseValueConvertible)?]) {
        var clauses: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        let columns = "e.id, e.personId, e.journeyId, e.journeyVersion, e.status, e.ball, e.revision, e.createdAt, e.updatedAt, e.completedAt"
        let select: String
        let order: String
        if let step = query.step {
            select = "SELECT \(columns), s.stepId, s.state AS stepState, s.since AS stepSince FROM open_step s JOIN enrollment e ON e.key = s.enrollmentKey"
            clauses.append("s.journeyId = ?")
            arguments.append(query.journey?.rawValue)
            clauses.append("s.stepId = ?")
            arguments.append(step.rawValue)
            if let state = query.stepState {
                clauses.append("s.state = ?")
                arguments.append(state.rawValue)
            }
            if let since = query.unchangedSince {
                clauses.append("s.since < ?")
                arguments.append(since.storedSeconds)
            }
            if let cursor {
                // Equal moments are ordered by the enrollments' keys, as in open_step's own key.
                clauses.append("(s.since, s.enrollmentKey) > (?, (SELECT key FROM enrollment WHERE id = ?))")
                arguments += [cursor.moment.storedSeconds, cursor.enrollment.rawValue]
            }
            order = "s.since, s.enrollmentKey"
        } else {
            select = "SELECT \(columns) FROM enrollment e"
            clauses.append("e.journeyId = ?")
            arguments.append(query.journey?.rawValue)
            if let since = query.unchangedSince {
                // The day narrows the range in the index; the moment decides.
                clauses.append("e.updatedDay <= ? AND e.updatedAt < ?")
                arguments += [since.storedDay, since.storedSeconds]
            }
            if let cursor {
                clauses.append("(e.updatedAt, e.id) > (?, ?)")
                arguments += [cursor.moment.storedSeconds, cursor.enrollment.rawValue]
            }
            order = "e.updatedAt, e.id"
        }
        if let status = query.status { clauses.append("e.status = ?"); arguments.append(status.rawValue) }
        if let ball = query.ball { clauses.append("e.ball = ?"); arguments.append(ball.rawValue) }
        if let person = query.person { clauses.append("e.personId = ?"); arguments.append(person.rawValue) }
        arguments.append(limit)
        return ("\(select) WHERE \(clauses.joined(separator: " AND ")) ORDER BY \(order) LIMIT ?", arguments)
    }
}
