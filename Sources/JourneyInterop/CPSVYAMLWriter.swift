import JourneyModel

/// Writes imported agencies and journeys as adapter and journey files (docs/adapter-format.md, docs/journey-format.md),
/// every text a double-quoted, escaped YAML scalar so no imported text can change the file's structure.
enum CPSVYAMLWriter {
    static func adapter(_ agency: Agency, source: String) -> String {
        var lines = ["# Imported by lotsen import cpsv from \(oneLine(source)). Check it, then add what each service sends and returns.",
            "agency: \(agency.id)", "name: \(text(agency.name, Language.authoring))", "website: \(q(agency.website))", "services:"]
        for service in agency.services {
            lines.append("  \(service.id.name):")
            lines.append("    kind: \(service.kind.rawValue)")
            lines.append("    title: \(text(service.title, Language.authoring))")
            if let link = service.link { lines.append("    link: \(q(link))") }
            if !service.returns.isEmpty {
                lines.append("    returns:")
                for mapping in service.returns { lines.append("      \(mapping.fact): \(q(mapping.field))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func journey(_ journey: Journey, source: String) -> String {
        let languages = journey.languages
        var lines = ["# Imported by lotsen import cpsv from \(oneLine(source)). Check it with: lotsen validate",
            "id: \(journey.id)", "version: \(journey.version)"]
        if let event = journey.lifeEvent { lines.append("lifeEvent: \(event.rawValue)") }
        lines.append("languages: [\(languages.map(\.rawValue).joined(separator: ", "))]")
        lines.append("title: \(text(journey.title, languages))")
        lines.append("summary: \(text(journey.summary, languages))")
        if !journey.facts.isEmpty {
            lines.append("")
            lines.append("facts:")
            for fact in journey.facts {
                lines.append("  \(fact.id):")
                lines.append("    type: \(fact.type.keyword)")
                if let label = fact.label { lines.append("    label: \(text(label, languages))") }
                if !fact.from.isEmpty { lines.append("    from: [\(fact.from.map(\.rawValue).joined(separator: ", "))]") }
                if let ask = fact.ask { lines.append("    ask: \(text(ask, languages))") }
                if let help = fact.help { lines.append("    help: \(text(help, languages))") }
                if !fact.type.options.isEmpty {
                    lines.append("    options:")
                    for option in fact.type.options { lines.append("      \(option.value): \(text(option.label, languages))") }
                }
            }
        }
        lines.append("")
        lines.append("steps:")
        for step in journey.steps where step.group == nil {
            lines += self.step(step, in: journey, indent: "  ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func step(_ step: StepDefinition, in journey: Journey, indent: String) -> [String] {
        let inner = indent + "  ", languages = journey.languages
        var lines = ["\(indent)- id: \(step.id)", "\(inner)title: \(text(step.title, languages))"]
        if let summary = step.summary { lines.append("\(inner)summary: \(text(summary, languages))") }
        if let service = step.service { lines.append("\(inner)service: \(service)") }
        if !step.after.isEmpty { lines.append("\(inner)after: [\(step.after.map(\.rawValue).joined(separator: ", "))]") }
        if let when = step.when { lines.append("\(inner)when: \(q(when.source))") }
        if !step.needs.isEmpty { lines.append("\(inner)needs: [\(step.needs.map(\.rawValue).joined(separator: ", "))]") }
        if !step.produces.isEmpty { lines.append("\(inner)produces: [\(step.produces.map(\.rawValue).joined(separator: ", "))]") }
        if step.optional { lines.append("\(inner)optional: true") }
        if let cost = step.cost { lines.append("\(inner)cost: \(text(cost, languages))") }
        if let link = step.link { lines.append("\(inner)link: \(q(link))") }
        if !step.links.isEmpty {
            lines.append("\(inner)links:")
            for link in step.links {
                lines.append("\(inner)  - title: \(text(link.title, languages))")
                lines.append("\(inner)    url: \(q(link.url))")
                if let cost = link.cost { lines.append("\(inner)    cost: \(text(cost, languages))") }
                if link.kind != .required { lines.append("\(inner)    kind: \(link.kind.rawValue)") }
            }
        }
        if let time = step.processingTime { lines.append("\(inner)processingTime: \(time)") }
        if step.isGroup {
            lines.append("\(inner)oneOf:")
            for alternative in step.alternatives.compactMap({ journey.step($0) }) { lines += self.step(alternative, in: journey, indent: inner + "  ") }
        }
        return lines
    }

    private static func text(_ text: LocalizedText, _ languages: [Language]) -> String {
        "{ " + languages.map { "\($0.rawValue): \(q(text[$0]))" }.joined(separator: ", ") + " }"
    }

    private static func q(_ text: String) -> String { JourneyYAMLWriter.quoted(text) }

    private static func oneLine(_ text: String) -> String { String(text.map { $0.isNewline ? " " : $0 }.prefix(200)) }
}
