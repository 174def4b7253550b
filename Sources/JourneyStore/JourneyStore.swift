import Foundation
import JourneyModel

/// Durable state for the engine. Every method is one transaction and `async`: a store never blocks the
/// caller's thread on I/O. ``transact(person:_:)`` runs the engine's pure decision inside the transaction, so
/// reading, deciding and writing cannot interleave with another writer, on one node or several.
///
/// The decision (`body`) is synchronous and reads nothing but the snapshot it is given: whatever else it needs
/// (another person's identity, a pinned definition's text) is read before the transaction, so a pooled
/// connection never waits on a second one.
public protocol JourneyStore: ReminderStore, OfferStore, Sendable {
    func person(id: PersonID) async throws(StorageError) -> StoredPerson?
    func person(identity: Personnummer) async throws(StorageError) -> StoredPerson?

    /// Loads the person's snapshot, lets `body` change it and say which events happened, then writes
    /// exactly what changed together with the events, in one write transaction. Nothing is written when
    /// `body` throws; the body's own error comes out unchanged, the store's as ``StorageError``. The person's
    /// row is held for the transaction, so concurrent writers to one person run one after the other.
    func transact<Failure: Error>(person: PersonID, _ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent]) async throws -> PersonSnapshot

    /// Writes each change's difference between `before` (as last loaded or committed) and `after`, with its
    /// events, all in one write transaction and without reading first: for callers that keep snapshots in
    /// memory. Fails with ``StorageError/Code/conflict`` when an enrollment's stored revision is no longer the
    /// one in `before` (another writer got there first); nothing at all is written then.
    func commit(_ changes: [SnapshotChange]) async throws(StorageError)

    /// Creates `person` and runs `body` on their empty snapshot, all in one write transaction: a newcomer's
    /// first enrollment costs one commit, and a refused body leaves no half-created person behind.
    func transact<Failure: Error>(creating person: StoredPerson, _ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent]) async throws
        -> PersonSnapshot

    /// The snapshot without changing anything.
    func snapshot(person: PersonID) async throws(StorageError) -> PersonSnapshot?

    /// The enrollment's history, oldest first.
    func events(enrollment: EnrollmentID) async throws(StorageError) -> [JourneyEvent]

    func enrollment(id: EnrollmentID) async throws(StorageError) -> StoredEnrollment?

    /// Remembers the text of a definition version the first time an enrollment uses it, so enrollments
    /// pinned to it keep working after the file changes. Returns the text stored for that version,
    /// which differs from `source` when the file changed without a version bump.
    func pinDefinition(journey: JourneyID, version: Int, source: String) async throws(StorageError) -> String
    func definitionSource(journey: JourneyID, version: Int) async throws(StorageError) -> String?

    /// Whether the store answers and can take changes now (see ``StoreHealth``). Never throws: a failure to answer is
    /// itself the answer. Cheap enough to call before every change (a `stat` on SQLite; PostgreSQL's query result is
    /// kept for a moment).
    func health() async -> StoreHealth
}
