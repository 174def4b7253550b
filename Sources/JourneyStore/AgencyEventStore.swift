import Foundation
import JourneyModel

/// The case events agencies push, next to the journeys they change. Recording an event and the change it
/// makes is one transaction, so an event is applied exactly once.
public protocol AgencyEventStore: Sendable {
    /// The event an agency sent under `messageID`, if any.
    func agencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> StoredAgencyEvent?
    /// The person's pending events, in the order they arrived.
    func pendingAgencyEvents(person: PersonID) async throws(StorageError) -> [StoredAgencyEvent]
    /// In one read: the snapshot of the person `enrollment` belongs to, and whether they have pending events;
    /// `nil` when there is no such enrollment. What a status read needs, without a transaction per question.
    func snapshot(containing enrollment: EnrollmentID) async throws(StorageError) -> (snapshot: PersonSnapshot, hasPendingAgencyEvents: Bool)?
    /// People with a pending event whose step is no longer locked (they got there through another front end),
    /// at most `limit`.
    func peopleWithReachablePendingEvents(limit: Int) async throws(StorageError) -> [PersonID]
    /// In one write transaction: writes `changes` (as ``JourneyStore/commit(_:)`` does), inserts `received`
    /// and updates the status of `resolved`. Fails with ``StorageError/Code/conflict``, writing nothing, when an
    /// enrollment changed since its `before`, a received event's (agency, message id) is taken, or a resolved
    /// event is no longer pending.
    func commit(_ changes: [SnapshotChange], received: [StoredAgencyEvent], resolved: [StoredAgencyEvent]) async throws(StorageError)

    /// The unmatched event an agency sent under `messageID`, if one is kept.
    func unmatchedAgencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> UnmatchedAgencyEvent?
    /// Keeps an event no person's step matched. Fails with ``StorageError/Code/conflict`` when its (agency, message id)
    /// is taken, here or by a ``StoredAgencyEvent``.
    func keep(unmatched event: UnmatchedAgencyEvent) async throws(StorageError)
    /// The kept unmatched events, the soonest to expire first, at most `limit`: to be tried again.
    func unmatchedAgencyEvents(limit: Int) async throws(StorageError) -> [UnmatchedAgencyEvent]
    /// Forgets one unmatched event (it has been matched, and is now a ``StoredAgencyEvent``).
    func forgetUnmatchedAgencyEvent(agency: AgencyID, messageID: String) async throws(StorageError)
    /// In one write transaction: refuses, with outcome ``StoredAgencyEvent/expired``, every pending event whose
    /// `expiresAt` is not after `now`, and forgets every unmatched one likewise, life events (``ReceivedLifeEvent``) too.
    /// Returns how many.
    func expireAgencyEvents(now: Date) async throws(StorageError) -> Int
}
