import JourneyModel

/// Each step's number for the whole journey, as the list of steps shows it and as the person types it: steps are
/// numbered once, in the journey's order (an either/or group's alternatives in theirs; the group itself is a heading,
/// not a step to act on). A number never moves to another step when a step starts waiting or is done, so what a
/// person learned to type (or a screen reader read out) stays true.
struct StepNumbers {
    /// The steps in number order: the step numbered `n` is at `n - 1`.
    let steps: [StepID]
    private let numbers: [StepID: Int]

    init(_ journey: Journey) {
        var steps: [StepID] = []
        for stage in journey.stages {
            for step in stage {
                if step.isGroup { steps += step.alternatives } else { steps.append(step.id) }
            }
        }
        self.steps = steps
        self.numbers = Dictionary(steps.enumerated().map { ($0.element, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
    }

    func number(of step: StepID) -> Int? { numbers[step] }

    /// The step with `number`, if the journey has one.
    func step(_ number: Int) -> StepID? { steps.indices.contains(number - 1) ? steps[number - 1] : nil }
}
