import Foundation
import JourneyModel
import JourneyStore

extension JourneyEngine {
    /// The person's news in Lotsen: the reminders their due-soon and overdue steps made, newest first.
    public func news(of person: PersonID) async throws(EngineError) -> [Reminder] {
        try await storage { () async throws(StorageError) in try await store.reminders(of: person) }
    }

    /// Marks one of the person's reminders read at the engine's clock; `nil` when they have none with that id.
    public func markNewsRead(_ id: Int64, of person: PersonID) async throws(EngineError) -> Reminder? {
        let now = clock()
        return try await storage { () async throws(StorageError) in try await store.markReminderRead(id, of: person, at: now) }
    }
}
