import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// The person's news: reminders by `reminder_by_person`, newest first.
extension PostgresJourneyStore {
    public func reminders(of person: PersonID) async throws(StorageError) -> [Reminder] {
        try await read { db in
            try await Self.reminders(db, """
                SELECT r.id, e.id, r.journey_id, r.step_id, r.kind, r.due_at, r.created_at, r.read_at FROM reminder r
                JOIN enrollment e ON e.key = r.enrollment_key WHERE r.person_id = \(person.rawValue) ORDER BY r.id DESC
                """, person: person)
        }
    }

    public func markReminderRead(_ id: Int64, of person: PersonID, at: Date) async throws(StorageError) -> Reminder? {
        try await write { db in
            try await db.exec("UPDATE reminder SET read_at = \(at.storedSeconds) WHERE id = \(id) AND person_id = \(person.rawValue) AND read_at IS NULL")
            return try await Self.reminders(db, """
                SELECT r.id, e.id, r.journey_id, r.step_id, r.kind, r.due_at, r.created_at, r.read_at FROM reminder r
                JOIN enrollment e ON e.key = r.enrollment_key WHERE r.id = \(id) AND r.person_id = \(person.rawValue)
                """, person: person).first
        }
    }

    private static func reminders(_ db: Session, _ query: PostgresQuery, person: PersonID) async throws -> [Reminder] {
        var reminders: [Reminder] = []
        try await db.each(query) { row in
            let (id, enrollment, journey, step, kind, due, created, read) = try row.decode((Int64, String, String, String, String, Double, Double, Double?).self)
            // A kind this version does not know (a newer Lotsen made it) is left out rather than misread.
            guard let kind = Reminder.Kind(rawValue: kind) else { return }
            reminders.append(Reminder(id: id, person: person, enrollment: EnrollmentID(enrollment), journey: JourneyID(journey), step: StepID(step),
                kind: kind, due: Date(storedSeconds: due), createdAt: Date(storedSeconds: created), readAt: read.map(Date.init(storedSeconds:))))
        }
        return reminders
    }
}
