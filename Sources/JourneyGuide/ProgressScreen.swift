import Foundation
import JourneyEngine
import JourneyModel

/// The journey as a GOV.UK-style step by step: every step numbered once for the whole journey ("either … or" for
/// alternatives), each with its state and what it costs and where to do it; then what to do next, each by its
/// step's number, right above the prompt.
///
/// Three extents, so that "Next: …" and the choices stay in view: every step; only the steps that have something to
/// do now (for a terminal too short for all of them); or no steps at all, only what to do next (for plain mode after
/// an action, where the changes were just said, and for a very short terminal). The shorter ones say how many steps
/// are left out and offer the key for all of them.
struct ProgressScreen {
    enum Extent: Equatable, CaseIterable {
        case all
        case fitted
        case summary
    }

    let view: EnrollmentView
    let description: StepDescription
    let strings: GuideStrings
    /// Shown for a person without a number of their own, who needs it to come back.
    let reference: PersonID?
    /// The steps offered as choices, next first.
    let actions: [StepID]
    /// Whether to offer the screen of the person's data and access journal.
    var showsData = false
    var extent: Extent = .all
    /// Says "Next: …" again right above the choices, for a list taller than the terminal, whose top scrolls away.
    var repeatsNext = false

    private static let markerWidth = 6
    private static let alternativeMarkerWidth = 11

    var numbers: StepNumbers { StepNumbers(view) }

    var screen: Screen {
        let journey = view.journey
        let language = strings.language
        let numbers = self.numbers
        var screen = Screen([Line(strings.progressTitle(strings.text(journey.title)), style: .title)])
        let progress = view.stepsDone
        screen.add(Line(([reference.map(strings.yourReference)].compactMap { $0 } + [strings.stepsDone(progress.done, of: progress.total)])
            .joined(separator: " · ")))
        if !journey.isWritten(in: language) { screen.add(Line(strings.onlyIn(journey.languages[0]))) }
        if view.plan.isComplete {
            screen.add(Line(strings.allDone, style: .success))
            if !actions.isEmpty { screen.add(Line(strings.onlyOptionalLeft)) }
        } else if let next = actions.first.flatMap(journey.step) {
            screen.add(Line(strings.next(menuItem(next)), style: .highlight))
        }
        screen.addBlank()
        switch extent {
        case .all:
            for stage in journey.stages {
                for step in stage where numbers.shows(step.id) {
                    screen.lines += block(step, prefix: Self.pad(numbers.number(of: step.id).map { "\($0)" } ?? "", Self.markerWidth))
                }
            }
        case .fitted:
            let shown = Set(actions)
            for id in numbers.steps where shown.contains(id) {
                guard let step = journey.step(id), let number = numbers.number(of: id) else { continue }
                screen.lines += block(step, prefix: Self.pad("\(number)", Self.markerWidth), alternatives: false)
            }
        case .summary: break
        }
        if extent != .all {
            screen.addBlank()
            screen.add(Line(strings.stepsNotShown(numbers.steps.filter { !actions.contains($0) }.count)))
        }
        screen.addBlank()
        if repeatsNext, !view.plan.isComplete, let next = actions.first.flatMap(journey.step) {
            screen.add(Line(strings.next(menuItem(next)), style: .highlight))
        }
        if !actions.isEmpty {
            screen.add(Line(strings.whatNext, style: .highlight))
            for id in actions {
                guard let step = journey.step(id), let number = numbers.number(of: id) else { continue }
                screen.add(Line(menuItem(step), style: .highlight, prefix: "  \(number)) "))
            }
        }
        screen.add(Line(strings.orHeading))
        if extent != .all { screen.add(Line(strings.allSteps, prefix: "  \(strings.key(.allSteps))) ")) }
        screen.add(Line(strings.changeAnAnswer, prefix: "  \(strings.key(.change))) "))
        if showsData { screen.add(Line(strings.yourData, prefix: "  \(strings.key(.data))) ")) }
        screen.add(Line(strings.saveAndQuit, prefix: "  \(strings.key(.quit))) "))
        return screen
    }

    /// A step with its state, notes and details; a group's alternatives below it, each with its own number.
    private func block(_ step: StepDefinition, prefix: String, alternatives: Bool = true) -> [Line] {
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
        guard alternatives, !muted else { return lines }
        let numbers = self.numbers
        for (position, alternative) in step.alternatives.enumerated() {
            guard let definition = view.journey.step(alternative) else { continue }
            let word = position == 0 ? strings.either : strings.or
            let marker = numbers.number(of: alternative).map { "\(word) \($0)" } ?? word
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
