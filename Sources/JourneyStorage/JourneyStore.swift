import Foundation
import JourneyModel

/// Durable state for the engine. Every method is one transaction; ``transact(person:_:)`` runs the
/// engine's pure decision inside the transaction, so reading, deciding and writing cannot interleave
/// with another writer.
public protocol JourneyStore: Sendable {
    /// Creates a person, with or without an identity number.
    func createPerson(id: PersonID, identity: Personnummer?, at: Date) throws(StorageError) -> StoredPerson
    func person(id: PersonID) throws(StorageError) -> StoredPerson?
    func person(identity: Personnummer) throws(StorageError) -> StoredPerson?

    /// Loads the person's snapshot, lets `body` change it and say which events happened, then writes
    /// exactly what changed together with the events, in one write transaction. Nothing is written when
    /// `body` throws.
    func transact<Failure: Error>(person: PersonID, _ body: (inout PersonSnapshot) throws(Failure) -> [JourneyEvent]) throws -> PersonSnapshot

    /// Writes each change's difference between `before` (as last loaded or committed) and `after`, with its
    /// events, all in one write transaction and without reading first: for callers that keep snapshots in
    /// memory. Fails with ``StorageError/Code/conflict`` when an enrollment's stored revision is no longer the
    /// one in `before` (another writer got there first); nothing at all is written then.
    func commit(_ changes: [SnapshotChange]) throws(StorageError)

    /// Creates `person` and runs `body` on their empty snapshot, all in one write transaction: a newcomer's
    /// first enrollment costs one commit, and a refused body leaves no half-created person behind.
    func transact<Failure: Error>(creating person: StoredPerson, _ body: (inout PersonSnapshot) throws(Failure) -> [JourneyEvent]) throws
        -> PersonSnapshot

    /// The snapshot without changing anything.
    func snapshot(person: PersonID) throws(StorageError) -> PersonSnapshot?

    /// The enrollment's history, oldest first.
    func events(enrollment: EnrollmentID) throws(StorageError) -> [JourneyEvent]

    func enrollment(id: EnrollmentID) throws(StorageError) -> StoredEnrollment?

    /// Remembers the text of a definition version the first time an enrollment uses it, so enrollments
    /// pinned to it keep working after the file changes. Returns the text stored for that version,
    /// which differs from `source` when the file changed without a version bump.
    func pinDefinition(journey: JourneyID, version: Int, source: String) throws(StorageError) -> String
    func definitionSource(journey: JourneyID, version: Int) throws(StorageError) -> String?

    /// Enrollments matching a caseworker's filter, from indexed columns only.
    func enrollments(matching query: EnrollmentQuery) throws(StorageError) -> [StoredEnrollment]
}
