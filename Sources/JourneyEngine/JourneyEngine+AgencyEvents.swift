import Foundation
import JourneyModel
import JourneyStore

/// Case events from agencies. An event is recorded together with the change it makes, in one transaction,
/// and at most once per (agency, message id). An event for a step the person has not reached (it is locked)
/// is kept pending and applied, in the order events arrived, by ``applyPendingAgencyEvents(person:events:)``:
/// callers run it after every change they make to the person and before they read the person's journeys.
extension JourneyEngine {
    /// How often a write that lost a race with another writer is decided again before giving up.
    private static let attempts = 4

    /// Receives an agency's event: applies it to the step of the person's journey that uses its service, or
    /// keeps it pending when that step is locked. A message id seen before returns the first receipt, marked
    /// as a duplicate, when the event is the same, and is refused as a conflict when it is not.
    public func receive(_ event: AgencyCaseEvent, events store: any AgencyEventStore) async throws(EngineError) -> AgencyEventReceipt {
        guard event.service.agency == event.agency else {
            throw EngineError(.invalidValue, "service '\(event.service)' does not belong to agency '\(event.agency)'",
                hint: "agencies push events only for their own services")
        }
        for (field, text, limit) in [("message", event.message, AgencyText.messageLength), ("caseReference", event.caseReference, AgencyText.referenceLength)] {
            if let text, let problem = AgencyText.problem(in: text, limit: limit) {
                throw EngineError(.invalidValue, "'\(field)' \(problem)", hint: AgencyText.hint(limit: limit), field: field)
            }
        }
        let person = try await self.person(event.person)
        // Events that were waiting go first, so events for one step apply in the order they arrived.
        _ = try await applyPendingAgencyEvents(person: person.id, events: store)
        for _ in 0..<Self.attempts {
            if let existing = try await storage({ () async throws(StorageError) in try await store.agencyEvent(agency: event.agency, messageID: event.messageID) }) {
                guard existing.person == person.id, existing.service == event.service, existing.kind == event.kind.name,
                    existing.decision == event.kind.decision?.rawValue, existing.caseReference == event.caseReference,
                    existing.message == event.message, existing.language == event.language
                else {
                    throw EngineError(.conflict, "message id '\(event.messageID)' was already used for a different event",
                        hint: "give every new event a new message id")
                }
                return AgencyEventReceipt(event: existing, duplicate: true)
            }
            let snapshot = try await self.snapshot(of: person.id)
            try await loadDefinitions(of: snapshot)
            let (position, step) = try target(of: event, in: snapshot)
            let enrollment = snapshot.enrollments[position]
            let now = clock()
            var stored = StoredAgencyEvent(agency: event.agency, messageID: event.messageID, person: person.id, enrollment: enrollment.id, step: step,
                service: event.service, kind: event.kind.name, decision: event.kind.decision?.rawValue, caseReference: event.caseReference,
                message: event.message, language: event.language, receivedAt: now, status: .pending)
            var changes: [SnapshotChange] = []
            if try !isLocked(step, of: enrollment, in: snapshot) {
                // A refused transition is the agency's answer now (422); nothing is stored, so it may be sent again.
                changes = [try await change(event.command, step: step, on: snapshot, journey: enrollment.journey, actor: .agency).change]
                stored.status = .applied
                stored.resolvedAt = now
            }
            do {
                try await store.commit(changes, received: [stored], resolved: [])
            } catch where error.code == .conflict {
                continue
            } catch {
                throw EngineError(storage: error)
            }
            if stored.status == .applied { _ = try await applyPendingAgencyEvents(person: person.id, events: store) }
            let saved = try await storage { () async throws(StorageError) in try await store.agencyEvent(agency: event.agency, messageID: event.messageID) }
            return AgencyEventReceipt(event: saved ?? stored, duplicate: false)
        }
        throw EngineError(.conflict, "the journey kept changing while the event was applied", hint: "send the same event again")
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

    /// Applies the person's pending events whose step is no longer locked, in the order they arrived, and
    /// returns them as resolved: applied, or refused when the step no longer allows them (a decision for a
    /// step that turned out not to apply, say). One transaction for all of them.
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
                    if try isLocked(event.step, of: enrollment, in: snapshot) {
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

    /// The enrollment and step an event is for: the step of the person's journey that uses the event's service.
    private func target(of event: AgencyCaseEvent, in snapshot: PersonSnapshot) throws(EngineError) -> (Int, StepID) {
        var matches: [(Int, StepID)] = []
        for (index, enrollment) in snapshot.enrollments.enumerated() where event.journey == nil || enrollment.journey == event.journey {
            for step in try definition(for: enrollment).steps where step.service == event.service { matches.append((index, step.id)) }
        }
        switch matches.count {
        case 1: return matches[0]
        case 0:
            throw EngineError(.notEnrolled, "this person has not started a journey with a step for '\(event.service)'",
                hint: event.journey == nil ? "the person must start the journey first" : "check the journey, or leave it out")
        default:
            throw EngineError(.ambiguousEnrollment, "several of this person's steps use '\(event.service)'", hint: "name the journey")
        }
    }

    /// Whether the person has not reached the step yet: it waits for earlier steps or for answers.
    private func isLocked(_ step: StepID, of enrollment: StoredEnrollment, in snapshot: PersonSnapshot) throws(EngineError) -> Bool {
        let plan = JourneyPlanner.plan(try definition(for: enrollment), facts: snapshot.factValues, progress: enrollment.progress)
        return plan.status(of: step)?.state == .locked
    }
}
