import Foundation
import JourneyModel

/// A reminder on its way to the deployment's webhook: its row in the outbox.
public struct ReminderDelivery: Hashable, Sendable {
    /// Where the delivery stands.
    public enum State: String, Sendable, CaseIterable {
        /// Not delivered yet; tried again at its next attempt.
        case pending
        /// The webhook took it (a 2xx answer).
        case delivered
        /// Given up after the last attempt; an operator sees it in the log, in `/metrics` and in the table.
        case failed
    }

    public let reminder: Reminder
    /// Attempts made before this one.
    public let attempts: Int

    public init(reminder: Reminder, attempts: Int) {
        self.reminder = reminder
        self.attempts = attempts
    }
}

/// How one attempt to deliver a reminder went, as recorded in its outbox row.
public enum ReminderDeliveryOutcome: Hashable, Sendable {
    /// Delivered; the entry goes into the person's journal in the same transaction.
    case delivered(journal: AccessEntry)
    /// Not delivered; try again at `next`. `error` is a code, never personal data.
    case retry(next: Date, error: String)
    /// Not delivered, and no attempt is left; the entry goes into the person's journal in the same transaction.
    case failed(error: String, journal: AccessEntry)
}

/// The outbox of reminders for the deployment's webhook. Every reminder is in it from the moment it is made
/// (``TimerStore/fireDueTimers(at:limit:)``), so a crash loses none: a claim lapses and another process takes it.
public protocol ReminderOutbox: Sendable {
    /// Claims up to `limit` pending reminders whose next attempt is due at `at` and that nobody holds (or whose claim
    /// lapsed), oldest attempt first, for `claimant` until `at + lease`. On PostgreSQL nodes skip the rows another node
    /// is claiming (`FOR UPDATE SKIP LOCKED`).
    func claimReminderDeliveries(limit: Int, claimant: String, at: Date, lease: Duration) async throws(StorageError) -> [ReminderDelivery]

    /// Records one attempt by `claimant`: counts it, ends the claim and stores the outcome. `false`, and nothing
    /// written, when the claim is no longer the claimant's (it lapsed and another took it) or the reminder is settled.
    /// `at` is when the attempt ended.
    func recordReminderDelivery(_ id: Int64, claimant: String, outcome: ReminderDeliveryOutcome, at: Date) async throws(StorageError) -> Bool
}
