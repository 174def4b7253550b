import Foundation
import JourneyModel

/// Mandates, and the journal entries that tell the people they concern, written together.
public protocol MandateStore: Sendable {
    /// Stores a new mandate and `journal` (the entries that tell its grantor and representative) in one transaction.
    func grantMandate(_ mandate: Mandate, journal: [AccessEntry]) async throws(StorageError)
    func mandate(id: String) async throws(StorageError) -> Mandate?
    /// The mandates `person` granted or holds, oldest first.
    func mandates(of person: PersonID) async throws(StorageError) -> [Mandate]
    /// Withdraws the mandate `id` that `grantor` granted, at `at`, and appends `journal` in the same transaction.
    /// `nil` when there is no such mandate of the grantor's; one already withdrawn comes back as it was, with no entries.
    func withdrawMandate(id: String, grantor: PersonID, at: Date, journal: [AccessEntry]) async throws(StorageError) -> Mandate?
}
