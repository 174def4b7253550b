import JourneyModel

/// Derives every step's state from a journey definition, the facts known about the person and the
/// progress recorded so far. Pure and deterministic: no clock, no storage, no I/O.
public enum JourneyPlanner {
    /// Plans one enrollment. Facts that do not conform to the journey's declared types are ignored, so a
    /// fact recorded for another journey under the same id but another type never confuses this one.
    public static func plan(_ journey: Journey, facts: [FactID: FactValue], progress: [StepID: StepProgress]) -> JourneyPlan {
        plan(journey, facts: facts, recorded: journey.steps.map { progress[$0.id] })
    }

    /// ``plan(_:facts:progress:)`` with the recorded progress already in the journey's step order.
    static func plan(_ journey: Journey, facts: [FactID: FactValue], recorded: [StepProgress?]) -> JourneyPlan {
        // Checked once here, so evaluating a condition is a plain dictionary lookup.
        var valid: [FactID: FactValue] = [:]
        valid.reserveCapacity(facts.count)
        for (id, value) in facts where journey.fact(id).map({ value.conforms(to: $0.type) }) == true { valid[id] = value }
        let lookup: (FactID) -> FactValue? = { valid[$0] }
        let statuses = states(journey, lookup: lookup, recorded: recorded)
        return summarize(journey, statuses: statuses, lookup: lookup)
    }

    /// One pass over the steps in evaluation order (prerequisites and alternatives first).
    static func states(_ journey: Journey, lookup: (FactID) -> FactValue?, recorded: [StepProgress?]) -> [StepStatus] {
        let steps = journey.steps
        var result = [StepStatus?](repeating: nil, count: steps.count)
        for index in journey.evaluationOrder {
            let step = steps[index]
            // A member's copy applies only once the member is known to be coming: until the household is answered, a
            // family's plan does not fill with copies for children who may not exist.
            if let member = step.member, member.presence.evaluate(lookup) != .true {
                // A case already at the agency stays open whoever is coming now: it is still followed, still answered,
                // and the journey is not complete while it runs.
                let inFlight = recorded[index].map { [.waitingOnAgency, .needsAction].contains(state(for: $0)) } == true
                result[index] = StepStatus(step: step.id, state: inFlight ? state(for: recorded[index]!) : .notApplicable, reason: .notInHousehold,
                    progress: recorded[index])
                continue
            }
            if step.isGroup {
                result[index] = groupStatus(journey, index: index, alternatives: journey.alternativeIndices[index].map { result[$0]! },
                    recorded: recorded[index], lookup: lookup)
                continue
            }
            // Applicability: every condition on the step (and its group) must hold.
            var missing = Set<FactID>()
            var applies = true
            for condition in journey.conditions[index] {
                switch condition.evaluate(lookup) {
                case .true: continue
                case .false: applies = false
                case .undecided(let facts): missing.formUnion(facts)
                }
                if !applies { break }
            }
            if !applies {
                result[index] = StepStatus(step: step.id, state: .notApplicable, reason: .conditionNotMet, progress: recorded[index])
                continue
            }
            if let group = journey.groupIndex[index],
                let chosen = journey.alternativeIndices[group].first(where: { $0 != index && recorded[$0] == .completed }),
                recorded[index] != .completed
            {
                result[index] = StepStatus(step: step.id, state: .notApplicable, reason: .alternativeChosen(steps[chosen].id), progress: recorded[index])
                continue
            }
            if let progress = recorded[index] {
                result[index] = StepStatus(step: step.id, state: state(for: progress), progress: progress)
                continue
            }
            if !missing.isEmpty {
                result[index] = StepStatus(step: step.id, state: .locked, reason: .undecided(missing: missing))
                continue
            }
            let waiting = journey.prerequisiteIndices[index].filter { !result[$0]!.state.satisfiesPrerequisite }
            if !waiting.isEmpty {
                result[index] = StepStatus(step: step.id, state: .locked, reason: .waitingFor(waiting.map { steps[$0].id }))
                continue
            }
            let unknown = step.needs.filter { lookup($0) == nil }
            result[index] = StepStatus(step: step.id, state: .available, reason: unknown.isEmpty ? nil : .needsFacts(unknown))
        }
        return result.map { $0! }
    }

    static func state(for progress: StepProgress) -> StepState {
        switch progress {
        case .started: .inProgress
        case .waitingOnAgency: .waitingOnAgency
        case .needsAction: .needsAction
        case .completed: .done
        case .skipped: .skipped
        case .rejected: .rejected
        }
    }

