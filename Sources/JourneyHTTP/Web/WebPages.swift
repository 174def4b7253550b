import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// The web view's pages as HTML, from what the controller read; no page reads anything itself.
struct WebPages {
    let strings: WebStrings
    let layout: WebLayout

    func signIn(csrf: String, error: String?, eid: Bool) -> String {
        let message = error.map { "<p class=\"error\" role=\"alert\" id=\"sign-in-error\">\(HTML.escape($0))</p>" } ?? ""
        return layout.page(title: strings.signIn, """
            \(message)
            <form method="post" action="/sign-in">
            <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <div class="field"><label for="token">\(HTML.escape(strings.token))</label>
            <p class="help" id="token-help">\(HTML.escape(strings.tokenHelp))</p>
            <input id="token" name="token" type="password" autocomplete="current-password" required aria-describedby="token-help\(error == nil ? "" : " sign-in-error")" size="40"></div>
            <button type="submit">\(HTML.escape(strings.signIn))</button>
            </form>
            \(eid ? eidForm(csrf: csrf) : "")
            """)
    }

    /// Signing in with e-legitimation at the identity provider; the number is optional, a hint for the provider.
    func eidForm(csrf: String) -> String {
        """
        <h2>\(HTML.escape(strings.eidHeading))</h2>
        <form method="post" action="/sign-in/eid">
        <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
        <div class="field"><label for="hint">\(HTML.escape(strings.hintLabel))</label>
        <p class="help" id="hint-help">\(HTML.escape(strings.hintHelp))</p>
        <input id="hint" name="hint" type="text" inputmode="numeric" autocomplete="off" aria-describedby="hint-help" size="16"></div>
        <button type="submit">\(HTML.escape(strings.eidButton))</button>
        </form>
        """
    }

    /// The page the way back from the identity provider ends on: it moves on to `/` by itself, with a link as well.
    func signedIn() -> String {
        layout.page(title: strings.signIn, "<p><a href=\"/\">\(HTML.escape(strings.continueToLotsen))</a></p>", refresh: "/")
    }

    func journeys(_ journeys: [Journey]) -> String {
        let items = journeys.map { journey in
            let id = HTML.escape(journey.id.rawValue)
            return "<li><h2>\(HTML.escape(journey.title[strings.language]))</h2><ul><li><a href=\"/journeys/\(id)/enrollments\">\(HTML.escape(strings.enrollments))</a></li>"
                + "<li><a href=\"/journeys/\(id)/funnel\">\(HTML.escape(strings.funnel))</a></li></ul></li>"
        }.joined()
        return layout.page(title: strings.journeys, "<ul class=\"journeys\">\(items)</ul>")
    }

    func message(title: String, _ text: String) -> String {
        layout.page(title: title, "<p>\(HTML.escape(text))</p><p><a href=\"/\">\(HTML.escape(strings.journeys))</a></p>")
    }

