import Foundation
import JourneyModel

/// Durable records of the once-only exchange: consents, the submission outbox and the access journal.
/// Each method is one transaction, and each journal entry is written in the same transaction as what it records.
public protocol OnceOnlyStore: Sendable {
    /// Records a consent decision together with its journal entry.
    func recordConsent(_ consent: Consent, journal: AccessEntry) async throws(StorageError)
    func consents(person: PersonID) async throws(StorageError) -> [Consent]
    /// Marks a granted consent withdrawn; `nil` when the person has no such consent.
    func withdrawConsent(id: String, person: PersonID, at: Date, actor: JourneyEvent.Actor) async throws(StorageError) -> Consent?

    /// Appends entries to the journal, chained to the last one.
    func appendJournal(_ entries: [AccessEntry]) async throws(StorageError)
    /// The journal, oldest first; for one person, or all of it.
    func journal(person: PersonID?) async throws(StorageError) -> [AccessEntry]
    /// One page of a person's journal, oldest first: at most `limit` entries after `sequence` (0 for the first page).
    func journal(person: PersonID, after sequence: Int64, limit: Int) async throws(StorageError) -> [AccessEntry]
    /// Recomputes the chain. `expectedHead`, a head kept from an earlier check, also catches a removed tail.
    func verifyJournal(expectedHead: String?) async throws(StorageError) -> JournalVerification

    /// Records the intent to submit before the agency is called. When the step already has a pending
    /// submission, returns that one instead (the caller finishes it with its key) and records nothing.
    func recordIntent(_ submission: Submission, journal: AccessEntry) async throws(StorageError) -> Submission
    /// Records how the call went, with its journal entry.
    func recordOutcome(_ submission: Submission, journal: AccessEntry) async throws(StorageError)
    func submissions(person: PersonID) async throws(StorageError) -> [Submission]
    /// Every pending submission, oldest first.
    func pendingSubmissions() async throws(StorageError) -> [Submission]
    /// Claims up to `limit` pending submissions (of `person`, or anyone's) that nobody holds or whose claim lapsed,
    /// oldest first, for `claimant` until `at + lease`: what a node finishes after a crash, so that of several nodes
    /// (or processes on one file) only one sends each. ``recordOutcome(_:journal:)`` ends the claim.
    func claimPendingSubmissions(of person: PersonID?, limit: Int, claimant: String, at: Date, lease: Duration) async throws(StorageError)
        -> [Submission]
}
