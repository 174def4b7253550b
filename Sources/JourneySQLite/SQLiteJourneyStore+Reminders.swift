import Foundation
import GRDB
import JourneyModel
import JourneyStore

/// The person's news: reminders by `reminder_by_person`, newest first.
extension SQLiteJourneyStore {
    static let remindersSQL = """
        SELECT r.id, e.id, r.journeyId, r.stepId, r.kind, r.dueAt, r.createdAt, r.readAt FROM reminder r JOIN enrollment e ON e.key = r.enrollmentKey
        WHERE r.personId = ?
        """

    public func reminders(of person: PersonID) async throws(StorageError) -> [Reminder] {
        try await read { db in try Self.reminders(db, of: person, id: nil) }
    }

    public func markReminderRead(_ id: Int64, of person: PersonID, at: Date) async throws(StorageError) -> Reminder? {
        try await write { db in
            try db.run("UPDATE reminder SET readAt = ? WHERE id = ? AND personId = ? AND readAt IS NULL") { bind in
                bind.real(at.storedSeconds)
                bind.integer(id)
                bind.text(person.rawValue)
            }
            return try Self.reminders(db, of: person, id: id).first
        }
    }

    /// The person's reminders newest first, or the one with `id`.
    private static func reminders(_ db: Database, of person: PersonID, id: Int64?) throws -> [Reminder] {
        var reminders: [Reminder] = []
        try db.eachRow(remindersSQL + (id == nil ? "" : " AND r.id = ?") + " ORDER BY r.id DESC", bind: { bind in
            bind.text(person.rawValue)
            if let id { bind.integer(id) }
        }) { row in
            // A kind this version does not know (a newer Lotsen made it) is left out rather than misread.
            guard let kind = Reminder.Kind(rawValue: row.string(4)) else { return }
            reminders.append(Reminder(id: Int64(row.integer(0)), person: person, enrollment: EnrollmentID(row.string(1)), journey: JourneyID(row.string(2)),
                step: StepID(row.string(3)), kind: kind, due: Date(storedSeconds: row.real(5)), createdAt: Date(storedSeconds: row.real(6)),
                readAt: row.isNull(7) ? nil : Date(storedSeconds: row.real(7))))
        }
        return reminders
    }
}
