import Foundation
import JourneyModel
import JourneyStore

/// Proven identity: a personnummer or samordningsnummer is bound to a person record only by an eID login or by the
/// agency of record's own answer, never because someone typed it.
extension JourneyEngine {
    /// The agency whose answer about a person's number is proof of it: Skatteverket keeps the population register.
    public static let agencyOfRecord: AgencyID = "skatteverket"

    /// Binds the number a login proved to a person record and returns that record:
    /// - with `person`, to that record (a newcomer's reference, or a record an operator named by this number);
    /// - without, to the record that already has the number, or to a new record with no journeys yet.
    /// A number already bound to another record, or a record bound to another number, is refused
    /// (``EngineError/Code/identityConflict``) without saying whose.
    public func prove(_ proven: ProvenIdentity, person: PersonID? = nil, actor: JourneyEvent.Actor = .person) async throws(EngineError) -> StoredPerson {
        let owner = try await storage { () async throws(StorageError) in try await store.person(identity: proven.number) }
        let target: PersonID
        switch (owner, person) {
        case (let owner?, nil): target = owner.id
        case (let owner?, let person?) where owner.id == person: target = person
        case (_?, _?):
            throw EngineError(.identityConflict, "the number you logged in with already has its own record in Lotsen",
                hint: "log in without a reference to continue that record, or ask a caseworker to merge the two")
        case (nil, let person?): target = person
        case (nil, nil):
            let created = StoredPerson(id: PersonID(PersonReference.idPrefix + ReferenceGenerator.random()), identity: proven.number, proof: proven.proof,
                createdAt: clock())
            return try await transact(.creating(created)) {
                (_: inout PersonSnapshot, _: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: Void) in ([], ())
            }.snapshot.person
        }
        let clock = self.clock
        let written = try await transact(.existing(target)) {
            (snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: Void) in
            let linked = snapshot.person.identity == nil
            try self.bind(proven.number, proof: proven.proof, in: &snapshot, reads: reads)
            guard linked else { return ([], ()) }
            let now = clock()
            var events = snapshot.enrollments.map { JourneyEvent(enrollment: $0.id, at: now, actor: actor, kind: .identityLinked, detail: "eid") }
            events += try self.recordIdentityFact(in: &snapshot, actor: actor, reads: reads)
            return (events, ())
        }
        return written.snapshot.person
    }

    /// Binds `number` with `proof` to the snapshot's person: links it to a newcomer, or proves the number the record
    /// was named by. For a login, a record bound to another number, or a number another record has, is a conflict: the
    /// caller proved the number, so may learn it is in use. The agency of record's answer reaches whoever happened to
    /// ask (a sync, an agency's decision), who has proved nothing: a number that cannot be bound stays the agency's
    /// fact, the record stays unproven, and nothing tells the caller that the number is in use elsewhere.
    func bind(_ number: Personnummer, proof: IdentityProof, in snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) {
        let conflict: EngineError?
        if let existing = snapshot.person.identity {
            conflict = existing == number ? nil : EngineError(.identityConflict, "this record is already linked to a different number",
                hint: "a person has one number; contact a caseworker")
        } else if let owner = try reads.owner(of: number), owner != snapshot.person.id {
            conflict = EngineError(.identityConflict, "that number is already linked to another person reference",
                hint: "use that reference instead, or ask a caseworker to merge the two")
        } else {
            conflict = nil
        }
        if let conflict {
            guard proof.method == .eid else { return }
            throw conflict
        }
        snapshot.person.identity = number
        // A login keeps its stated level of assurance; the agency of record does not lower a login's.
        if snapshot.person.proof == nil || proof.method == .eid { snapshot.person.proof = proof }
    }
}
