import Foundation
import JourneyModel
import JourneyStore

/// A journey's funnel as an SVG bar chart made on the server: one bar per step, in the journey's order, split by
/// state. The table beside it carries the same numbers for screen readers and for copying; the chart is the picture.
struct FunnelChart {
    /// The states drawn, in order, each with a fill that has at least 3:1 contrast against white (WCAG 1.4.11).
    static let states: [(state: StepState, fill: String)] = [
        (.available, "#0b4f8a"), (.inProgress, "#2f7d32"), (.needsAction, "#b34700"), (.waitingOnAgency, "#6a3d9a"), (.rejected, "#a4000f"),
    ]

    let rows: [(title: String, counts: [StepState: Int])]
    let strings: WebStrings

    /// Each step's title above its bar (titles are long), 440 wide so its text stays readable scaled down to a phone;
    /// whole-pixel coordinates.
    var svg: String {
        let width = 440, rowHeight = 52, barHeight = 22, titleHeight = 20
        let largest = max(1, rows.map { $0.counts.values.reduce(0, +) }.max() ?? 1)
        let span = width - 50
        let height = rows.count * rowHeight + 8
        var bars = ""
        for (index, row) in rows.enumerated() {
            let top = 8 + index * rowHeight
            bars += "<text x=\"0\" y=\"\(top + 15)\" font-size=\"15\" fill=\"#1b1b1b\">\(HTML.escape(row.title))</text>"
            var x = 0
            for (state, fill) in Self.states {
                let count = row.counts[state] ?? 0
                guard count > 0 else { continue }
                let barWidth = max(2, count * span / largest)
                bars += "<rect x=\"\(x)\" y=\"\(top + titleHeight)\" width=\"\(barWidth)\" height=\"\(barHeight)\" fill=\"\(fill)\">"
                    + "<title>\(HTML.escape("\(row.title): \(strings.state(state)) \(count)"))</title></rect>"
                x += barWidth
            }
            let total = row.counts.values.reduce(0, +)
            bars += "<text x=\"\(x + 6)\" y=\"\(top + titleHeight + 16)\" font-size=\"15\" fill=\"#1b1b1b\">\(total)</text>"
        }
        return """
            <svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
            xmlns="http://www.w3.org/2000/svg"><title id="chart-title">\(HTML.escape(strings.t("Open steps per step and state", "Öppna steg per steg och läge")))</title>\(bars)</svg>
            """
    }

    var legend: String {
        "<ul class=\"legend\">" + Self.states.map { state, fill in
            "<li><svg class=\"swatch\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"16\" height=\"16\" fill=\"\(fill)\"/></svg>\(HTML.escape(strings.state(state)))</li>"
        }.joined() + "</ul>"
    }
}
