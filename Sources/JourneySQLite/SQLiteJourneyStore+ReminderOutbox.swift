import Foundation
import GRDB
import JourneyModel
import JourneyStore

/// The reminders' outbox on one file: claimed in one write transaction (one writer at a time, so two processes never
/// claim the same row), found by `reminder_delivery_pending`.
extension SQLiteJourneyStore: ReminderOutbox {
    public func claimReminderDeliveries(limit: Int, claimant: String, at moment: Date, lease: Duration) async throws(StorageError) -> [ReminderDelivery] {
        let until = moment.storedSeconds + lease.timeInterval
        return try await write { db in
            var claimed: [ReminderDelivery] = []
            try db.eachRow("""
                UPDATE reminder SET claimedBy = ?, claimedUntil = ?
                WHERE id IN (
                    SELECT id FROM reminder
                    WHERE delivery = 'pending' AND nextAttemptAt <= ? AND (claimedUntil IS NULL OR claimedUntil <= ?)
                    ORDER BY nextAttemptAt, id LIMIT ?)
                RETURNING id, personId, (SELECT e.id FROM enrollment e WHERE e.key = enrollmentKey), journeyId, stepId, kind, dueAt, createdAt, readAt,
                    attempts, nextAttemptAt
                """, bind: { bind in
                    bind.text(claimant)
                    bind.real(until)
                    bind.real(moment.storedSeconds)
                    bind.real(moment.storedSeconds)
                    bind.integer(Int64(max(1, limit)))
                }) { row in
                // A kind this version does not know is claimed but left alone; its claim lapses for a newer Lotsen.
                guard let kind = Reminder.Kind(rawValue: row.string(5)) else { return }
                let reminder = Reminder(id: Int64(row.integer(0)), person: PersonID(row.string(1)), enrollment: EnrollmentID(row.string(2)),
                    journey: JourneyID(row.string(3)), step: StepID(row.string(4)), kind: kind, due: Date(storedSeconds: row.real(6)),
                    createdAt: Date(storedSeconds: row.real(7)), readAt: row.isNull(8) ? nil : Date(storedSeconds: row.real(8)))
                claimed.append(ReminderDelivery(reminder: reminder, attempts: row.integer(9)))
            }
            return claimed.sorted { $0.reminder.id < $1.reminder.id }
        }
    }

    public func recordReminderDelivery(_ id: Int64, claimant: String, outcome: ReminderDeliveryOutcome, at: Date) async throws(StorageError) -> Bool {
        try await write { db in
            let (state, next, error, journal): (ReminderDelivery.State, Date?, String?, AccessEntry?) =
                switch outcome {
                case .delivered(let journal): (.delivered, nil, nil, journal)
                case .retry(let next, let error): (.pending, next, error, nil)
                case .failed(let error, let journal): (.failed, nil, error, journal)
                }
            try db.run("""
                UPDATE reminder SET delivery = ?, attempts = attempts + 1, nextAttemptAt = coalesce(?, nextAttemptAt), lastError = ?,
                    claimedBy = NULL, claimedUntil = NULL
                WHERE id = ? AND delivery = 'pending' AND claimedBy = ?
                """) { bind in
                bind.text(state.rawValue)
                bind.real(next?.storedSeconds)
                bind.text(error)
                bind.integer(id)
                bind.text(claimant)
            }
            guard db.changesCount == 1 else { return false }
            if let journal { try Self.append([journal], db) }
            return true
        }
    }
}
