import Foundation
import JourneyModel
import JourneyStore

/// Case events from agencies. An event is recorded together with the change it makes, in one transaction,
/// and at most once per (agency, message id). An event for a step the person has not reached (it is locked, or does
/// not apply) is kept pending and applied, in the order events arrived, by ``applyPendingAgencyEvents(person:events:)``:
/// callers run it after every change they make to the person and before they read the person's journeys. An event
/// about someone no step matches is kept apart (``matchUnmatchedAgencyEvents(events:limit:)``). Every kept event
/// expires after the lifetime it was received with; the agency's answer never says which of these happened.
extension JourneyEngine {
    /// How often a write that lost a race with another writer is decided again before giving up.
    private static let attempts = 4

    /// How long an agency event waits, when the caller does not say: for the person to reach its step, or for
    /// someone Lotsen cannot place yet to start the journey.
    public static let defaultPendingEventLifetime: Duration = .seconds(30 * 24 * 3600)

    /// Receives an agency's event: applies it to the step of the person's journey that uses its service, or keeps it
    /// pending, for at most `lifetime`, when that cannot be done now. The step may be locked or not apply (yet), the
    /// transition may not be allowed, the person may be unknown or not have started the journey: the agency learns
    /// none of this, and the receipt is the same whatever became of the event. A message id seen before returns the
    /// first receipt, marked as a duplicate, when the event is the same, and is refused as a conflict when it is not.
    /// Only what says nothing about the person is refused: a service of another agency, a text that breaks the rules.
    public func receive(_ event: AgencyCaseEvent, events store: any AgencyEventStore, lifetime: Duration = defaultPendingEventLifetime)
        async throws(EngineError) -> AgencyEventReceipt
    {
        guard event.service.agency == event.agency else {
            throw EngineError(.invalidValue, "service '\(event.service)' does not belong to agency '\(event.agency)'",
                hint: "agencies push events only for their own services")
        }
        for (field, text, limit) in [("message", event.message, AgencyText.messageLength), ("caseReference", event.caseReference, AgencyText.referenceLength)] {
            if let text, let problem = AgencyText.problem(in: text, limit: limit) {
                throw EngineError(.invalidValue, "'\(field)' \(problem)", hint: AgencyText.hint(limit: limit), field: field)
            }
        }
        return try await accept(event, events: store, lifetime: lifetime, kept: nil)
    }

    /// Receives `event`; with `kept`, an unmatched event that now matches, keeping when it came and when it expires.
    private func accept(_ event: AgencyCaseEvent, events store: any AgencyEventStore, lifetime: Duration, kept: UnmatchedAgencyEvent?)
        async throws(EngineError) -> AgencyEventReceipt
    {
        let person = try await knownPerson(event.person)
        if let person {
            // Events that were waiting go first, so events for one step apply in the order they arrived.
            _ = try await applyPendingAgencyEvents(person: person.id, events: store)
        }
        for _ in 0..<Self.attempts {
            if let receipt = try await earlierReceipt(of: event, person: person?.id, events: store, matching: kept != nil) { return receipt }
            let now = clock()
            let receivedAt = kept?.receivedAt ?? now
            let expiresAt = kept?.expiresAt ?? now.addingTimeInterval(TimeInterval(lifetime.components.seconds))
            guard let person, let found = try await target(service: event.service, journey: event.journey, person: person.id) else {
                do {
                    try await store.keep(unmatched: unmatched(event, receivedAt: now, expiresAt: expiresAt))
                } catch where error.code == .conflict {
                    continue
                } catch {
                    throw EngineError(storage: error)
                }
                return AgencyEventReceipt(event, receivedAt: receivedAt, duplicate: false)
            }
            let (snapshot, step) = (found.snapshot, found.step)
            let enrollment = snapshot.enrollments[found.position]
            var stored = StoredAgencyEvent(agency: event.agency, messageID: event.messageID, person: person.id, enrollment: enrollment.id, step: step,
                service: event.service, kind: event.kind.name, decision: event.kind.decision?.rawValue, caseReference: event.caseReference,
                message: event.message, language: event.language, receivedAt: receivedAt, status: .pending, expiresAt: expiresAt)
            var changes: [SnapshotChange] = []
            if try !waits(step, of: enrollment, in: snapshot) {
                do throws(EngineError) {
                    changes = [try await change(event.command, step: step, on: snapshot, journey: enrollment.journey, actor: .agency).change]
                    stored.status = .applied
                    stored.resolvedAt = now
                } catch where error.code == .invalidTransition || error.code == .alreadyDone {
                    // Kept like any event that waits: the next look at the person refuses it, and the agency is not told.
                }
            }
            do {
                try await store.commit(changes, received: [stored], resolved: [])
            } catch where error.code == .conflict {
                continue
            } catch {
                throw EngineError(storage: error)
            }
            if stored.status == .applied { _ = try await applyPendingAgencyEvents(person: person.id, events: store) }
            return AgencyEventReceipt(event, receivedAt: receivedAt, duplicate: false, matched: .init(person: person.id, journey: enrollment.journey, step: step))
        }
        throw EngineError(.conflict, "the journey kept changing while the event was applied", hint: "send the same event again")
    }

