import Foundation
import GRDB
import JourneyModel

extension Schema {
    /// Moves each enrollment's steps from rows of `step` into one JSON column of the enrollment (``StepsColumn``),
    /// and the step index into `open_step`, a table of the open steps only. A transition then writes the
    /// enrollment's row, its events and the open steps that changed: about four pages per commit instead of six.
    static func moveStepsIntoEnrollments(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE enrollment ADD COLUMN steps TEXT NOT NULL DEFAULT '{}';
            -- Steps someone has to act on, for caseworker lists: "who is at step X in state Y, oldest first".
            -- Rows come and go as steps open and settle, in the same transaction as the enrollment's row.
            CREATE TABLE open_step (
                journeyId TEXT NOT NULL,
                stepId TEXT NOT NULL,
                state TEXT NOT NULL,
                since REAL NOT NULL,
                enrollmentId TEXT NOT NULL REFERENCES enrollment(id),
                PRIMARY KEY (journeyId, stepId, state, since, enrollmentId)
            ) WITHOUT ROWID;
            """)
        // Read with this migration's own code, so later changes to the store cannot change what it does.
        var steps: [String: [StepID: StoredStep]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT enrollmentId, stepId, progress, detail, state, since FROM step")
        while let row = try rows.next() {
            let enrollment: String = row["enrollmentId"]
            guard let state = StepState(rawValue: row["state"]) else { throw StorageError(.corrupt, "a step of enrollment \(enrollment) has an unknown state") }
            var progress: StepProgress?
            if let keyword: String = row["progress"] {
                progress = StepProgress(keyword: keyword, detail: row["detail"])
                if progress == nil { throw StorageError(.corrupt, "a step of enrollment \(enrollment) has unknown progress") }
            }
            steps[enrollment, default: [:]][StepID(row["stepId"] as String)] = StoredStep(progress: progress, state: state, since: Date(storedSeconds: row["since"]))
        }
        for (enrollment, enrollmentSteps) in steps {
            try db.execute(sql: "UPDATE enrollment SET steps = ? WHERE id = ?", arguments: [StepsColumn.encodedText(enrollmentSteps), enrollment])
        }
        let settled = StepState.settledOrLocked.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            INSERT INTO open_step (journeyId, stepId, state, since, enrollmentId)
                SELECT journeyId, stepId, state, since, enrollmentId FROM step WHERE state NOT IN (\(settled));
            DROP TABLE step;
            """)
    }
}
