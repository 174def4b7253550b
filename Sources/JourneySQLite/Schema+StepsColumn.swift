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
        // Read and written with this migration's own frozen copy of the format (see `V4`), never with the store's live
        // types: a later change to them must not change what an old database becomes.
        var steps: [String: [(step: String, text: String)]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT enrollmentId, stepId, progress, detail, state, since FROM step")
        while let row = try rows.next() {
            let enrollment: String = row["enrollmentId"]
            let state: String = row["state"]
            let progress: String? = row["progress"]
            guard V4.states.contains(state) else { throw StorageError(.corrupt, "a step of enrollment \(enrollment) has an unknown state") }
            if let progress, !V4.progressKeywords.contains(progress) {
                throw StorageError(.corrupt, "a step of enrollment \(enrollment) has unknown progress")
            }
            let step: String = row["stepId"]
            let entry = V4.entry(step: step, state: state, since: row["since"], progress: progress, detail: row["detail"])
            steps[enrollment, default: []].append((step, entry))
        }
        for (enrollment, entries) in steps {
            let column = "{" + entries.sorted { $0.step < $1.step }.map(\.text).joined(separator: ",") + "}"
            try db.execute(sql: "UPDATE enrollment_v4 SET steps = ? WHERE id = ?", arguments: [column, enrollment])
        }
        let settled = V4.settledOrLocked.map { "'\($0)'" }.joined(separator: ", ")
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

    /// The steps column as migration v4 wrote it, frozen here: `{"step-id": ["state", "since", "progress" | null, "detail" | null]}`
    /// with keys sorted and `since` as Swift's shortest round-trip text of the stored seconds.
    enum V4 {
        static let states: Set<String> = [
            "notApplicable", "locked", "available", "inProgress", "waitingOnAgency", "needsAction", "done", "rejected", "skipped",
        ]
        static let progressKeywords: Set<String> = ["started", "waitingOnAgency", "needsAction", "completed", "skipped", "rejected"]
        /// The states nobody has to act on, which `open_step` leaves out.
        static let settledOrLocked = ["done", "skipped", "notApplicable", "locked"]

        static func entry(step: String, state: String, since: Double, progress: String?, detail: String?) -> String {
            let progressText = progress.map(quoted) ?? "null"
            let detailText = progress == nil ? "null" : detail.map(quoted) ?? "null"
            return "\(quoted(step)):[\(quoted(state)),\(quoted(String(since))),\(progressText),\(detailText)]"
        }

        /// A JSON string: quotes, backslashes and control characters escaped.
        static func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
    }
}