    /// Tries again the events no one's step matched when they came, oldest first, at most `limit`: one whose person
    /// has since started the journey becomes an event of theirs, applied or waiting as ``receive(_:events:lifetime:)``
    /// decides. Returns how many matched.
    @discardableResult
    public func matchUnmatchedAgencyEvents(events store: any AgencyEventStore, limit: Int = 100) async throws(EngineError) -> Int {
        var matched = 0
        for kept in try await storage({ () async throws(StorageError) in try await store.unmatchedAgencyEvents(limit: limit) }) {
            guard let reference = try? PersonReference(parsing: kept.person), let kind = AgencyCaseEvent.Kind(name: kept.kind, decision: kept.decision),
                let person = try await knownPerson(reference),
                try await target(service: kept.service, journey: kept.journey, person: person.id) != nil
            else { continue }
            let event = AgencyCaseEvent(messageID: kept.messageID, agency: kept.agency, service: kept.service, person: reference, journey: kept.journey,
                kind: kind, language: kept.language, caseReference: kept.caseReference, message: kept.message)
            // Recorded as the person's event first, then forgotten here: after a crash in between, the next try finds it
            // recorded (a duplicate) and only forgets it.
            _ = try await accept(event, events: store, lifetime: .zero, kept: kept)
            try await storage { () async throws(StorageError) in try await store.forgetUnmatchedAgencyEvent(agency: kept.agency, messageID: kept.messageID) }
            matched += 1
        }
        return matched
    }

    /// The receipt of an event sent before under the same message id, if any; a conflict when it was another event.
    /// `matching` when the event is a kept unmatched one being matched: then only the person's events count.
    private func earlierReceipt(of event: AgencyCaseEvent, person: PersonID?, events store: any AgencyEventStore, matching: Bool)
        async throws(EngineError) -> AgencyEventReceipt?
    {
        let conflict = EngineError(.conflict, "message id '\(event.messageID)' was already used for a different event",
            hint: "give every new event a new message id")
        if let existing = try await storage({ () async throws(StorageError) in try await store.agencyEvent(agency: event.agency, messageID: event.messageID) }) {
            guard existing.person == person, existing.service == event.service, existing.kind == event.kind.name,
                existing.decision == event.kind.decision?.rawValue, existing.caseReference == event.caseReference,
                existing.message == event.message, existing.language == event.language
            else { throw conflict }
            return AgencyEventReceipt(event, receivedAt: existing.receivedAt, duplicate: true)
        }
        if !matching, let kept = try await storage({ () async throws(StorageError) in try await store.unmatchedAgencyEvent(agency: event.agency, messageID: event.messageID) }
        ) {
            guard kept == unmatched(event, receivedAt: kept.receivedAt, expiresAt: kept.expiresAt) else { throw conflict }
            return AgencyEventReceipt(event, receivedAt: kept.receivedAt, duplicate: true)
        }
        return nil
    }

    /// The person a reference names, or `nil` when there is none.
    private func knownPerson(_ reference: PersonReference) async throws(EngineError) -> StoredPerson? {
        do {
            return try await person(reference)
        } catch where error.code == .unknownPerson {
            return nil
        }
    }

    private func unmatched(_ event: AgencyCaseEvent, receivedAt: Date, expiresAt: Date) -> UnmatchedAgencyEvent {
        let person: String =
            switch event.person {
            case .id(let id): id.rawValue
            case .identity(let number): number.twelveDigits
            case .new: "new"
            }
        return UnmatchedAgencyEvent(agency: event.agency, messageID: event.messageID, person: person, service: event.service, journey: event.journey,
            kind: event.kind.name, decision: event.kind.decision?.rawValue, caseReference: event.caseReference, message: event.message,
            language: event.language, receivedAt: receivedAt, expiresAt: expiresAt)
    }

    /// The snapshot of the person `enrollment` belongs to, and whether agency events wait for them, in one read:
    /// a reader that finds none waiting needs no second look before showing the journeys.
    public func snapshot(containing enrollment: EnrollmentID, events store: any AgencyEventStore) async throws(EngineError)
        -> (snapshot: PersonSnapshot, hasPendingAgencyEvents: Bool)
    {
        guard let loaded = try await storage({ () async throws(StorageError) in try await store.snapshot(containing: enrollment) }) else {
            throw EngineError.unknownEnrollment(enrollment)
        }
        return loaded
    }

