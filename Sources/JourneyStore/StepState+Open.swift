import JourneyModel

extension StepState {
    /// The states nobody has to act on: settled or locked steps. Every other state is *open*, and open steps
    /// are what the `open_step` table lists for caseworkers ("stuck at step X for N days").
    package static let settledOrLocked: [StepState] = [.done, .skipped, .notApplicable, .locked]

    /// Whether someone has to act on a step in this state, so it belongs in `open_step`.
    package var isOpen: Bool { !Self.settledOrLocked.contains(self) }
}
