import JourneyModel

/// Maps a ``StepByStep`` onto journey steps: numbered steps in order, an "and" step beside the step before, an
/// "or" step as an alternative to it (a `oneOf` group), lists as the step's links with their fees as costs.
struct StepByStepMapper {
    let file: String
    let options: GOVUKImporter.Options
    private(set) var warnings: [ImportWarning] = []
    private var usedIDs: Set<String> = []

    init(file: String, options: GOVUKImporter.Options) {
        self.file = file
        self.options = options
    }

    /// Words GOV.UK puts between links as list items of their own ("or", "then"), which are no step content.
    static let connectors: Set<String> = ["or", "and", "then", "eller", "och", "sedan"]

    mutating func journey(from navigation: StepByStep) throws(ImportError) -> ImportedJourney {
        let language = try self.language(navigation.locale)
        let id = try journeyID(navigation)
        // Stages of entries: an entry is one step, or several alternatives ("or"); the entries of a stage are done side by side ("and").
        var stages: [[[ImportedJourney.Step]]] = []
        for step in navigation.steps {
            let mapped = self.step(step)
            switch step.logic {
            case .or where !stages.isEmpty:
                stages[stages.count - 1][stages[stages.count - 1].count - 1].append(mapped)
            case .and where !stages.isEmpty:
                stages[stages.count - 1].append([mapped])
            default:
                if step.logic != .numbered {
                    warnings.append(ImportWarning(path: "\(step.path).logic",
                        message: "the first step says '\(step.logic == .and ? "and" : "or")', but no step comes before it; read as a numbered step"))
                }
                stages.append([[mapped]])
            }
        }
        var steps: [ImportedJourney.Step] = []
        var previous: [String] = []
        for stage in stages {
            var current: [String] = []
            for entry in stage {
                var step = entry.count == 1 ? entry[0] : group(entry, language: language)
                step.after = previous
                current.append(step.id)
                steps.append(step)
            }
            previous = current
        }
        var title = navigation.title
        for suffix in [": step by step", ": steg för steg"] where title.lowercased().hasSuffix(suffix) && title.count > suffix.count {
            title = String(title.dropLast(suffix.count))
        }
        let summary = [navigation.introduction, navigation.description, title].first { !$0.isEmpty } ?? title
        var source: String?
        if let path = navigation.basePath, path.hasPrefix("/"), case .kept(let url) = GOVUKLink.resolve(path) { source = url }
        return ImportedJourney(id: id, title: title, summary: summary, language: language, lifeEvent: options.lifeEvent, source: source, steps: steps)
    }

    private mutating func language(_ locale: String?) throws(ImportError) -> Language {
        guard let locale, !locale.isEmpty else {
            warnings.append(ImportWarning(path: "locale", message: "the content item has no locale; it is read as English (en)"))
            return .en
        }
        let code = locale.lowercased().prefix { $0.isLetter }
        guard let language = Language(rawValue: String(code)) else {
            throw ImportError(.unsupportedLanguage, file: file, path: "locale",
                message: "the content item is in '\(HTMLText.line(String(locale.prefix(20))))', and Lotsen's journeys are written in Swedish (sv) or English (en)",
                hint: "import the English or Swedish version of the page")
        }
        return language
    }

    private mutating func journeyID(_ navigation: StepByStep) throws(ImportError) -> String {
        if let given = options.id {
            guard JourneyID(given).isWellFormed, given.count <= 100 else {
                throw ImportError(.invalidOption, file: file, message: "journey id '\(given.prefix(100))' is not kebab-case",
                    hint: "use lower-case letters, digits and single hyphens, starting with a letter, such as 'learn-to-drive-a-car'")
            }
            usedIDs.insert(given)
            return given
        }
        let fromPath = navigation.basePath.map { Slug.make($0, fallback: "") } ?? ""
        let id = fromPath.isEmpty ? Slug.make(navigation.title, fallback: "imported-journey") : fromPath
        usedIDs.insert(id)
        return id
    }

