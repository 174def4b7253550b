import Foundation
import GRDB
import JourneyModel
import JourneyStore

/// Caseworker lists of due steps (overdue, due soon): `timer_by_journey` (journey, kind, dueAt, then the key's
/// enrollmentKey, stepId) walked in due order, soonest first.
extension SQLiteJourneyStore {
    static func checkDue(_ query: EnrollmentQuery) throws(StorageError) { try query.checkDue() }

    static func duePageStatement(_ query: EnrollmentQuery, after cursor: EnrollmentCursor?, limit: Int) -> (String, [(any DatabaseValueConvertible)?]) {
        let columns = "e.id, e.personId, e.journeyId, e.journeyVersion, e.status, e.ball, e.revision, e.createdAt, e.updatedAt, e.completedAt"
        var clauses = ["t.journeyId = ?", "t.kind = ?", "t.dueAt < ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [query.journey?.rawValue, query.due?.kind.rawValue, query.due?.before.storedSeconds]
        if let from = query.due?.from {
            clauses.append("t.dueAt >= ?")
            arguments.append(from.storedSeconds)
        }
        if let step = query.step {
            clauses.append("t.stepId = ?")
            arguments.append(step.rawValue)
        }
        if let cursor {
            clauses.append("(t.dueAt, t.enrollmentKey, t.stepId) > (?, (SELECT key FROM enrollment WHERE id = ?), ?)")
            arguments += [cursor.moment.storedSeconds, cursor.enrollment.rawValue, cursor.step?.rawValue ?? ""]
        }
        if let status = query.status { clauses.append("e.status = ?"); arguments.append(status.rawValue) }
        if let ball = query.ball { clauses.append("e.ball = ?"); arguments.append(ball.rawValue) }
        if let person = query.person { clauses.append("e.personId = ?"); arguments.append(person.rawValue) }
        arguments.append(limit)
        let sql = """
            SELECT \(columns), t.stepId, t.dueAt, e.steps FROM timer t INDEXED BY timer_by_journey JOIN enrollment e ON e.key = t.enrollmentKey
            WHERE \(clauses.joined(separator: " AND ")) ORDER BY t.dueAt, t.enrollmentKey, t.stepId LIMIT ?
            """
        return (sql, arguments)
    }

    static func dueStep(stepID: String, due: Double, steps: String, enrollment: EnrollmentID) throws -> EnrollmentSummary.Step {
        try EnrollmentSummary.Step.due(StepID(stepID), at: Date(storedSeconds: due), steps: steps, enrollment: enrollment)
    }

    public func countDue(journey: JourneyID, in range: DueRange) async throws(StorageError) -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM timer INDEXED BY timer_by_journey WHERE journeyId = ? AND kind = ? AND dueAt < ? AND dueAt >= ?
                """, arguments: [journey.rawValue, range.kind.rawValue, range.before.storedSeconds, range.from?.storedSeconds ?? -Double.greatestFiniteMagnitude]) ?? 0
        }
    }

    public func countOpenSteps(journey: JourneyID) async throws(StorageError) -> [OpenStepCount] {
        try await read { db in
            // open_step's key starts (journeyId, stepId, state, since): the counts are one range of the index, grouped in
            // the order it is read, and each group's median is a seek into that group's range, already ordered by since.
            let groups = try Row.fetchAll(db, sql: "SELECT stepId, state, count(*) FROM open_step WHERE journeyId = ? GROUP BY stepId, state ORDER BY stepId, state",
                arguments: [journey.rawValue])
            return try groups.compactMap { row -> OpenStepCount? in
                let step: String = row[0], stateText: String = row[1], count: Int = row[2]
                guard let state = StepState(rawValue: stateText) else { return nil }
                let median = try Double.fetchOne(db, sql: """
                    SELECT since FROM open_step WHERE journeyId = ? AND stepId = ? AND state = ? ORDER BY since LIMIT 1 OFFSET ?
                    """, arguments: [journey.rawValue, step, stateText, (count - 1) / 2]) ?? 0
                return OpenStepCount(step: StepID(step), state: state, count: count, medianSince: Date(storedSeconds: median))
            }
        }
    }

    public func countFinishedSteps(journey: JourneyID) async throws(StorageError) -> [FinishedStepCount] {
        try await read { db in
            // step_duration's key starts (journeyId, stepId, seconds), as open_step's: the counts are one range of it,
            // and each step's median a seek into its own range, already ordered by how long it took.
            let groups = try Row.fetchAll(db, sql: "SELECT stepId, count(*) FROM step_duration WHERE journeyId = ? GROUP BY stepId ORDER BY stepId",
                arguments: [journey.rawValue])
            return try groups.map { row -> FinishedStepCount in
                let step: String = row[0], count: Int = row[1]
                let median = try Double.fetchOne(db, sql: """
                    SELECT seconds FROM step_duration WHERE journeyId = ? AND stepId = ? ORDER BY seconds LIMIT 1 OFFSET ?
                    """, arguments: [journey.rawValue, step, (count - 1) / 2]) ?? 0
                return FinishedStepCount(step: StepID(step), count: count, medianSeconds: median)
            }
        }
    }
}
