import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// The reminders' outbox with several nodes: a node claims rows by `reminder_delivery_pending` with
/// `FOR UPDATE SKIP LOCKED`, so two nodes never claim one row, and one claiming never waits for another.
extension PostgresJourneyStore: ReminderOutbox {
    public func claimReminderDeliveries(limit: Int, claimant: String, at moment: Date, lease: Duration) async throws(StorageError) -> [ReminderDelivery] {
        let until = moment.storedSeconds + lease.timeInterval
        return try await write { db in
            var claimed: [ReminderDelivery] = []
            try await db.each("""
                UPDATE reminder r SET claimed_by = \(claimant), claimed_until = \(until)
                FROM enrollment e
                WHERE e.key = r.enrollment_key AND r.id IN (
                    SELECT id FROM reminder
                    WHERE delivery = 'pending' AND next_attempt_at <= \(moment.storedSeconds)
                        AND (claimed_until IS NULL OR claimed_until <= \(moment.storedSeconds))
                    ORDER BY next_attempt_at, id LIMIT \(max(1, limit))
                    FOR UPDATE SKIP LOCKED)
                RETURNING r.id, r.person_id, e.id, r.journey_id, r.step_id, r.kind, r.due_at, r.created_at, r.read_at, r.attempts
                """) { row in
                let (id, person, enrollment, journey, step, kind, due, created, read, attempts) =
                    try row.decode((Int64, String, String, String, String, String, Double, Double, Double?, Int).self)
                // A kind this version does not know is claimed but left alone; its claim lapses for a newer Lotsen.
                guard let kind = Reminder.Kind(rawValue: kind) else { return }
                let reminder = Reminder(id: id, person: PersonID(person), enrollment: EnrollmentID(enrollment), journey: JourneyID(journey),
                    step: StepID(step), kind: kind, due: Date(storedSeconds: due), createdAt: Date(storedSeconds: created),
                    readAt: read.map(Date.init(storedSeconds:)))
                claimed.append(ReminderDelivery(reminder: reminder, attempts: attempts))
            }
            return claimed.sorted { $0.reminder.id < $1.reminder.id }
        }
    }

    public func recordReminderDelivery(_ id: Int64, claimant: String, outcome: ReminderDeliveryOutcome, at: Date) async throws(StorageError) -> Bool {
        try await write { db in
            let (state, next, error, journal): (ReminderDelivery.State, Double?, String?, AccessEntry?) =
                switch outcome {
                case .delivered(let journal): (.delivered, nil, nil, journal)
                case .retry(let next, let error): (.pending, next.storedSeconds, error, nil)
                case .failed(let error, let journal): (.failed, nil, error, journal)
                }
            let updated = try await db.rows("""
                UPDATE reminder SET delivery = \(state.rawValue), attempts = attempts + 1,
                    next_attempt_at = coalesce(\(next)::double precision, next_attempt_at), last_error = \(error), claimed_by = NULL, claimed_until = NULL
                WHERE id = \(id) AND delivery = 'pending' AND claimed_by = \(claimant)
                RETURNING id
                """)
            guard updated.count == 1 else { return false }
            if let journal { try await Self.append([journal], db) }
            return true
        }
    }
}
