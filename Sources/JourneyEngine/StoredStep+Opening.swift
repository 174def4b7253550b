import Foundation
import JourneyModel
import JourneyStore

extension StoredStep {
    /// When a step that is moving from `old` into `state` first opened, for ``StoredStep/openedAt``: the moment a step
    /// first becomes open (someone can act on it), kept through its later states, open or not (a step locked again by
    /// a changed answer and then reopened is still the same stretch of work), and kept once it is done, so the done
    /// step says how long it took. A done step that opens again starts a new stretch; one that leaves done for a state
    /// nobody acts on forgets it. A step that was open before moments were recorded stays unknown: its time is never
    /// counted, rather than counted from a guess.
    static func openedAt(after old: StoredStep?, becoming state: StepState, at now: Date) -> Date? {
        guard let old else { return state.isOpen ? now : nil }
        if old.state == .done, state != .done { return state.isOpen ? now : nil }
        if let opened = old.openedAt { return opened }
        return state.isOpen && !old.state.isOpen ? now : nil
    }
}
