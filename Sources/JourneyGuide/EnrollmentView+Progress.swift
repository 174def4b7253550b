import JourneyEngine
import JourneyModel

extension EnrollmentView {
    /// How many of the top-level steps that apply are behind the person (done or skipped), and how many apply.
    var stepsDone: (done: Int, total: Int) {
        let applying = journey.topLevelSteps.compactMap { plan.status(of: $0.id) }.filter { $0.state != .notApplicable }
        return (applying.filter { $0.state == .done || $0.state == .skipped }.count, applying.count)
    }
}