    /// The filter form (GET: it changes nothing) and one page of the list, oldest change first.
    func enrollments(journey: Journey, given: [String: String], page: EnrollmentPage?, error: String?, nextCursor: String?) -> String {
        let title = "\(journey.title[strings.language]): \(strings.enrollments)"
        let steps = journey.steps.map { ($0.id.rawValue, $0.title[strings.language]) }
        let states = StepState.listable.map { ($0.rawValue, strings.state($0)) }
        let statuses = EnrollmentStatus.allCases.map { ($0.rawValue, strings.status($0)) }
        let balls = BallHolder.allCases.map { ($0.rawValue, strings.ball($0)) }
        let dues = EnrollmentListRequest.dueValues.map { ($0, strings.dueFilter($0)) }
        func select(_ name: String, _ label: String, _ choices: [(String, String)]) -> String {
            "<div class=\"field\"><label for=\"\(name)\">\(HTML.escape(label))</label><select id=\"\(name)\" name=\"\(name)\">"
                + HTML.options(choices.map { (value: $0.0, label: $0.1) }, selected: given[name], any: strings.any) + "</select></div>"
        }
        let path = "/journeys/\(HTML.escape(journey.id.rawValue))/enrollments"
        var main = """
            <p><a href="/journeys/\(HTML.escape(journey.id.rawValue))/funnel">\(HTML.escape(strings.funnel))</a></p>
            <form method="get" action="\(path)"><fieldset><legend>\(HTML.escape(strings.filter))</legend>
            \(select("step", strings.step, steps))\(select("stepState", strings.stepState, states))\(select("status", strings.status, statuses))\
            \(select("ball", strings.ball, balls))
            <div class="field"><label for="unchangedForDays">\(HTML.escape(strings.unchangedForDays))</label>\
            <input id="unchangedForDays" name="unchangedForDays" type="number" min="0" max="3650" inputmode="numeric" value="\(HTML.escape(given["unchangedForDays"] ?? ""))"></div>
            \(select("due", strings.due, dues))
            <button type="submit">\(HTML.escape(strings.filter))</button> <a href="\(path)">\(HTML.escape(strings.clearFilters))</a>
            </fieldset></form>
            """
        if let error { main += "<p class=\"error\" role=\"alert\">\(HTML.escape(error))</p>" }
        if let page {
            if page.items.isEmpty {
                main += "<p id=\"results\">\(HTML.escape(strings.noEnrollments))</p>"
            } else {
                let showsStep = page.items.contains { $0.step != nil }
                var head = "<th scope=\"col\">\(HTML.escape(strings.person))</th><th scope=\"col\">\(HTML.escape(strings.status))</th><th scope=\"col\">\(HTML.escape(strings.ball))</th>"
                head += showsStep
                    ? "<th scope=\"col\">\(HTML.escape(strings.step))</th><th scope=\"col\">\(HTML.escape(strings.state))</th><th scope=\"col\">\(HTML.escape(strings.since))</th>"
                    : "<th scope=\"col\">\(HTML.escape(strings.lastChange))</th>"
                if page.items.contains(where: { $0.step?.due != nil }) { head += "<th scope=\"col\">\(HTML.escape(strings.due))</th>" }
                let rows = page.items.map { item in
                    var row = "<tr><th scope=\"row\"><a href=\"/people/\(HTML.escape(item.person.rawValue))\">\(HTML.escape(item.person.rawValue))</a></th>"
                        + "<td>\(HTML.escape(strings.status(item.status)))</td><td>\(HTML.escape(strings.ball(item.ball)))</td>"
                    if let step = item.step {
                        row += "<td>\(HTML.escape(journey.step(step.id)?.title[strings.language] ?? step.id.rawValue))</td><td>\(HTML.escape(strings.state(step.state)))</td>"
                            + "<td>\(strings.moment(step.since))</td>"
                        if let due = step.due { row += "<td>\(strings.moment(due))</td>" }
                    } else {
                        row += "<td>\(strings.moment(item.updatedAt))</td>"
                    }
                    return row + "</tr>"
                }.joined()
                main += "<div class=\"table\"><table id=\"results\"><caption>\(HTML.escape(strings.enrollments))</caption><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
            }
            if let nextCursor {
                var pairs = ["step", "stepState", "status", "ball", "unchangedForDays", "due"].map { ($0, given[$0]) }
                pairs.append(("cursor", nextCursor))
                main += "<p><a rel=\"next\" href=\"\(path)\(HTML.escape(HTML.query(pairs)))\">\(HTML.escape(strings.nextPage))</a></p>"
            }
        }
        return layout.page(title: title, main)
    }