    /// Applies the person's pending events whose step they have reached and which applies to them, in the order
    /// they arrived, and returns them as resolved: applied, refused when the step does not allow them (a request for
    /// action on a step never sent, say), or refused as `expired` once they have waited their lifetime. One
    /// transaction for all of them.
    @discardableResult
    public func applyPendingAgencyEvents(person: PersonID, events store: any AgencyEventStore) async throws(EngineError) -> [StoredAgencyEvent] {
        for _ in 0..<Self.attempts {
            var remaining = try await storage { () async throws(StorageError) in try await store.pendingAgencyEvents(person: person) }
            guard !remaining.isEmpty else { return [] }
            var snapshot = try await self.snapshot(of: person)
            try await loadDefinitions(of: snapshot)
            var changes: [SnapshotChange] = []
            var resolved: [StoredAgencyEvent] = []
            let now = clock()
            // Applying one event can unlock the step of another: go round until a pass resolves nothing.
            var progressed = true
            while progressed {
                progressed = false
                var waiting: [StoredAgencyEvent] = []
                for var event in remaining {
                    // A later event for a step with an earlier event still waiting waits too, keeping their order.
                    if waiting.contains(where: { $0.enrollment == event.enrollment && $0.step == event.step }) {
                        waiting.append(event)
                        continue
                    }
                    guard let enrollment = snapshot.enrollments.first(where: { $0.id == event.enrollment }),
                        let kind = AgencyCaseEvent.Kind(name: event.kind, decision: event.decision)
                    else {
                        event.status = .refused
                        event.outcome = EngineError.Code.unknownEnrollment.rawValue
                        event.resolvedAt = now
                        resolved.append(event)
                        progressed = true
                        continue
                    }
                    if let expiresAt = event.expiresAt, expiresAt <= now {
                        event.status = .refused
                        event.outcome = StoredAgencyEvent.expired
                        event.resolvedAt = now
                        resolved.append(event)
                        progressed = true
                        continue
                    }
                    if try waits(event.step, of: enrollment, in: snapshot) {
                        waiting.append(event)
                        continue
                    }
                    let command = AgencyCaseEvent.command(kind, caseReference: event.caseReference, message: event.message)
                    do throws(EngineError) {
                        let decided = try await change(command, step: event.step, on: snapshot, journey: enrollment.journey, actor: .agency)
                        changes.append(decided.change)
                        snapshot = decided.after
                        event.status = .applied
                    } catch {
                        event.status = .refused
                        event.outcome = error.code.rawValue
                    }
                    event.resolvedAt = now
                    resolved.append(event)
                    progressed = true
                }
                remaining = waiting
            }
            guard !resolved.isEmpty else { return [] }
            do {
                try await store.commit(changes, received: [], resolved: resolved)
                return resolved
            } catch where error.code == .conflict {
                continue
            } catch {
                throw EngineError(storage: error)
            }
        }
        throw EngineError(.conflict, "the journey kept changing while waiting agency events were applied", hint: "try again")
    }

    /// The person's snapshot with the enrollment and step an event for `service` is for: the one step of their
    /// journeys (of `journey`, when named) that uses it; `nil` when none or several do. An event names the person it is
    /// about, so it is for their own step, never a household member's copy of it.
    private func target(service: ServiceID, journey: JourneyID?, person: PersonID) async throws(EngineError)
        -> (snapshot: PersonSnapshot, position: Int, step: StepID)?
    {
        let snapshot = try await self.snapshot(of: person)
        try await loadDefinitions(of: snapshot)
        var matches: [(Int, StepID)] = []
        for (index, enrollment) in snapshot.enrollments.enumerated() where journey == nil || enrollment.journey == journey {
            for step in try definition(for: enrollment).steps where step.service == service && step.member == nil { matches.append((index, step.id)) }
        }
        guard matches.count == 1 else { return nil }
        return (snapshot, matches[0].0, matches[0].1)
    }

    /// Whether an event for the step waits: the person has not reached it (it waits for earlier steps or answers), or
    /// it does not apply to them, which answers still to change may undo.
    private func waits(_ step: StepID, of enrollment: StoredEnrollment, in snapshot: PersonSnapshot) throws(EngineError) -> Bool {
        let plan = JourneyPlanner.plan(try definition(for: enrollment), facts: snapshot.factValues, progress: enrollment.progress)
        let state = plan.status(of: step)?.state
        return state == .locked || state == .notApplicable
    }
}
