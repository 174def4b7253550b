import JourneyEngine
import JourneyModel

/// Each step's number for the whole journey, as the list of steps shows it and as the person types it: steps are
/// numbered once, in the journey's order (an either/or group's alternatives in theirs; the group itself is a heading,
/// not a step to act on). A number never moves to another step when a step starts waiting or is done, so what a
/// person learned to type (or a screen reader read out) stays true. Copies for household members who are not coming
/// are not numbered, so a change of who is coming renumbers once; the guide asks who is coming before the step list.
struct StepNumbers {
    /// The steps in number order: the step numbered `n` is at `n - 1`.
    let steps: [StepID]
    private let numbers: [StepID: Int]
    /// The top-level steps and groups the list shows: not the copies for household members who are not coming.
    private let shown: Set<StepID>

    init(_ view: EnrollmentView) {
        shown = Set(view.plan.shownSteps.map(\.step))
        var steps: [StepID] = []
        for stage in view.journey.stages {
            for step in stage where shown.contains(step.id) {
                if step.isGroup { steps += step.alternatives } else { steps.append(step.id) }
            }
        }
        self.steps = steps
        self.numbers = Dictionary(steps.enumerated().map { ($0.element, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
    }

    func number(of step: StepID) -> Int? { numbers[step] }

    /// Whether the list shows `step` (a copy for a household member who is not coming is no one's step).
    func shows(_ step: StepID) -> Bool { shown.contains(step) }

    /// The step with `number`, if the journey has one.
    func step(_ number: Int) -> StepID? { steps.indices.contains(number - 1) ? steps[number - 1] : nil }
}