    /// An id not yet used in this journey: the slug, then `slug-2`, `slug-3`, ….
    private mutating func uniqueID(_ base: String) -> String {
        var candidate = base
        var number = 2
        while usedIDs.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        usedIDs.insert(candidate)
        return candidate
    }

    private mutating func step(_ source: StepByStep.Step) -> ImportedJourney.Step {
        let position = Int(source.path.split(separator: "[").last?.dropLast() ?? "") ?? 0
        var step = ImportedJourney.Step(id: uniqueID(Slug.make(source.title, fallback: "step-\(position + 1)")), title: source.title)
        var paragraphs: [String] = []
        var fees: [(title: String, fee: String)] = []
        var lists: [StepByStep.ListStyle] = []
        for block in source.blocks {
            switch block {
            case .paragraph(let text):
                paragraphs.append(text)
            case .list(let style, let items):
                // "A", "or", "B" in one list offers a choice, whatever its style says.
                let offersChoice = items.contains { $0.href == nil && $0.text.lowercased() == "or" }
                let kind: StepLink.Kind = offersChoice && style == .required ? .choice : StepLink.Kind(rawValue: style.rawValue) ?? .required
                var hasLink = false
                for item in items {
                    if item.href == nil, Self.connectors.contains(item.text.lowercased()) { continue }
                    guard let href = item.href, let url = resolve(href, at: "\(item.path).href") else {
                        paragraphs.append(item.text + (item.context.map { " (\($0))" } ?? ""))
                        continue
                    }
                    hasLink = true
                    var title = item.text
                    var cost: String?
                    if let context = item.context {
                        if Self.isFee(context) {
                            cost = context
                            fees.append((item.text, context))
                        } else {
                            title += " (\(context))"
                        }
                    }
                    step.links.append(ImportedJourney.Link(title: title, url: url, cost: cost, kind: kind))
                }
                if hasLink { lists.append(style) }
            }
        }
        step.summary = paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
        step.optional = source.optional || (!lists.isEmpty && lists.allSatisfy { $0 == .optional })
        step.cost = fees.count == 1 ? fees[0].fee : fees.isEmpty ? nil : fees.map { "\($0.title): \($0.fee)" }.joined(separator: "; ")
        return step
    }

    private mutating func resolve(_ href: String, at path: String) -> String? {
        switch GOVUKLink.resolve(href) {
        case .kept(let url): return url
        case .changed(let url, let note):
            warnings.append(ImportWarning(path: path, message: "link \(url) \(note)"))
            return url
        case .refused(let reason):
            warnings.append(ImportWarning(path: path, message: "link dropped: \(reason); its text is kept in the step's summary"))
            return nil
        }
    }

    /// Whether a link's context is a price ("£34", "£35 to £60 per session", "free") rather than, say, a duration.
    static func isFee(_ context: String) -> Bool {
        let lower = context.lowercased()
        if lower.contains(where: { "£€$¥".contains($0) }) { return true }
        let words = Set(lower.split { !$0.isLetter })
        return !words.isDisjoint(with: ["free", "kr", "sek", "gbp", "eur", "gratis", "kostnadsfritt", "fee", "avgift"])
    }

    /// Alternatives ("or") as one `oneOf` group, named after them: "Drive to work, Walk to work or Cycle".
    private mutating func group(_ alternatives: [ImportedJourney.Step], language: Language) -> ImportedJourney.Step {
        let titles = alternatives.map(\.title)
        let conjunction = language == .sv ? " eller " : " or "
        let title = titles.dropLast().joined(separator: ", ") + conjunction + (titles.last ?? "")
        var group = ImportedJourney.Step(id: uniqueID("either-" + alternatives[0].id), title: title)
        group.alternatives = alternatives
        group.optional = alternatives.allSatisfy(\.optional)
        return group
    }
}
