import JourneyModel

/// Writes an ``ImportedJourney`` as a journey file (docs/journey-format.md). Every text is a double-quoted YAML
/// scalar with everything but printable characters escaped, so no imported text can change the file's structure.
enum JourneyYAMLWriter {
    static func write(_ journey: ImportedJourney, header: [String]) -> String {
        let language = journey.language.rawValue
        var lines = header.map { "# " + $0 }
        lines.append("id: \(journey.id)")
        lines.append("version: 1")
        if let event = journey.lifeEvent { lines.append("lifeEvent: \(event.rawValue)") }
        lines.append("languages: [\(language)]")
        lines.append("title: { \(language): \(quoted(journey.title)) }")
        lines.append("summary:")
        lines.append("  \(language): \(quoted(journey.summary))")
        lines.append("")
        lines.append("steps:")
        for (offset, step) in journey.steps.enumerated() {
            if offset > 0 { lines.append("") }
            lines += self.step(step, indent: "  ", language: language)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func step(_ step: ImportedJourney.Step, indent: String, language: String) -> [String] {
        let inner = indent + "  "
        var lines = ["\(indent)- id: \(step.id)"]
        lines.append("\(inner)title: { \(language): \(quoted(step.title)) }")
        if let summary = step.summary {
            lines.append("\(inner)summary:")
            lines.append("\(inner)  \(language): \(quoted(summary))")
        }
        if !step.after.isEmpty { lines.append("\(inner)after: [\(step.after.joined(separator: ", "))]") }
        if step.optional { lines.append("\(inner)optional: true") }
        if let cost = step.cost { lines.append("\(inner)cost: { \(language): \(quoted(cost)) }") }
        if !step.links.isEmpty {
            lines.append("\(inner)links:")
            for link in step.links {
                lines.append("\(inner)  - title: { \(language): \(quoted(link.title)) }")
                lines.append("\(inner)    url: \(quoted(link.url))")
                if let cost = link.cost { lines.append("\(inner)    cost: { \(language): \(quoted(cost)) }") }
                if link.kind != .required { lines.append("\(inner)    kind: \(link.kind.rawValue)") }
            }
        }
        if !step.alternatives.isEmpty {
            lines.append("\(inner)oneOf:")
            for alternative in step.alternatives { lines += self.step(alternative, indent: inner + "  ", language: language) }
        }
        return lines
    }

    /// A YAML double-quoted scalar: `"`, `\` and every character that is not plainly printable are escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                let category = scalar.properties.generalCategory
                let invisible = [.control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse].contains(category)
                if invisible || scalar == "\u{FEFF}" {
                    out += scalar.value <= 0xFFFF
                        ? "\\u" + hex(scalar.value, width: 4) : "\\U" + hex(scalar.value, width: 8)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
