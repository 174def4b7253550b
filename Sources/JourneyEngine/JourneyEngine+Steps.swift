import Foundation
import JourneyModel
import JourneyStore

/// Steps: a person (or an agency, or a caseworker) starts, completes or skips one.
extension JourneyEngine {
    /// Applies a step command for the person. Without `journey`, the step is looked up among the person's
    /// enrollments. `produced` are facts the step yields (such as the personnummer from registration). `representation`
    /// names who acted for the person, when someone did: every event records it.
    public func apply(_ command: StepCommand, step stepID: StepID, person id: PersonID, journey: JourneyID? = nil,
        produced: [(fact: FactID, text: String)] = [], actor: JourneyEvent.Actor = .person, representation: Representation? = nil)
        async throws(EngineError) -> EnrollmentView
    {
        // A reason, message or case reference is printed on terminals later: refused here if it could act on one.
        try command.checkText()
        let written = try await transact(.existing(id)) {
            (snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: (EnrollmentID, Bool)) in
            let result = try self.applying(command, step: stepID, to: &snapshot, journey: journey, produced: produced, actor: actor, reads: reads)
            return (result.events.representing(representation), (result.enrollment, result.events.isEmpty))
        }
        guard let index = written.snapshot.enrollments.firstIndex(where: { $0.id == written.output.0 }) else {
            throw EngineError(.storage, "the enrollment was not stored")
        }
        // The plan the transaction wrote: planning again would give the same.
        let enrollment = written.snapshot.enrollments[index]
        return EnrollmentView(enrollment: enrollment, journey: try definition(for: enrollment), plan: written.plans[index], unchanged: written.output.1,
            claims: written.snapshot.claims)
    }

    func applying(_ command: StepCommand, step stepID: StepID, to snapshot: inout PersonSnapshot, journey: JourneyID?,
        produced: [(fact: FactID, text: String)], actor: JourneyEvent.Actor, reads: OutsideReads) throws(EngineError)
        -> (enrollment: EnrollmentID, events: [JourneyEvent])
    {
        let position = try enrollmentIndex(for: stepID, journey: journey, in: snapshot)
        let enrollment = snapshot.enrollments[position]
        let definition = try definition(for: enrollment)
        guard let step = definition.step(stepID) else { throw EngineError(.unknownStep, "no step '\(stepID)' in '\(definition.id)'") }
        var facts = snapshot.factValues
        var events: [JourneyEvent] = []
        if !produced.isEmpty {
            guard command == .complete else {
                throw EngineError(.invalidTransition, "facts can only be reported when completing a step")
            }
            var parsed: [(FactID, FactValue)] = []
            for (fact, text) in produced {
                guard step.produces.contains(fact) else {
                    throw EngineError(.unknownFact, "step '\(stepID)' does not produce '\(fact)'",
                        hint: step.produces.isEmpty ? "it produces no facts" : "it produces: \(step.produces.map(\.rawValue).joined(separator: ", "))")
                }
                parsed.append((fact, try parse(fact, text, declaredBy: [definition])))
            }
            parsed.forEach { facts[$0.0] = $0.1 }
            // Validate the transition before anything is recorded. A step already done keeps what it produced.
            let plan = JourneyPlanner.plan(definition, facts: snapshot.factValues, progress: enrollment.progress)
            if plan.status(of: stepID)?.state == .done {
                throw EngineError(.alreadyDone, "step '\(stepID)' is already done: nothing was changed",
                    hint: "the facts it produced stay as they were recorded")
            }
            _ = try TransitionRules.progress(for: command, step: step, status: plan.status(of: stepID)!, journey: definition, facts: facts)
            // Facts an agency's decision gives are its own answer, the agency's; what the person reports is what they said.
            let decidedBy = actor == .agency ? step.service : nil
            events += try record(parsed, source: decidedBy.map(FactSource.agency) ?? .step(stepID), vouchedBy: decidedBy?.agency, actor: actor,
                in: &snapshot, reads: reads)
        }
        // The stored state is the plan's as of the last change (every change re-plans every enrollment of the
        // person). Where the rules may refuse and must explain why, the full plan gives the reason.
        let status: StepStatus
        if produced.isEmpty, let stored = enrollment.steps[stepID], stored.state != .locked, stored.state != .notApplicable {
            status = StepStatus(step: stepID, state: stored.state, progress: stored.progress)
        } else {
            let plan = JourneyPlanner.plan(definition, facts: snapshot.factValues, progress: enrollment.progress)
            guard let planned = plan.status(of: stepID) else { throw EngineError(.unknownStep, "no step '\(stepID)'") }
            status = planned
        }
        guard let progress = try TransitionRules.progress(for: command, step: step, status: status, journey: definition, facts: facts) else {
            return (enrollment.id, events)
        }
        let now = clock()
        snapshot.enrollments[position].steps[stepID, default: StoredStep(progress: nil, state: status.state, since: now,
            openedAt: status.state.isOpen ? now : nil)].progress = progress
        events.append(JourneyEvent(enrollment: enrollment.id, at: now, actor: actor, kind: .stepProgressed, step: stepID, detail: progress.keyword))
        return (enrollment.id, events)
    }

    /// The journey of the person's enrollments that has `step` (refused when none or several do).
    public func journey(containing step: StepID, for person: PersonID) async throws(EngineError) -> JourneyID {
        let snapshot = try await snapshot(of: person)
        try await loadDefinitions(of: snapshot)
        return snapshot.enrollments[try enrollmentIndex(for: step, journey: nil, in: snapshot)].journey
    }

    func enrollmentIndex(for step: StepID, journey: JourneyID?, in snapshot: PersonSnapshot) throws(EngineError) -> Int {
        if let journey {
            guard let index = snapshot.enrollments.firstIndex(where: { $0.journey == journey }) else {
                throw EngineError(.notEnrolled, "this person has not started '\(journey)'", hint: "start it with: lotsen start \(journey) --person ...")
            }
            guard try definition(for: snapshot.enrollments[index]).step(step) != nil else {
                let steps = try definition(for: snapshot.enrollments[index]).steps.map(\.id.rawValue)
                throw EngineError(.unknownStep, "no step '\(step)' in '\(journey)'",
                    hint: Suggestion.closest(to: step.rawValue, among: steps).map { "did you mean '\($0)'?" } ?? "see the steps with: lotsen show \(journey)")
            }
            return index
        }
        var matches: [Int] = []
        for (index, enrollment) in snapshot.enrollments.enumerated() where try definition(for: enrollment).step(step) != nil {
            matches.append(index)
        }
        guard !snapshot.enrollments.isEmpty else {
            throw EngineError(.notEnrolled, "this person has not started any journey", hint: "start one with: lotsen start JOURNEY --person ...")
        }
        switch matches.count {
        case 1: return matches[0]
        case 0:
            var steps: [String] = []
            for enrollment in snapshot.enrollments { steps += try definition(for: enrollment).steps.map(\.id.rawValue) }
            throw EngineError(.unknownStep, "no step '\(step)' in this person's journeys",
                hint: Suggestion.closest(to: step.rawValue, among: steps).map { "did you mean '\($0)'?" } ?? "see the steps with: lotsen status --person ...")
        default:
            throw EngineError(.ambiguousEnrollment, "step '\(step)' is in several of this person's journeys",
                hint: "name one with --journey: \(matches.map { snapshot.enrollments[$0].journey.rawValue }.sorted().joined(separator: ", "))")
        }
    }
}
