import JourneyModel

/// Decides whether a step command is allowed in the current plan and what progress it records.
/// Pure: the engine applies the result in one storage transaction.
public enum TransitionRules {
    /// The progress to record, or `nil` when the command changes nothing (repeating a start or a completion).
    public static func progress(for command: StepCommand, step: StepDefinition, status: StepStatus, journey: Journey,
        facts: [FactID: FactValue]) throws(EngineError) -> StepProgress?
    {
        let id = step.id
        if step.isGroup, command != .skip {
            throw EngineError(.invalidTransition, "'\(id)' is a choice between alternatives, not a step of its own",
                hint: "\(command.verb) one of: \(step.alternatives.map(\.rawValue).joined(separator: ", "))")
        }
        let state = status.state
        switch state {
        case .notApplicable:
            let why: String =
                if case .alternativeChosen(let other) = status.reason { "the alternative '\(other)' was chosen instead" } else { "its condition does not hold for you" }
            throw EngineError(.invalidTransition, "step '\(id)' does not apply: \(why)", hint: "if that is wrong, change the answer it depends on")
        case .locked:
            throw EngineError(.invalidTransition, "cannot \(command.verb) step '\(id)': it is locked, \(lockedExplanation(status.reason))",
                hint: lockedHint(status.reason))
        default: break
        }
        switch command {
        case .start:
            switch state {
            case .inProgress: return nil
            case .available, .rejected:
                try requireNeeds(step, facts: facts, journey: journey, verb: "start")
                return .started
            default: throw refused(command, id, state)
            }
        case .complete:
            switch state {
            case .done: return nil
            case .available, .inProgress, .waitingOnAgency, .needsAction, .skipped:
                try requireNeeds(step, facts: facts, journey: journey, verb: "complete")
                return .completed
            default: throw refused(command, id, state, hint: state == .rejected ? "start it again first" : nil)
            }
        case .skip:
            guard step.optional else {
                throw EngineError(.invalidTransition, "step '\(id)' is required and cannot be skipped", hint: "only optional steps can be skipped")
            }
            switch state {
            case .skipped: return nil
            case .done: throw refused(command, id, state)
            default: return .skipped
            }
        case .reject(let reason):
            switch state {
            case .inProgress, .waitingOnAgency, .needsAction: return .rejected(reason: reason)
            case .rejected: return nil
            default: throw refused(command, id, state, hint: "only a step that was started or submitted can be rejected")
            }
        case .submitted(let reference):
            switch state {
            case .available, .inProgress, .needsAction, .waitingOnAgency:
                try requireNeeds(step, facts: facts, journey: journey, verb: "submit")
                return .waitingOnAgency(caseReference: reference)
            default: throw refused(command, id, state)
            }
        case .requestAction(let message):
            switch state {
            case .inProgress, .waitingOnAgency, .needsAction: return .needsAction(message: message)
            default: throw refused(command, id, state, hint: "the agency can only ask for action on a step that was started or submitted")
            }
        }
    }

    private static func requireNeeds(_ step: StepDefinition, facts: [FactID: FactValue], journey: Journey, verb: String) throws(EngineError) {
        let missing = step.needs.filter { fact in
            guard let value = facts[fact], let definition = journey.fact(fact) else { return true }
            return !value.conforms(to: definition.type)
        }
        guard !missing.isEmpty else { return }
        let names = missing.map { "'\($0)'" }.joined(separator: ", ")
        throw EngineError(.invalidTransition, "cannot \(verb) step '\(step.id)' yet: it needs \(names), which \(missing.count == 1 ? "is" : "are") not known",
            hint: "answer \(names) first")
    }

    private static func refused(_ command: StepCommand, _ id: StepID, _ state: StepState, hint: String? = nil) -> EngineError {
        EngineError(.invalidTransition, "cannot \(command.verb) step '\(id)': it is \(describe(state))", hint: hint)
    }

    static func describe(_ state: StepState) -> String {
        switch state {
        case .notApplicable: "not applicable"
        case .locked: "locked"
        case .available: "available"
        case .inProgress: "in progress"
        case .waitingOnAgency: "waiting on the agency"
        case .needsAction: "waiting for your action"
        case .done: "already done"
        case .rejected: "rejected"
        case .skipped: "skipped"
        }
    }

    private static func lockedExplanation(_ reason: StateReason?) -> String {
        switch reason {
        case .waitingFor(let steps): "waiting for \(steps.map { "'\($0)'" }.joined(separator: ", "))"
        case .undecided(let facts): "it depends on \(facts.sorted().map { "'\($0)'" }.joined(separator: ", ")), not yet answered"
        default: "not yet reachable"
        }
    }

    private static func lockedHint(_ reason: StateReason?) -> String? {
        switch reason {
        case .waitingFor(let steps): "complete \(steps.map { "'\($0)'" }.joined(separator: " and ")) first"
        case .undecided(let facts): "answer \(facts.sorted().map { "'\($0)'" }.joined(separator: " and ")) first"
        default: nil
        }
    }
}
