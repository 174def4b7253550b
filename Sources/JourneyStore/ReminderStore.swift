import Foundation
import JourneyModel

/// A person's news in Lotsen: the reminders their steps' timers made (``Reminder``). Reminders are written only by
/// ``TimerStore/fireDueTimers(at:limit:)``; this reads them and marks them read.
public protocol ReminderStore: Sendable {
    /// Every reminder the person has, newest first. A person has at most two per step, so there is no paging.
    func reminders(of person: PersonID) async throws(StorageError) -> [Reminder]

    /// Marks the person's reminder read at `at` (a reminder already read keeps its first moment); `nil` when the
    /// person has no reminder with that id.
    func markReminderRead(_ id: Int64, of person: PersonID, at: Date) async throws(StorageError) -> Reminder?
}
