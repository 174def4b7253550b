import Foundation
import JourneyModel

/// A person's facts on the web view: where each came from on the person page, and the values only on a page asked for
/// with a purpose, which the person reads in their access journal.
extension WebPages {
    /// The person page's section: each fact with its source and when it was recorded, no value; then the form that asks
    /// for the values, which needs a purpose.
    func factSources(person: PersonID, facts: [(key: FactID, value: KnownFact)], purposeError: String? = nil) -> String {
        guard !facts.isEmpty else {
            return "<section aria-labelledby=\"facts\"><h2 id=\"facts\">\(HTML.escape(strings.facts))</h2><p>\(HTML.escape(strings.noFacts))</p></section>"
        }
        let rows = facts.map { fact in
            "<tr><th scope=\"row\">\(HTML.escape(fact.key.rawValue))</th><td>\(HTML.escape(strings.source(fact.value.source)))</td>"
                + "<td>\(strings.moment(fact.value.recordedAt))</td></tr>"
        }.joined()
        let error = purposeError.map { "<p class=\"error\" role=\"alert\" id=\"purpose-error\">\(HTML.escape($0))</p>" } ?? ""
        return """
            <section aria-labelledby="facts"><h2 id="facts">\(HTML.escape(strings.facts))</h2><p class="help">\(HTML.escape(strings.factsHelp))</p>
            <div class="table"><table id="fact-sources"><caption>\(HTML.escape(strings.facts))</caption><thead><tr><th scope="col">\(HTML.escape(strings.fact))</th>\
            <th scope="col">\(HTML.escape(strings.source))</th><th scope="col">\(HTML.escape(strings.recorded))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(error)
            <form method="post" action="/people/\(HTML.escape(person.rawValue))/facts">
            <input type="hidden" name="csrf" value="\(HTML.escape(layout.csrf ?? ""))">
            <div class="field"><label for="purpose">\(HTML.escape(strings.purpose))</label>
            <p class="help" id="purpose-help">\(HTML.escape(strings.purposeHelp))</p>
            <input id="purpose" name="purpose" type="text" required minlength="\(WebFactRequest.purposeLength.lowerBound)" \
            maxlength="\(WebFactRequest.purposeLength.upperBound)" size="60" aria-describedby="purpose-help\(purposeError == nil ? "" : " purpose-error")"></div>
            <button type="submit">\(HTML.escape(strings.showValues))</button>
            </form></section>
            """
    }

    /// The values, shown once for the purpose given; the page says that the view is in the person's journal.
    func factValues(person: PersonID, facts: [(key: FactID, value: KnownFact)], purpose: String) -> String {
        let rows = facts.map { fact in
            var row = "<tr><th scope=\"row\">\(HTML.escape(fact.key.rawValue))</th><td>\(HTML.escape(fact.value.value.canonical))</td>"
            row += "<td>\(HTML.escape(strings.source(fact.value.source)))</td><td>\(strings.moment(fact.value.recordedAt))</td>"
            return row + "<td>\(fact.value.validUntil.map(strings.moment) ?? "")</td></tr>"
        }.joined()
        let reference = HTML.escape(person.rawValue)
        return layout.page(title: "\(strings.facts): \(strings.person) \(person.rawValue)", """
            <p role="status" id="journaled">\(HTML.escape(strings.valuesJournaled(purpose)))</p>
            <div class="table"><table id="fact-values"><caption>\(HTML.escape(strings.facts))</caption><thead><tr><th scope="col">\(HTML.escape(strings.fact))</th>\
            <th scope="col">\(HTML.escape(strings.value))</th><th scope="col">\(HTML.escape(strings.source))</th><th scope="col">\(HTML.escape(strings.recorded))</th>\
            <th scope="col">\(HTML.escape(strings.validUntil))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            <p><a href="/people/\(reference)">\(HTML.escape(strings.backToPerson))</a></p>
            """)
    }
}
