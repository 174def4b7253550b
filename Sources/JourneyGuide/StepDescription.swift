import Foundation
import JourneyEngine
import JourneyModel

/// How one step reads to the person, shared by the list of steps and the step's own screen: its title with the
/// agency, its state and what that state waits for or why, and its cost, duration and official link.
struct StepDescription {
    let journey: Journey
    let plan: JourneyPlan
    let facts: [FactID: KnownFact]
    let catalog: AgencyCatalog
    let strings: GuideStrings
    /// Each step's due moment, as the engine stored it, and the moment it is judged at.
    var due: [StepID: Date] = [:]
    /// Steps whose case the agency has had longer than its expected processing time.
    var overdueAtAgency: Set<StepID> = []
    var now = Date(timeIntervalSinceReferenceDate: 0)

    private var language: Language { strings.language }

    /// "Notify your move to Sweden — Swedish Tax Agency (optional)".
    func title(_ step: StepDefinition) -> String {
        var title = strings.text(step.title)
        if let service = step.service, let agency = catalog.agency(service.agency) { title += " — " + strings.text(agency.name) }
        if isOptional(step) { title += " (\(strings.optional))" }
        return title
    }

    /// An alternative of an optional group is optional too.
    func isOptional(_ step: StepDefinition) -> Bool {
        step.optional || (step.group.flatMap(journey.step)?.optional ?? false)
    }

    /// The state in words, with what a locked step waits for and why a step is not needed.
    func state(_ step: StepDefinition) -> Line {
        guard let index = journey.index(of: step.id), plan.steps.indices.contains(index) else { return Line("") }
        let status = plan.steps[index]
        switch status.state {
        case .done: return Line(strings.stateDone, style: .success)
        case .skipped: return Line(strings.stateSkipped, style: .muted)
        case .available: return Line(strings.stateAvailable, style: .highlight)
        case .inProgress: return Line(strings.stateInProgress, style: .highlight)
        case .waitingOnAgency: return Line(strings.stateWaiting(case: status.progress?.detail))
        case .needsAction: return Line(strings.stateNeedsAction(status.progress?.detail.map { AgencyMessage($0).shown(strings) }), style: .highlight)
        case .rejected: return Line(strings.stateRejected(status.progress?.detail.map { AgencyMessage($0).shown(strings) }), style: .warning)
        case .locked:
            let waiting = journey.prerequisiteIndices[index].filter { !plan.steps[$0].state.satisfiesPrerequisite }
            var undecided = false
            if case .undecided = status.reason { undecided = true }
            guard !waiting.isEmpty else { return Line(strings.stateLockedOnAnswers, style: .muted) }
            return Line(strings.stateLocked(waitingFor: waiting.map { strings.text(journey.steps[$0].title) }, mayNotApply: undecided), style: .muted)
        case .notApplicable:
            if case .alternativeChosen(let chosen) = status.reason {
                return Line(strings.stateNotNeeded(chosen: strings.text(journey.step(chosen)?.title) ?? chosen.rawValue), style: .muted)
            }
            return Line(strings.stateNotNeeded(answersTo: questionsBehind(index)), style: .muted)
        }
    }

    /// The questions whose answers make the step (or every alternative of a group) not apply, in the journey's order:
    /// for each failing condition, the answers without which it would no longer fail, or all its answers when no
    /// single one decides it (`a > 1 or b`, both false).
    private func questionsBehind(_ index: Int) -> [String] {
        let values = facts.mapValues(\.value)
        var deciding = Set<FactID>()
        for position in [index] + journey.alternativeIndices[index] {
            for condition in journey.conditions[position] {
                guard case .false = condition.evaluate(values) else { continue }
                let known = condition.referencedFacts.filter { values[$0] != nil }
                let decisive = known.filter { fact in
                    var without = values
                    without[fact] = nil
                    if case .false = condition.evaluate(without) { return false }
                    return true
                }
                deciding.formUnion(decisive.isEmpty ? known : decisive)
            }
        }
        return journey.facts.filter { deciding.contains($0.id) }.map { strings.text($0.ask) ?? $0.id.rawValue }
    }

    /// "Due by 2027-02-28", "due soon" or "overdue", for a step that has a due date.
    func deadline(_ step: StepDefinition) -> Line? {
        guard let moment = due[step.id], let standing = DueStanding(due: moment, now: now) else { return nil }
        return Line(strings.deadline(standing, day: DueStanding.day(of: moment)), style: standing == .due ? .normal : standing == .soon ? .highlight : .warning)
    }

    /// "The agency has had this longer than it usually takes", for a case past its expected processing time.
    func agencyDelay(_ step: StepDefinition) -> Line? {
        guard overdueAtAgency.contains(step.id), let usually = step.processingTime else { return nil }
        return Line(strings.agencyDelay(usually: usually), style: .warning)
    }

    /// Cost and processing time on one line, the official link on the next, for steps still ahead of the person.
    func details(_ step: StepDefinition) -> [String] {
        guard let state = plan.status(of: step.id)?.state, ![.done, .skipped, .notApplicable].contains(state) else { return [] }
        let facts = [step.cost.map { strings.cost(strings.text($0)) }, step.processingTime.map { strings.takes(strings.duration($0)) }]
            .compactMap { $0 }
        return (facts.isEmpty ? [] : [facts.joined(separator: " · ")]) + (step.link(in: strings.language).map { [$0] } ?? [])
    }
}
