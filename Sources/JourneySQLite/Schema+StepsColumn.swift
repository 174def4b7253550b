import Foundation
import GRDB
import JourneyModel
import JourneyStore

extension Schema {
    /// Rebuilds the tables a transition writes so that a commit touches as few pages as it can, each one a WAL frame:
    ///
    /// - each enrollment's steps move from rows of `step` into one JSON column of the enrollment (``StepsColumn``);
    /// - the step index becomes `open_step`, a table of the open steps only, keyed the way caseworker lists read it;
    /// - an enrollment gets an integer `key`, which events and open steps refer to instead of its text id. Keys grow
    ///   with time, so a new enrollment's events go to the end of the event table rather than into the middle of a
    ///   full page (a split writes three or four pages), and the rows are smaller.
    static func moveStepsIntoEnrollments(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE enrollment_v4 (
                key INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                personId TEXT NOT NULL REFERENCES person(id),
                journeyId TEXT NOT NULL,
                journeyVersion INTEGER NOT NULL,
                status TEXT NOT NULL,
                ball TEXT NOT NULL,
                revision INTEGER NOT NULL,
                createdAt REAL NOT NULL,
                updatedAt REAL NOT NULL,
                updatedDay INTEGER NOT NULL,
                completedAt REAL,
                steps TEXT NOT NULL DEFAULT '{}',
                UNIQUE (personId, journeyId)
            );
            INSERT INTO enrollment_v4 (id, personId, journeyId, journeyVersion, status, ball, revision, createdAt, updatedAt, updatedDay, completedAt)
                SELECT id, personId, journeyId, journeyVersion, status, ball, revision, createdAt, updatedAt, updatedDay, completedAt
                FROM enrollment ORDER BY createdAt, rowid;
            -- Keyed by enrollment, so one transition appends to one page and history reads one range.
            CREATE TABLE event_v4 (
                enrollmentKey INTEGER NOT NULL REFERENCES enrollment(key),
                sequence INTEGER NOT NULL,
                at REAL NOT NULL,
                actor TEXT NOT NULL,
                kind TEXT NOT NULL,
                stepId TEXT,
                factId TEXT,
                detail TEXT,
                PRIMARY KEY (enrollmentKey, sequence)
            ) WITHOUT ROWID;
            INSERT INTO event_v4 SELECT n.key, e.sequence, e.at, e.actor, e.kind, e.stepId, e.factId, e.detail
                FROM event e JOIN enrollment_v4 n ON n.id = e.enrollmentId;
            -- Steps someone has to act on, for caseworker lists: "who is at step X in state Y, oldest first".
            -- Rows come and go as steps open and settle, in the same transaction as the enrollment's row.
            CREATE TABLE open_step (
                journeyId TEXT NOT NULL,
                stepId TEXT NOT NULL,
                state TEXT NOT NULL,
                since REAL NOT NULL,
                enrollmentKey INTEGER NOT NULL REFERENCES enrollment(key),
                PRIMARY KEY (journeyId, stepId, state, since, enrollmentKey)
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
            try db.execute(sql: "UPDATE enrollment_v4 SET steps = ? WHERE id = ?", arguments: [StepsColumn.encodedText(enrollmentSteps), enrollment])
        }
        let settled = StepState.settledOrLocked.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            INSERT INTO open_step (journeyId, stepId, state, since, enrollmentKey)
                SELECT s.journeyId, s.stepId, s.state, s.since, n.key FROM step s JOIN enrollment_v4 n ON n.id = s.enrollmentId
                WHERE s.state NOT IN (\(settled));
            DROP TABLE step;
            DROP TABLE event;
            DROP TABLE enrollment;
            ALTER TABLE enrollment_v4 RENAME TO enrollment;
            ALTER TABLE event_v4 RENAME TO event;
            -- One index for caseworker lists: journey, status, who has the ball, and the day of the last change
            -- ("no change for N days"). The day rather than the moment, so a transition moves the entry at most
            -- once a day: every index entry a commit moves costs WAL pages.
            CREATE INDEX enrollment_by_journey_status ON enrollment(journeyId, status, ball, updatedDay);
            """)
    }
}
