import Foundation
import JourneyModel

/// A journey's step graph as Mermaid or Graphviz DOT, for authors to preview.
/// Conditional steps are dashed with their condition, optional ones dotted, `oneOf` groups boxed.
struct JourneyGraph {
    enum Format: String, CaseIterable {
        case mermaid
        case dot
    }

    let journey: Journey
    let language: Language

    func render(_ format: Format) -> String {
        switch format {
        case .mermaid: mermaid()
        case .dot: dot()
        }
    }

    private func label(_ step: StepDefinition) -> String {
        var text = title(step)
        if let condition = step.when { text += "\n\(Labels(language: language).onlyIf.lowercased()): \(condition)" }
        return text
    }

    /// The title, and for a step repeated for household members who it is for (said on a group, not again on each of
    /// its alternatives).
    private func title(_ step: StepDefinition) -> String {
        let labels = Labels(language: language)
        guard !step.forEach.isEmpty, step.group == nil else { return step.title[language] }
        return step.title[language] + "\n\(labels.forEach.lowercased()): \(labels.members(step.forEach, of: journey))"
    }

    /// Edges go from a prerequisite to the step that waits on it; a group's alternatives lead out of the group box.
    private var edges: [(from: StepID, to: StepID)] {
        journey.steps.flatMap { step in step.after.map { (from: $0, to: step.id) } }
    }

    private func mermaid() -> String {
        func node(_ id: StepID) -> String { "s_" + id.rawValue.replacingOccurrences(of: "-", with: "_") }
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: "<br/>")
        }
        var lines = ["flowchart TD"]
        for step in journey.topLevelSteps {
            if step.isGroup {
                lines.append("  subgraph \(node(step.id))[\"\(escape(title(step)))\"]")
                lines.append("    direction LR")
                for alternative in step.alternatives.compactMap(journey.step) {
                    lines.append("    \(node(alternative.id))[\"\(escape(label(alternative)))\"]")
                }
                lines.append("  end")
            } else {
                lines.append("  \(node(step.id))[\"\(escape(label(step)))\"]")
            }
        }
        for edge in edges { lines.append("  \(node(edge.from)) --> \(node(edge.to))") }
        let conditional = journey.steps.filter { $0.when != nil && !$0.isGroup }.map { node($0.id) }
        let optional = journey.steps.filter { $0.optional && !$0.isGroup }.map { node($0.id) }
        let repeated = journey.steps.filter { !$0.forEach.isEmpty && !$0.isGroup && $0.group == nil }.map { node($0.id) }
        lines.append("  classDef conditional stroke-dasharray: 5 5")
        lines.append("  classDef optional stroke-dasharray: 2 2,color:#555")
        if !conditional.isEmpty { lines.append("  class \(conditional.joined(separator: ",")) conditional") }
        if !optional.isEmpty { lines.append("  class \(optional.joined(separator: ",")) optional") }
        // A step done for each household member is drawn with a double border.
        if !repeated.isEmpty {
            lines.append("  classDef repeated stroke-width: 3px")
            lines.append("  class \(repeated.joined(separator: ",")) repeated")
        }
        return lines.joined(separator: "\n")
    }

    private func dot() -> String {
        func quote(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        func attributes(_ step: StepDefinition) -> String {
            var styles: [String] = []
            if step.when != nil { styles.append("dashed") }
            if step.optional { styles.append("dotted") }
            let style = styles.isEmpty ? "" : ", style=\(quote(styles.joined(separator: ",")))"
            // A step done for each household member is drawn with a double border.
            let repeated = step.forEach.isEmpty || step.group != nil ? "" : ", peripheries=2"
            return "[label=\(quote(label(step)))\(style)\(repeated)]"
        }
        var lines = ["digraph \(quote(journey.id.rawValue)) {", "  rankdir=TB;", "  compound=true;", "  node [shape=box];"]
        for step in journey.topLevelSteps {
            if step.isGroup {
                lines.append("  subgraph \(quote("cluster_" + step.id.rawValue)) {")
                lines.append("    label=\(quote(title(step)));")
                for alternative in step.alternatives.compactMap(journey.step) {
                    lines.append("    \(quote(alternative.id.rawValue)) \(attributes(alternative));")
                }
                lines.append("  }")
            } else {
                lines.append("  \(quote(step.id.rawValue)) \(attributes(step));")
            }
        }
        // Graphviz has no edges to a cluster: draw them to and from its first alternative, clipped at the box.
        func endpoint(_ id: StepID) -> (node: StepID, cluster: String?) {
            guard let step = journey.step(id), step.isGroup, let first = step.alternatives.first else { return (id, nil) }
            return (first, "cluster_" + id.rawValue)
        }
        for edge in edges {
            let from = endpoint(edge.from)
            let to = endpoint(edge.to)
            var attributes: [String] = []
            if let cluster = from.cluster { attributes.append("ltail=\(quote(cluster))") }
            if let cluster = to.cluster { attributes.append("lhead=\(quote(cluster))") }
            let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("  \(quote(from.node.rawValue)) -> \(quote(to.node.rawValue))\(suffix);")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
