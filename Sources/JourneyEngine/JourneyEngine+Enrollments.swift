import Foundation
import JourneyModel
import JourneyStore

/// Starting journeys.
extension JourneyEngine {
    /// Starts `journey` for the person, or returns their existing enrollment in it (idempotent).
    public func enroll(_ reference: PersonReference, in journeyID: JourneyID, actor: JourneyEvent.Actor = .person,
        representation: Representation? = nil) async throws(EngineError) -> EnrollmentView
    {
        try await enrollKeepingSnapshot(reference, in: journeyID, actor: actor, representation: representation).view
    }

    /// ``enroll(_:in:actor:)`` for callers that keep the person's snapshot in memory between changes
    /// (``change(_:step:on:journey:produced:actor:)``): the enrollment's view and the snapshot it was planned on,
    /// as written, with no second read.
    /// `representation` names someone acting for the person (a guardian starting a journey for their child) on every event.
    public func enrollKeepingSnapshot(_ reference: PersonReference, in journeyID: JourneyID, actor: JourneyEvent.Actor = .person,
        representation: Representation? = nil) async throws(EngineError) -> (view: EnrollmentView, snapshot: PersonSnapshot)
    {
        guard let journey = library.journey(journeyID) else {
            throw EngineError(.unknownJourney, "no journey '\(journeyID)'",
                hint: Suggestion.closest(to: journeyID.rawValue, among: library.journeys.map(\.id.rawValue)).map { "did you mean '\($0)'?" }
                    ?? "list the journeys with: lotsen journeys")
        }
        // An unknown identity number or a newcomer gets a person in the same transaction as the enrollment.
        let existing: StoredPerson?
        var identity: Personnummer?
        switch reference {
        case .new: existing = nil
        case .identity(let number):
            existing = try await storage { () async throws(StorageError) in try await store.person(identity: number) }
            identity = number
        case .id: existing = try await self.person(reference)
        }
        try await pin(journey, person: existing?.id)
        let clock = self.clock
        let decide: Decision<Bool> = { (snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: Bool) in
            guard !snapshot.enrollments.contains(where: { $0.journey == journey.id }) else { return ([], false) }
            let now = clock()
            let id = EnrollmentID("le-" + ReferenceGenerator.random())
            snapshot.enrollments.append(StoredEnrollment(id: id, person: snapshot.person.id, journey: journey.id, journeyVersion: journey.version,
                status: .active, ball: .person, revision: 0, createdAt: now, updatedAt: now, steps: [:]))
            let enrolled = JourneyEvent(enrollment: id, at: now, actor: actor, kind: .enrolled, detail: "version \(journey.version)")
            return ((try [enrolled] + self.recordIdentityFact(in: &snapshot, actor: actor, reads: reads)).representing(representation), true)
        }
        let written: Written<Bool>
        if let existing {
            written = try await transact(.existing(existing.id), decide)
        } else {
            let person = StoredPerson(id: PersonID(PersonReference.idPrefix + ReferenceGenerator.random()), identity: identity, createdAt: clock())
            written = try await transact(.creating(person), decide)
        }
        guard let index = written.snapshot.enrollments.firstIndex(where: { $0.journey == journey.id }) else {
            throw EngineError(.storage, "the enrollment was not stored")
        }
        // The plan is the one the transaction wrote, made with the definition the enrollment is pinned to.
        let enrollment = written.snapshot.enrollments[index]
        let view = EnrollmentView(enrollment: enrollment, journey: try definition(for: enrollment), plan: written.plans[index], created: written.output,
            claims: written.snapshot.claims)
        return (view, written.snapshot)
    }
}
