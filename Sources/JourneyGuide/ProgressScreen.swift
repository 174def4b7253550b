import Foundation
import JourneyEngine
import JourneyModel

/// The journey as a GOV.UK-style step by step: numbered stages, "and" for steps of the same stage, "either … or"
/// for alternatives, each step with its state and what it costs and where to do it; then what to do next,
/// numbered, right above the prompt.
struct ProgressScreen {
    let view: EnrollmentView
    let description: StepDescription
    let strings: GuideStrings
    /// Shown for a person without a number of their own, who needs it to come back.
    let reference: PersonID?
    /// The steps offered as numbered choices, next first.
    let actions: [StepID]
    /// Whether to offer the screen of the person's data and access journal.
    var showsData = false

    private static let markerWidth = 6
    private static let alternativeMarkerWidth = 9

    var screen: Screen {
        let journey = view.journey
        let language = strings.language
        var screen = Screen([Line(strings.progressTitle(strings.text(journey.title)), style: .title)])
        let progress = view.stepsDone
        screen.add(Line(([reference.map(strings.yourReference)].compactMap { $0 } + [strings.stepsDone(progress.done, of: progress.total)])
            .joined(separator: " · ")))
        if !journey.isWritten(in: language) { screen.add(Line(strings.onlyIn(journey.languages[0]), style: .muted)) }
        if view.plan.isComplete {
            screen.add(Line(strings.allDone, style: .success))
            if !actions.isEmpty { screen.add(Line(strings.onlyOptionalLeft)) }
        } else if let next = actions.first.flatMap(journey.step) {
            screen.add(Line(strings.next(menuItem(next)), style: .highlight))
        }
        screen.addBlank()
        // Copies of steps for household members who are not coming are no one's: a family of three reads no "child 4".
        let shown = Set(view.plan.shownSteps.map(\.step))
        let stages = journey.stages.map { $0.filter { shown.contains($0.id) } }.filter { !$0.isEmpty }
        for (number, stage) in stages.enumerated() {
            for (position, step) in stage.enumerated() {
                let marker = position == 0 ? "\(number + 1)" : strings.and
                screen.lines += block(step, prefix: Self.pad(marker, Self.markerWidth))
            }
        }
        screen.addBlank()
        if !actions.isEmpty {
            screen.add(Line(strings.whatNext, style: .highlight))
            for (number, id) in actions.enumerated() {
                guard let step = journey.step(id) else { continue }
                screen.add(Line(menuItem(step), style: .highlight, prefix: "  \(number + 1)) "))
            }
        }
        screen.add(Line(strings.orHeading))
        screen.add(Line(strings.changeAnAnswer, prefix: "  \(strings.key(.change))) "))
        if showsData { screen.add(Line(strings.yourData, prefix: "  \(strings.key(.data))) ")) }
        screen.add(Line(strings.saveAndQuit, prefix: "  \(strings.key(.quit))) "))
        return screen
    }

    private func block(_ step: StepDefinition, prefix: String) -> [Line] {
        let indent = String(repeating: " ", count: prefix.count)
        let state = description.state(step)
        let muted = view.plan.status(of: step.id)?.state == .notApplicable
        var lines = [Line(description.title(step), style: muted ? .muted : .heading, prefix: prefix)]
        lines.append(Line(state.text, style: state.style, prefix: indent))
        for note in [description.deadline(step), description.agencyDelay(step)].compactMap({ $0 }) {
            lines.append(Line(note.text, style: note.style, prefix: indent))
        }
        lines += description.details(step).map { Line($0, prefix: indent) }
        // A group that does not apply says so once; its alternatives would only repeat it.
        guard !muted else { return lines }
        for (position, alternative) in step.alternatives.enumerated() {
            guard let definition = view.journey.step(alternative) else { continue }
            let marker = position == 0 ? strings.either : strings.or
            lines += block(definition, prefix: indent + Self.pad(marker, Self.alternativeMarkerWidth))
        }
        return lines
    }

    private func menuItem(_ step: StepDefinition) -> String {
        var notes: [String] = []
        if let state = view.plan.status(of: step.id)?.state, let note = strings.menuState(state) { notes.append(note) }
        if description.isOptional(step) { notes.append(strings.optional) }
        return strings.text(step.title) + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
    }

    /// `marker` padded to `width` columns, counted in characters as the terminal shows them: a combining mark (an
    /// Arabic vowel sign, say) takes no column of its own, where `padding(toLength:)` counted it as one.
    static func pad(_ marker: String, _ width: Int) -> String {
        marker.count >= width ? marker + " " : marker + String(repeating: " ", count: width - marker.count)
    }
}