    /// A group stands for its alternatives: done when one is done, otherwise the most advanced of them.
    static func groupStatus(_ journey: Journey, index: Int, alternatives: [StepStatus], recorded: StepProgress?, lookup: (FactID) -> FactValue?)
        -> StepStatus
    {
        let id = journey.steps[index].id
        if let done = alternatives.first(where: { $0.state == .done }) {
            return StepStatus(step: id, state: .done, reason: .alternativeChosen(done.step))
        }
        var missing = Set<FactID>()
        for condition in journey.conditions[index] {
            switch condition.evaluate(lookup) {
            case .true: continue
            case .false: return StepStatus(step: id, state: .notApplicable, reason: .conditionNotMet)
            case .undecided(let facts): missing.formUnion(facts)
            }
        }
        if recorded == .skipped { return StepStatus(step: id, state: .skipped, progress: .skipped) }
        // Skipping an optional alternative (such as a voluntary registration) settles the choice too.
        if let skipped = alternatives.first(where: { $0.state == .skipped }) {
            return StepStatus(step: id, state: .skipped, reason: .alternativeChosen(skipped.step))
        }
        if alternatives.allSatisfy({ $0.state == .notApplicable }) {
            return StepStatus(step: id, state: .notApplicable, reason: .conditionNotMet)
        }
        for state in [StepState.needsAction, .waitingOnAgency, .inProgress, .available, .rejected] {
            if let match = alternatives.first(where: { $0.state == state }) {
                return StepStatus(step: id, state: state, reason: match.reason)
            }
        }
        // Every alternative left is locked: explain with the union of what they wait for.
        for alternative in alternatives {
            if case .undecided(let facts) = alternative.reason { missing.formUnion(facts) }
        }
        if !missing.isEmpty { return StepStatus(step: id, state: .locked, reason: .undecided(missing: missing)) }
        let waiting = alternatives.lazy.compactMap { status -> [StepID]? in
            if case .waitingFor(let steps) = status.reason { return steps }
            return nil
        }.first ?? []
        return StepStatus(step: id, state: .locked, reason: .waitingFor(waiting))
    }

    static func prerequisitesMet(_ journey: Journey, _ index: Int, _ statuses: [StepStatus]) -> Bool {
        journey.prerequisiteIndices[index].allSatisfy { statuses[$0].state.satisfiesPrerequisite }
    }

    static func summarize(_ journey: Journey, statuses: [StepStatus], lookup: (FactID) -> FactValue?) -> JourneyPlan {
        var complete = true
        var blocked = false
        var answers = Set<FactID>()
        var respond: [NextAction] = []
        var work: [NextAction] = []
        var waits: [NextAction] = []
        for (index, status) in statuses.enumerated() {
            let step = journey.steps[index]
            let topLevel = step.group == nil
            if topLevel, !step.optional, !status.state.satisfiesPrerequisite { complete = false }
            if topLevel, !step.optional, status.state == .rejected { blocked = true }
            // Groups are acted on through their alternatives.
            if step.isGroup { continue }
            switch status.state {
            case .locked:
                // Ask only for facts that decide a step whose prerequisites are already met.
                if case .undecided(let facts) = status.reason, prerequisitesMet(journey, index, statuses) {
                    answers.formUnion(facts)
                }
            case .available:
                // Also facts nobody asks for (such as a personnummer a step gives): the person may still report them.
                if case .needsFacts(let facts) = status.reason { answers.formUnion(facts) }
                work.append(.start(step.id))
            case .inProgress: work.append(.finish(step.id))
            case .needsAction: respond.append(.respond(step.id))
            case .waitingOnAgency: waits.append(.wait(step.id))
            case .rejected: if !step.optional { work.append(.start(step.id)) }
            case .notApplicable, .done, .skipped: break
            }
        }
        // Who is coming is asked as soon as a step is repeated for someone who might be: the first member's presence
        // names the facts still needed (whether children come, then how many).
        for role in journey.household {
            guard let first = role.members.first, case .undecided(let facts) = first.presence.evaluate(lookup),
                statuses.indices.contains(where: { journey.steps[$0].member?.role == role.id && prerequisitesMet(journey, $0, statuses) })
            else { continue }
            answers.formUnion(facts)
        }
        let orderedAnswers: [NextAction] = journey.facts.compactMap { answers.contains($0.id) ? .answer($0.id) : nil }
        let actions = orderedAnswers + respond + work + waits
        let status: EnrollmentStatus = complete ? .complete : (blocked ? .blocked : .active)
        let ball: BallHolder =
            if status == .complete { .nobody } else if actions.contains(where: { $0.isForPerson }) { .person } else if !waits.isEmpty { .agency } else { .nobody }
        return JourneyPlan(steps: statuses, status: status, ball: ball, nextActions: actions)
    }
}
