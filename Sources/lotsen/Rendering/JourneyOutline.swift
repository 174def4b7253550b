import Foundation
import JourneyModel

/// A journey as a numbered step list in the GOV.UK step-by-step manner: steps that can be done at the
/// same stage share a number and read "and"; the alternatives of a `oneOf` group read "either … or".
struct JourneyOutline {
    let journey: Journey
    let catalog: AgencyCatalog
    let language: Language

    func render() -> String {
        let label = Labels(language: language)
        var lines: [String] = []
        lines.append(journey.title[language])
        var about = ["\(journey.id)", "version \(journey.version)"]
        if let event = journey.lifeEvent { about.append(event.title[language]) }
        if !journey.isWritten(in: language) { about.append(label.writtenIn(journey.languages[0])) }
        lines.append(about.joined(separator: " · "))
        lines.append("")
        lines.append(journey.summary[language])
        if !journey.household.isEmpty {
            lines.append("")
            lines.append("\(label.household): " + journey.household.map { "\(label.role(named: $0)) (\(label.presence(of: $0)))" }.joined(separator: "; "))
        }
        if !journey.offeredBy.isEmpty {
            lines.append("")
            lines += journey.offeredBy.map(offer)
        }
        for (number, stage) in journey.stages.enumerated() {
            for (position, step) in stage.enumerated() {
                lines.append("")
                let marker = position == 0 ? "\(number + 1)" : label.and
                lines += block(for: step, marker: marker, indent: "")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One `offeredBy` rule in a line: which agency's event offers the journey, what it fills in, for whom and how long.
    private func offer(_ rule: OfferRule) -> String {
        let label = Labels(language: language)
        let agency = catalog.agency(rule.event.agency)?.name[language] ?? rule.event.agency.rawValue
        var parts = [label.offeredBy(agency: agency, event: rule.event.kind)]
        if !rule.proves.isEmpty { parts.append(label.fillsIn(rule.proves.map(\.fact.rawValue).joined(separator: ", "))) }
        if let condition = rule.when { parts.append("\(label.onlyIf.lowercased()) \(condition)") }
        parts.append(label.offerLasts(rule.lasts.humanReadable(in: language)))
        return parts.joined(separator: " · ")
    }

    /// What a deadline counts from, in words: the start, a step by its title, a date fact by its label.
    private func anchor(_ anchor: StepDeadline.Anchor) -> String {
        let label = Labels(language: language)
        return switch anchor {
        case .start: label.starting
        case .step(let id): label.finishing("\"\(journey.step(id)?.title[language] ?? id.rawValue)\"")
        case .fact(let id): journey.fact(id)?.label.map { Self.inSentence($0[language]) } ?? id.rawValue
        }
    }

    /// A label that begins a line ("The child's date of birth") as it reads inside a sentence; one that starts with
    /// an abbreviation ("EU card") keeps its capitals.
    static func inSentence(_ label: String) -> String {
        guard let first = label.first, label.dropFirst().first?.isUppercase != true else { return label }
        return first.lowercased() + label.dropFirst()
    }

    private func block(for step: StepDefinition, marker: String, indent: String) -> [String] {
        let label = Labels(language: language)
        let pad = indent + String(repeating: " ", count: 10)
        var heading = step.title[language]
        if let service = step.service, let agency = catalog.agency(service.agency) { heading += " · \(agency.name[language])" }
        if step.optional { heading += " (\(label.optional))" }
        var lines = [indent + marker.padding(toLength: 10, withPad: " ", startingAt: 0) + heading]
        // A summary of several paragraphs (an imported one, say) keeps the step's indent on every line.
        if let summary = step.summary { lines += summary[language].split(separator: "\n").map { pad + $0 } }
        if !step.forEach.isEmpty, step.group == nil { lines.append(pad + "\(label.forEach): \(label.members(step.forEach, of: journey))") }
        if !step.after.isEmpty {
            let names = step.after.map { journey.step($0)?.title[language] ?? $0.rawValue }
            lines.append(pad + "\(label.after): \(names.joined(separator: ", "))")
        }
        if let condition = step.when { lines.append(pad + "\(label.onlyIf): \(condition)") }
        if !step.needs.isEmpty { lines.append(pad + "\(label.needs): \(step.needs.map(\.rawValue).joined(separator: ", "))") }
        if !step.produces.isEmpty { lines.append(pad + "\(label.produces): \(step.produces.map(\.rawValue).joined(separator: ", "))") }
        var facts: [String] = []
        if let cost = step.cost { facts.append("\(label.cost): \(cost[language])") }
        if let time = step.processingTime { facts.append("\(label.takes) \(time.humanReadable(in: language))") }
        if !facts.isEmpty { lines.append(pad + facts.joined(separator: " · ")) }
        if let due = step.due { lines.append(pad + label.due(within: due.within.humanReadable(in: language), of: anchor(due.anchor))) }
        if let link = step.link(in: language) { lines.append(pad + link) }
        for link in step.links {
            var line = "\(label.linkMarker(link.kind)) \(link.title[language])"
            if let cost = link.cost { line += " (\(cost[language]))" }
            lines.append(pad + line + ": " + link.url)
        }
        for (position, alternative) in step.alternatives.enumerated() {
            guard let definition = journey.step(alternative) else { continue }
            lines += block(for: definition, marker: position == 0 ? label.either : label.or, indent: pad)
        }
        return lines
    }
}
