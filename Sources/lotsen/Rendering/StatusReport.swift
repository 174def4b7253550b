import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// A person's own view of their journeys: each step's state with what it waits for, and what to do next.
/// Identity numbers are never printed, only whether they are known.
struct StatusReport {
    let catalog: AgencyCatalog
    let language: Language
    /// The moment due dates are judged at.
    let now: Date
    /// How the person is named in suggested commands: their Lotsen reference, never their personnummer.
    let personArgument: String

    func render(_ view: EnrollmentView) -> [String] {
        let label = Labels(language: language)
        let journey = view.journey
        let enrollment = view.enrollment
        var lines = ["\(journey.title[language]) (\(journey.id), version \(enrollment.journeyVersion)) · \(label.status(enrollment.status))"
            + " · \(label("next move", "nästa drag")): \(label.ball(enrollment.ball))"]
        let width = StepState.allCases.map { label.state($0).count }.max() ?? 0
        for status in view.plan.shownSteps {
            guard let step = journey.step(status.step) else { continue }
            let indent = step.group == nil ? "  " : "      "
            var line = indent + label.state(status.state).padding(toLength: width + 2, withPad: " ", startingAt: 0) + step.title[language]
            line += " [\(step.id)]"
            if let explanation = explain(status, journey: journey) { line += " — \(explanation)" }
            if let due = enrollment.steps[status.step]?.due, let standing = DueStanding(due: due, now: now) { line += " — " + standing.text(due: due, in: language) }
            if AgencyDelay.isOverdue(enrollment.steps[status.step], now: now), let usually = step.processingTime {
                line += " — " + AgencyDelay.text(usually: usually, in: language)
            }
            lines.append(line)
        }
        let actions = view.plan.nextActions
        if !actions.isEmpty {
            lines.append("")
            lines.append(label("Next:", "Nästa:"))
            for action in actions { lines.append("  • " + describe(action, journey: journey, view: view)) }
        } else if enrollment.status == .complete {
            lines.append("")
            lines.append(label("All steps that apply to you are done.", "Alla steg som gäller dig är klara."))
        }
        return lines
    }

    func explain(_ status: StepStatus, journey: Journey) -> String? {
        let label = Labels(language: language)
        func titles(_ steps: [StepID]) -> String { steps.map { journey.step($0)?.title[language] ?? $0.rawValue }.joined(separator: ", ") }
        switch status.reason {
        case .undecided(let facts): return label("depends on your answer to: ", "beror på ditt svar om: ") + facts.sorted().map(\.rawValue).joined(separator: ", ")
        case .waitingFor(let steps): return label("after: ", "efter: ") + titles(steps)
        case .alternativeChosen(let other) where status.state == .notApplicable: return label("you chose: ", "du valde: ") + titles([other])
        case .conditionNotMet: return label("does not apply to you", "gäller inte dig")
        case .notInHousehold: return label("not moving with you", "flyttar inte med dig")
        case .needsFacts(let facts): return label("needs: ", "behöver: ") + facts.map(\.rawValue).joined(separator: ", ")
        default: break
        }
        switch status.progress {
        case .waitingOnAgency(let reference?): return label("case ", "ärende ") + reference
        case .needsAction(let message?): return message
        case .rejected(let reason?): return reason
        default: return nil
        }
    }

    func describe(_ action: NextAction, journey: Journey, view: EnrollmentView) -> String {
        let label = Labels(language: language)
        let person = "--person \(personArgument)"
        switch action {
        case .answer(let fact):
            let question = journey.fact(fact)?.ask?[language] ?? fact.rawValue
            return "\(question)  →  lotsen answer \(person) \(fact)=..."
        case .start(let step):
            return label("Start", "Börja med") + " \(title(step, journey))  →  lotsen begin \(step) \(person)"
                + label(" (or lotsen complete when done)", " (eller lotsen complete när det är klart)")
        case .finish(let step):
            return label("Finish", "Gör klart") + " \(title(step, journey))  →  lotsen complete \(step) \(person)"
        case .respond(let step):
            return label("The agency needs something from you for", "Myndigheten behöver något från dig för") + " \(title(step, journey))"
        case .wait(let step):
            return label("Wait for the agency's decision on", "Vänta på myndighetens beslut om") + " \(title(step, journey))"
        }
    }

    private func title(_ step: StepID, _ journey: Journey) -> String { journey.step(step)?.title[language] ?? step.rawValue }

    /// The facts known about the person with where each came from, and beside an agency's value what the person says.
    func renderFacts(_ facts: [FactID: KnownFact], claims: [FactID: KnownFact] = [:], journeys: [Journey]) -> [String] {
        guard !facts.isEmpty else { return [] }
        let label = Labels(language: language)
        var lines = [label("What Lotsen knows about you:", "Det här vet Lotsen om dig:")]
        for (id, fact) in facts.sorted(by: { $0.key < $1.key }) {
            let type = journeys.lazy.compactMap { $0.fact(id)?.type }.first
            let shown: String =
                switch fact.value {
                case .personnummer, .organisationsnummer: label("(known)", "(känt)")
                default: fact.value.display(in: language, type: type)
                }
            let source: String =
                switch fact.source {
                case .person: label("you said", "du angav")
                case .agency(let service): label("from ", "från ") + (catalog.agency(service.agency)?.name[language] ?? service.rawValue)
                case .step(let step): label("from step ", "från steget ") + step.rawValue
                }
            lines.append("  \(id): \(shown) (\(source))")
            if let claim = claims[id] {
                let said: String =
                    switch claim.value {
                    case .personnummer, .organisationsnummer: label("another number", "ett annat nummer")
                    default: claim.value.display(in: language, type: type)
                    }
                lines.append("    " + label("you say: \(said); the agency's value stays", "du säger: \(said); myndighetens uppgift gäller"))
            }
        }
        return lines
    }
}