    /// One person: each journey with every step's state, due dates and who has the ball, then the access journal.
    func person(_ overview: PersonOverview, facts: [(key: FactID, value: KnownFact)], journal: [AccessEntry], laterAfter: Int64?, now: Date) -> String {
        let reference = overview.person.id.rawValue
        var main = "<p>\(HTML.escape(overview.person.identity == nil ? strings.identityNotLinked : strings.identityLinked))</p>"
        for view in overview.enrollments { main += enrollmentSection(view, now: now) }
        main += factSources(person: overview.person.id, facts: facts)
        let entries = journal.map { entry in
            let who = [entry.requester?.role.rawValue ?? entry.actor.rawValue, entry.requester?.token].compactMap { $0 }.joined(separator: " ")
            return "<tr><td>\(strings.moment(entry.at))</td><td>\(HTML.escape(who))</td><td>\(HTML.escape(entry.action.rawValue))</td>"
                + "<td>\(HTML.escape(entry.requester?.purpose ?? entry.service?.rawValue ?? ""))</td><td>\(HTML.escape(entry.outcome.rawValue))</td></tr>"
        }.joined()
        main += """
            <section aria-labelledby="journal"><h2 id="journal">\(HTML.escape(strings.journal))</h2><p class="help">\(HTML.escape(strings.journalHelp))</p>
            <div class="table"><table id="journal-entries"><caption>\(HTML.escape(strings.journal))</caption><thead><tr><th scope="col">\(HTML.escape(strings.when))</th>\
            <th scope="col">\(HTML.escape(strings.who))</th><th scope="col">\(HTML.escape(strings.action))</th><th scope="col">\(HTML.escape(strings.route))</th>\
            <th scope="col">\(HTML.escape(strings.outcome))</th></tr></thead><tbody>\(entries)</tbody></table></div>
            """
        if let laterAfter {
            main += "<p><a rel=\"next\" href=\"/people/\(HTML.escape(reference))?after=\(laterAfter)#journal\">\(HTML.escape(strings.laterEntries))</a></p>"
        }
        return layout.page(title: "\(strings.person) \(reference)", main + "</section>")
    }

    /// One journey of a person: its status and who has the ball, then every step's state, since when and due date in
    /// words; with `actions`, a last column of what may be done to each step (the counter's buttons).
    func enrollmentSection(_ view: EnrollmentView, now: Date, actions: ((StepStatus) -> String)? = nil) -> String {
        let language = strings.language
        let enrollment = view.enrollment
        let rows = view.plan.shownSteps.map { status in
            let stored = enrollment.steps[status.step]
            var due = stored?.due.flatMap { date in DueStanding(due: date, now: now)?.text(due: date, in: language) } ?? ""
            if AgencyDelay.isOverdue(stored, now: now) { due += (due.isEmpty ? "" : "; ") + strings.agencyOverdue }
            return "<tr><th scope=\"row\">\(HTML.escape(view.journey.step(status.step)?.title[language] ?? status.step.rawValue))</th>"
                + "<td>\(HTML.escape(strings.state(status.state)))</td><td>\(stored.map { strings.moment($0.since) } ?? "")</td>"
                + "<td>\(HTML.escape(due))</td>\(actions.map { "<td>\($0(status))</td>" } ?? "")</tr>"
        }.joined()
        let actionsHead = actions == nil ? "" : "<th scope=\"col\">\(HTML.escape(strings.actions))</th>"
        return """
            <section aria-labelledby="e-\(HTML.escape(enrollment.id.rawValue))"><h2 id="e-\(HTML.escape(enrollment.id.rawValue))">\(HTML.escape(view.journey.title[language]))</h2>
            <dl class="counts"><dt>\(HTML.escape(strings.status))</dt><dd>\(HTML.escape(strings.status(enrollment.status)))</dd>\
            <dt>\(HTML.escape(strings.ball))</dt><dd>\(HTML.escape(strings.ball(enrollment.ball)))</dd>\
            <dt>\(HTML.escape(strings.lastChange))</dt><dd>\(strings.moment(enrollment.updatedAt))</dd></dl>
            <div class="table"><table><caption>\(HTML.escape(view.journey.title[language]))</caption><thead><tr><th scope="col">\(HTML.escape(strings.step))</th>\
            <th scope="col">\(HTML.escape(strings.state))</th><th scope="col">\(HTML.escape(strings.since))</th><th scope="col">\(HTML.escape(strings.due))</th>\(actionsHead)</tr></thead>\
            <tbody>\(rows)</tbody></table></div></section>
            """
    }
}
