import Foundation
import JourneyModel
import JourneyStore

/// Delivers the reminders' outbox to a ``ReminderNotifier``: claims the reminders whose attempt is due, hands each
/// over, and records how it went with its journal entry. A reminder not taken is tried again after a backoff that
/// doubles up to a cap, and given up (`failed`) after ``Policy/maxAttempts``. A crash loses nothing: the claim lapses
/// and the next pass, on this process or another, takes the reminder again; so a receiver may see one twice and
/// should drop a reminder id it has seen.
public struct ReminderDispatcher: Sendable {
    /// How hard to try.
    public struct Policy: Hashable, Sendable {
        /// Attempts in all before a reminder is given up.
        public var maxAttempts: Int
        /// The wait after the first failed attempt; each further one doubles it.
        public var firstBackoff: Duration
        /// The longest wait between two attempts.
        public var maxBackoff: Duration
        /// How long a claim holds: longer than one attempt can take.
        public var lease: Duration
        /// How many reminders one pass claims.
        public var batch: Int

        /// Eight attempts over about two hours: 30 s, 1, 2, 4, 8, 16, 32 minutes, then an hour at most.
        public init(maxAttempts: Int = 8, firstBackoff: Duration = .seconds(30), maxBackoff: Duration = .seconds(3600), lease: Duration = .seconds(60),
            batch: Int = 50)
        {
            self.maxAttempts = maxAttempts
            self.firstBackoff = firstBackoff
            self.maxBackoff = maxBackoff
            self.lease = lease
            self.batch = batch
        }

        /// The wait after `attempts` failed attempts (1 or more).
        public func backoff(after attempts: Int) -> Duration {
            let doublings = min(max(attempts - 1, 0), 30)
            return min(firstBackoff * (1 << doublings), maxBackoff)
        }
    }

    /// What one pass did.
    public struct Pass: Hashable, Sendable {
        public var delivered = 0
        /// Not taken; tried again later.
        public var retried = 0
        /// Not taken at the last attempt; given up.
        public var failed: [ReminderNotificationFailure] = []

        public init() {}
    }

    let outbox: any ReminderOutbox
    let notifier: any ReminderNotifier
    let claimant: String
    let policy: Policy
    let clock: @Sendable () -> Date

    /// - Parameter claimant: this process, as its claims name it: unique per node and start (host, process and a random part
    ///   by default, as the once-only exchange names its claims).
    public init(outbox: any ReminderOutbox, notifier: any ReminderNotifier,
        claimant: String? = nil, policy: Policy = Policy(),
        clock: @escaping @Sendable () -> Date = { Date() })
    {
        self.outbox = outbox
        self.notifier = notifier
        self.claimant = claimant ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(ReferenceGenerator.random())"
        self.policy = policy
        self.clock = clock
    }

    /// One pass: claims the reminders due now and tries each once.
    public func pass() async throws(StorageError) -> Pass {
        var pass = Pass()
        let claimed = try await outbox.claimReminderDeliveries(limit: policy.batch, claimant: claimant, at: clock(), lease: policy.lease)
        for delivery in claimed {
            let reminder = delivery.reminder
            let outcome: ReminderDeliveryOutcome
            do throws(ReminderNotificationFailure) {
                try await notifier.notify(reminder)
                outcome = .delivered(journal: Self.journal(reminder, at: clock(), outcome: .completed, detail: reminder.kind.rawValue))
            } catch {
                let attempts = delivery.attempts + 1
                if attempts >= policy.maxAttempts {
                    outcome = .failed(error: error.code, journal: Self.journal(reminder, at: clock(), outcome: .failed, detail: error.code))
                } else {
                    outcome = .retry(next: clock().addingTimeInterval(policy.backoff(after: attempts).timeInterval), error: error.code)
                }
            }
            // A claim that lapsed meanwhile is another process's now: its record stands, this one is dropped.
            guard try await outbox.recordReminderDelivery(reminder.id, claimant: claimant, outcome: outcome, at: clock()) else { continue }
            switch outcome {
            case .delivered: pass.delivered += 1
            case .retry: pass.retried += 1
            case .failed(let code, _): pass.failed.append(ReminderNotificationFailure(code: code))
            }
        }
        return pass
    }

    /// The person's journal entry for a reminder sent or given up: Lotsen itself, the journey and step, no values.
    static func journal(_ reminder: Reminder, at: Date, outcome: AccessEntry.Outcome, detail: String) -> AccessEntry {
        AccessEntry(at: at, person: reminder.person, actor: .system, journey: reminder.journey, step: reminder.step, service: nil, action: .remind,
            fields: [], outcome: outcome, detail: detail)
    }
}
