import Foundation
import JourneyModel
import JourneyStore

extension WebPages {
    /// The steps a funnel lists: the person's own, and of the household members' copies those someone has reached, so a
    /// journey repeated for eight children does not list eight empty rows per step; a step done only for members (a
    /// child's school place) keeps its first copy.
    static func funnelSteps(_ journey: Journey, withData: Set<StepID>) -> [StepDefinition] {
        var seen = Set<StepID>()
        return journey.steps.filter { step in
            guard step.member != nil else { return true }
            let first = !step.forEach.contains(HouseholdRole.you) && seen.insert(step.declaredID).inserted
            return first || withData.contains(step.id)
        }
    }

    /// The journey's funnel: the caseload counts, the open steps per step and state (chart and table), how long the people
    /// at each step have been there, and how long the steps people finished took.
    func funnel(journey: Journey, counts: [OpenStepCount], finished: [FinishedStepCount], overdue: Int, dueSoon: Int, overdueAtAgency: Int,
        now: Date) -> String
    {
        let language = strings.language
        var byStep: [StepID: [StepState: Int]] = [:]
        var medians: [StepID: [StepState: Date]] = [:]
        for count in counts {
            byStep[count.step, default: [:]][count.state] = count.count
            medians[count.step, default: [:]][count.state] = count.medianSince
        }
        let finishedByStep = Dictionary(finished.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first })
        let steps = Self.funnelSteps(journey, withData: Set(byStep.keys).union(finishedByStep.keys))
        let rows = steps.map { (title: $0.title[language], counts: byStep[$0.id] ?? [:]) }
        let chart = FunnelChart(rows: rows, strings: strings)
        let id = HTML.escape(journey.id.rawValue)
        let states = FunnelChart.states.map(\.state)
        let head = states.map { "<th scope=\"col\" class=\"number\">\(HTML.escape(strings.state($0)))</th>" }.joined()
        let body = steps.map { step in
            "<tr><th scope=\"row\">\(HTML.escape(step.title[language]))</th>" + states.map { state in
                let count = byStep[step.id]?[state] ?? 0
                guard count > 0 else { return "<td class=\"number\">0</td>" }
                let link = "/journeys/\(id)/enrollments" + HTML.query([("step", step.id.rawValue), ("stepState", state.rawValue)])
                return "<td class=\"number\"><a href=\"\(HTML.escape(link))\">\(count)</a></td>"
            }.joined() + "</tr>"
        }.joined()
        let medianBody = steps.map { step in
            "<tr><th scope=\"row\">\(HTML.escape(step.title[language]))</th>" + states.map { state in
                medians[step.id]?[state].map { "<td class=\"number\">\(HTML.escape(strings.duration(now.timeIntervalSince($0))))</td>" } ?? "<td class=\"number\">\(HTML.escape(strings.nobodyThere))</td>"
            }.joined() + "</tr>"
        }.joined()
        let finishedBody = steps.map { step in
            let row = finishedByStep[step.id]
            return "<tr><th scope=\"row\">\(HTML.escape(step.title[language]))</th><td class=\"number\">\(row?.count ?? 0)</td>"
                + "<td class=\"number\">\(HTML.escape(row.map { strings.duration($0.medianSeconds) } ?? strings.nobodyYet))</td></tr>"
        }.joined()
        let list = "/journeys/\(id)/enrollments"
        let title = "\(journey.title[language]): \(strings.funnel)"
        return layout.page(title: title, """
            <p><a href="\(list)">\(HTML.escape(strings.enrollments))</a></p>
            <h2>\(HTML.escape(strings.caseload))</h2>
            <dl class="counts" id="caseload">
            <dt><a href="\(list)?due=overdue">\(HTML.escape(strings.overdue))</a></dt><dd>\(overdue)</dd>
            <dt><a href="\(list)?due=soon">\(HTML.escape(strings.dueSoon))</a></dt><dd>\(dueSoon)</dd>
            <dt><a href="\(list)?due=overdueAtAgency">\(HTML.escape(strings.overdueAtAgency))</a></dt><dd>\(overdueAtAgency)</dd>
            </dl>
            <h2>\(HTML.escape(strings.chartTitle(journey.title[language])))</h2>
            <p class="help">\(HTML.escape(strings.funnelHelp))</p>
            <figure>\(chart.svg)<figcaption>\(chart.legend)</figcaption></figure>
            <div class="table"><table id="funnel"><caption>\(HTML.escape(strings.chartTitle(journey.title[language])))</caption>
            <thead><tr><th scope="col">\(HTML.escape(strings.step))</th>\(head)</tr></thead><tbody>\(body)</tbody></table></div>
            <h2>\(HTML.escape(strings.medianTitle(journey.title[language])))</h2>
            <p class="help">\(HTML.escape(strings.medianHelp))</p>
            <div class="table"><table id="median-time"><caption>\(HTML.escape(strings.medianTitle(journey.title[language])))</caption>
            <thead><tr><th scope="col">\(HTML.escape(strings.step))</th>\(head)</tr></thead><tbody>\(medianBody)</tbody></table></div>
            <h2>\(HTML.escape(strings.finishedTitle(journey.title[language])))</h2>
            <p class="help">\(HTML.escape(strings.finishedHelp))</p>
            <div class="table"><table id="finished-time"><caption>\(HTML.escape(strings.finishedTitle(journey.title[language])))</caption>
            <thead><tr><th scope="col">\(HTML.escape(strings.step))</th><th scope="col" class="number">\(HTML.escape(strings.finishedCount))</th>\
            <th scope="col" class="number">\(HTML.escape(strings.medianTime))</th></tr></thead><tbody>\(finishedBody)</tbody></table></div>
            """)
    }
}
