import JourneyStore

/// Where reminders go beyond Lotsen: the deployment's webhook, which a front end or an e-mail or SMS gateway serves.
public protocol ReminderNotifier: Sendable {
    /// Hands one reminder over; returns once the receiver took it, throws when it did not.
    func notify(_ reminder: Reminder) async throws(ReminderNotificationFailure)
}

/// A reminder the receiver did not take, with a code for the outbox row, the log and the journal: never personal data.
public struct ReminderNotificationFailure: Error, Hashable, Sendable {
    /// `status-503`, `unreachable`, `timeout`, and the like.
    public let code: String

    public init(code: String) { self.code = code }
}
