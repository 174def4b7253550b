import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// The page a counter token sees: the one person it was made for, with a button for each step action that the step's
/// state allows now, so every button offered can succeed.
extension WebPages {
    func counterPerson(_ overview: PersonOverview, now: Date) -> String {
        let facts = overview.facts.mapValues(\.value)
        var main = "<p role=\"note\" id=\"counter-note\">\(HTML.escape(strings.counterNote))</p>"
        for view in overview.enrollments {
            main += enrollmentSection(view, now: now) { status in
                guard let step = view.journey.step(status.step) else { return "" }
                let offered = WebController.counterCommands.filter { command in
                    (try? TransitionRules.progress(for: command, step: step, status: status, journey: view.journey, facts: facts)).flatMap { $0 } != nil
                }
                let title = step.title[strings.language]
                return offered.map { command in
                    let action = "/enrollments/\(view.enrollment.id.rawValue)/steps/\(step.id.rawValue)/\(command.verb)"
                    return "<form method=\"post\" action=\"\(HTML.escape(action))\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(layout.csrf ?? ""))\">"
                        + "<button type=\"submit\" aria-label=\"\(HTML.escape(strings.stepAction(command, step: title)))\">\(HTML.escape(strings.stepAction(command)))</button></form>"
                }.joined(separator: " ")
            }
        }
        return layout.page(title: "\(strings.person) \(overview.person.id.rawValue)", main)
    }
}
