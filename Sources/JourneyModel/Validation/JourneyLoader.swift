import Yams

/// Reads a journey file into a validated ``Journey``, reporting every problem in one pass, compiler style.
///
/// Parsing and the checks that need the whole file (references, conditions, the step graph) run even when
/// earlier parts had errors, so an author sees everything at once; a `Journey` is returned only when
/// there are no errors.
public enum JourneyLoader {
    static let topKeys = ["id", "version", "lifeEvent", "languages", "title", "summary", "facts", "steps"]
    static let optionalTopKeys: Set<String> = ["facts", "lifeEvent", "languages"]
    static let factKeys = ["type", "label", "ask", "help", "options", "from", "min", "max", "whole", "maxLength"]
    static let stepKeys = ["id", "title", "summary", "service", "after", "when", "needs", "produces", "optional", "cost", "link",
        "processingTime", "oneOf", "links"]
    static let linkKeys = ["title", "url", "cost", "kind"]

    /// Loads `text`, read from `file`. Services are checked against `catalog` when one is given.
    /// `idLocation` is where the journey id stands, for problems that concern the file as a whole.
    public static func load(_ text: String, file: String, catalog: AgencyCatalog?)
        -> (journey: Journey?, diagnostics: [Diagnostic], idLocation: (line: Int, column: Int)?)
    {
        let reader = YAMLReader(file: file)
        guard let root = reader.compose(text),
            let top = reader.mapping(root, "", keys: topKeys, required: topKeys.filter { !optionalTopKeys.contains($0) }, what: "a journey file")
        else { return (nil, reader.diagnostics, nil) }
        var parser = Parser(reader: reader, catalog: catalog)
        let journey = parser.parse(top)
        let location = reader.locations["id"].map { (line: $0.line, column: $0.column) }
        return (reader.diagnostics.hasErrors ? nil : journey, reader.diagnostics.sortedByLocation(), location)
    }
}

/// A step as read from the file, with the document paths its checks report at.
private struct StepDraft {
    var path: String
    var id: String?
    var title: LocalizedText?
    var summary: LocalizedText?
    var service: ServiceID?
    var after: [(id: String, path: String)] = []
    var whenSource: String?
    var whenNode: Node?
    var when: Condition?
    var needs: [(id: String, path: String)] = []
    var produces: [(id: String, path: String)] = []
    var optional = false
    var cost: LocalizedText?
    var link: String?
    var links: [StepLink] = []
    var processingTime: ISODuration?
    var alternatives: [Int] = []
    var group: Int?
}

private struct Parser {
    let reader: YAMLReader
    let catalog: AgencyCatalog?
    var facts: [FactDefinition] = []
    /// Every declared fact id, even one whose definition has errors, so its uses are not called unknown.
    var factPaths: [FactID: String] = [:]
    /// Where each fact's name stands, for problems with the fact as a whole.
    var factNames: [FactID: Node] = [:]
    /// Declared facts whose definition has errors: conditions reading them are not type-checked.
    var invalidFacts: Set<FactID> = []
    var drafts: [StepDraft] = []

    init(reader: YAMLReader, catalog: AgencyCatalog?) {
        self.reader = reader
        self.catalog = catalog
    }

    mutating func parse(_ top: [String: Node]) -> Journey? {
        let id = top["id"].flatMap { reader.string($0, "id", what: "a journey id") }
        if let id {
            if !IdentifierRules.isKebabCase(id) {
                reader.report(at: "id", "journey id '\(id)' is not kebab-case", hint: "use lower-case letters, digits and hyphens, such as 'new-in-sweden'")
            }
            if let stem = AgencyFileLoader.fileStem(reader.file), stem != id {
                reader.report(at: "id", "journey id '\(id)' does not match the file name '\(stem).yaml'", hint: "rename the file to '\(id).yaml' or change the id")
            }
        }
        let version = top["version"].flatMap { reader.int($0, "version") }
        if let version, version < 1 { reader.report(at: "version", "version must be 1 or more", hint: "start at 1 and bump it when steps change") }
        var lifeEvent: LifeEvent?
        if let raw = top["lifeEvent"].flatMap({ reader.string($0, "lifeEvent", what: "a life event") }) {
            lifeEvent = LifeEvent(rawValue: raw)
            if lifeEvent == nil {
                let all = LifeEvent.allCases.map(\.rawValue)
                reader.report(at: "lifeEvent", "unknown life event '\(raw)'",
                    hint: Suggestion.closest(to: raw, among: all).map { "did you mean '\($0)'?" } ?? "use one of: \(all.joined(separator: ", "))")
            }
        }
        let languages = top["languages"].map(parseLanguages) ?? Language.allCases
        reader.languages = languages
        let title = top["title"].flatMap { reader.text($0, "title") }
        let summary = top["summary"].flatMap { reader.text($0, "summary") }
        if let node = top["facts"] { parseFacts(node) }
        if let node = top["steps"] {
            let items = reader.sequence(node, "steps", what: "steps")
            if items.isEmpty, node.sequence != nil { reader.report(node, "steps", "a journey needs at least one step") }
            for (index, item) in items.enumerated() { parseStep(item, "steps[\(index)]", group: nil) }
        }
        checkSteps()

        guard let id, let version, lifeEvent != nil || top["lifeEvent"] == nil, let title, let summary else { return nil }
        let steps = drafts.compactMap { draft -> StepDefinition? in
            guard let stepID = draft.id, let stepTitle = draft.title else { return nil }
            return StepDefinition(
                id: StepID(stepID), title: stepTitle, summary: draft.summary, service: draft.service,
                after: draft.after.map { StepID($0.id) }, when: draft.when,
                needs: draft.needs.map { FactID($0.id) }, produces: draft.produces.map { FactID($0.id) },
                optional: draft.optional, cost: draft.cost, link: draft.link, links: draft.links, processingTime: draft.processingTime,
                alternatives: draft.alternatives.compactMap { drafts[$0].id.map(StepID.init) },
                group: draft.group.flatMap { drafts[$0].id.map(StepID.init) })
        }
        return Journey(id: JourneyID(id), version: version, lifeEvent: lifeEvent, title: title, summary: summary, facts: facts, steps: steps,
            languages: languages)
    }

    /// The languages the texts are written in: known, at least one, none twice. Unusable entries fall back to both.
    func parseLanguages(_ node: Node) -> [Language] {
        let items = reader.idList(node, "languages")
        var languages: [Language] = []
        for item in items {
            guard let language = Language(rawValue: item.id) else {
                reader.report(at: item.path, "unknown language '\(item.id)'", hint: "Lotsen's journeys are written in sv (Swedish), en (English) or both")
                continue
            }
            if languages.contains(language) {
                reader.report(at: item.path, "language '\(item.id)' is listed twice")
            } else {
                languages.append(language)
            }
        }
        if items.isEmpty, node.sequence != nil { reader.report(node, "languages", "a journey needs at least one language", hint: "write [sv, en], [sv] or [en]") }
        return languages.isEmpty ? Language.allCases : languages
    }

    // MARK: Facts

    mutating func parseFacts(_ node: Node) {
        for entry in reader.entries(node, "facts", what: "facts") {
            let path = "facts.\(entry.key)"
            if !IdentifierRules.isCamelCase(entry.key) {
                reader.report(entry.keyNode, path, "fact id '\(entry.key)' is not camelCase", hint: "start with a lower-case letter and use only letters and digits, such as 'hasChildren'")
            }
            guard let fields = reader.mapping(entry.value, path, keys: JourneyLoader.factKeys, required: ["type"], what: "a fact") else { continue }
            let ask = fields["ask"].flatMap { reader.text($0, "\(path).ask") }
            let label = fields["label"].flatMap { reader.text($0, "\(path).label") }
            let help = fields["help"].flatMap { reader.text($0, "\(path).help") }
            var type: FactType?
            if let keyword = fields["type"].flatMap({ reader.string($0, "\(path).type", what: "a fact type") }) {
                type = factType(keyword, options: fields["options"], path: path)
            }
            if fields["options"] != nil, let type, type.keyword != "choice" {
                reader.report(at: "\(path).options", "only a choice has options", hint: "remove 'options' or set 'type: choice'")
            }
            let bounds = type.map { factBounds(fields, type: $0, path: path) } ?? FactBounds()
            var from: [ServiceID] = []
            if let node = fields["from"] {
                for item in reader.idList(node, "\(path).from") {
                    let service = ServiceID(item.id)
                    if let lookup = checkService(service, at: item.path, expecting: .lookup), lookup.returnedField(for: FactID(entry.key)) == nil {
                        reader.report(at: item.path, "service '\(service)' does not return '\(entry.key)'",
                            hint: "add '\(entry.key): <field>' under services.\(service.name).returns in adapters/\(service.agency).yaml")
                    }
                    from.append(service)
                }
            }
            let id = FactID(entry.key)
            if factPaths[id] != nil {
                reader.report(entry.keyNode, path, "duplicate fact '\(entry.key)'")
                continue
            }
            factPaths[id] = path
            factNames[id] = entry.keyNode
            if let type {
                facts.append(FactDefinition(id: id, type: type, label: label, ask: ask, help: help, from: from, bounds: bounds))
            } else {
                invalidFacts.insert(id)
            }
        }
    }

    /// `min`, `max` and `whole` of a number fact, `maxLength` of a text fact; each refused on other types.
    func factBounds(_ fields: [String: Node], type: FactType, path: String) -> FactBounds {
        var bounds = FactBounds()
        for key in ["min", "max", "whole"] where fields[key] != nil && type != .number {
            reader.report(at: "\(path).\(key)", "only a number fact has '\(key)'", hint: "remove '\(key)' or set 'type: number'")
        }
        if fields["maxLength"] != nil, type != .text {
            reader.report(at: "\(path).maxLength", "only a text fact has 'maxLength'", hint: "remove 'maxLength' or set 'type: text'")
        }
        switch type {
        case .number:
            bounds.minimum = fields["min"].flatMap { reader.number($0, "\(path).min") }
            bounds.maximum = fields["max"].flatMap { reader.number($0, "\(path).max") }
            bounds.wholeNumber = fields["whole"].flatMap { reader.bool($0, "\(path).whole") } ?? false
            if let minimum = bounds.minimum, let maximum = bounds.maximum, minimum > maximum {
                reader.report(at: "\(path).max", "max \(FactValue.format(number: maximum)) is less than min \(FactValue.format(number: minimum))",
                    hint: "swap them, or widen the range")
            }
            if bounds.wholeNumber {
                for (key, bound) in [("min", bounds.minimum), ("max", bounds.maximum)] {
                    if let bound, bound.rounded() != bound {
                        reader.report(at: "\(path).\(key)", "a whole-number fact needs a whole \(key)", hint: "write \(key): \(FactValue.format(number: bound.rounded()))")
                    }
                }
            }
        case .text:
            if let node = fields["maxLength"], let length = reader.int(node, "\(path).maxLength") {
                if (1...FactBounds.largestTextLength).contains(length) {
                    bounds.maxLength = length
                } else {
                    reader.report(at: "\(path).maxLength", "maxLength must be from 1 to \(FactBounds.largestTextLength)",
                        hint: "without it a text may have \(FactBounds.defaultTextLength) characters")
                }
            }
        default:
            break
        }
        return bounds
    }

    func factType(_ keyword: String, options: Node?, path: String) -> FactType? {
        switch keyword {
        case "bool": return .bool
        case "text": return .text
        case "number": return .number
        case "date": return .date
        case "country": return .country
        case "personnummer": return .personnummer
        case "organisationsnummer": return .organisationsnummer
        case "choice":
            guard let options else {
                reader.report(at: "\(path).type", "a choice needs options", hint: "add 'options:' mapping each value to a text { sv: ..., en: ... }")
                return nil
            }
            let entries = reader.entries(options, "\(path).options", what: "options")
            var choices: [ChoiceOption] = []
            for entry in entries {
                let optionPath = "\(path).options.\(entry.key)"
                if !IdentifierRules.isCamelCase(entry.key) {
                    reader.report(entry.keyNode, optionPath, "option '\(entry.key)' is not camelCase", hint: "such as 'soleTrader'")
                }
                if let label = reader.text(entry.value, optionPath) { choices.append(ChoiceOption(value: entry.key, label: label)) }
            }
            if entries.count < 2, options.mapping != nil {
                reader.report(at: "\(path).options", "a choice needs at least two options")
            }
            return choices.isEmpty ? nil : .choice(choices)
        default:
            reader.report(at: "\(path).type", "unknown fact type '\(keyword)'",
                hint: Suggestion.closest(to: keyword, among: FactType.keywords).map { "did you mean '\($0)'?" }
                    ?? "use one of: \(FactType.keywords.joined(separator: ", "))")
            return nil
        }
    }

    // MARK: Steps

    mutating func parseStep(_ node: Node, _ path: String, group: Int?) {
        guard let fields = reader.mapping(node, path, keys: JourneyLoader.stepKeys, required: ["id", "title"], what: "a step") else { return }
        var draft = StepDraft(path: path)
        var submitted: AgencyService?
        draft.group = group
        draft.id = fields["id"].flatMap { reader.string($0, "\(path).id", what: "a step id") }
        if let id = draft.id, !IdentifierRules.isKebabCase(id) {
            reader.report(at: "\(path).id", "step id '\(id)' is not kebab-case", hint: "use lower-case letters, digits and hyphens, such as 'residence-permit'")
        }
        draft.title = fields["title"].flatMap { reader.text($0, "\(path).title") }
        draft.summary = fields["summary"].flatMap { reader.text($0, "\(path).summary") }
        if let raw = fields["service"].flatMap({ reader.string($0, "\(path).service", what: "a service") }) {
            draft.service = ServiceID(raw)
            submitted = checkService(ServiceID(raw), at: "\(path).service", expecting: nil).flatMap { $0.isSubmittable ? $0 : nil }
        }
        draft.after = fields["after"].map { reader.idList($0, "\(path).after") } ?? []
        draft.needs = fields["needs"].map { reader.idList($0, "\(path).needs") } ?? []
        // Lotsen sends exactly what the step needs, so the agency must have a name for each of those facts.
        if let submitted {
            for need in draft.needs where submitted.sentField(for: FactID(need.id)) == nil {
                reader.report(at: need.path, "service '\(submitted.id)' does not send '\(need.id)'",
                    hint: "add '\(need.id): <field>' under services.\(submitted.id.name).sends in adapters/\(submitted.id.agency).yaml")
            }
        }
        draft.produces = fields["produces"].map { reader.idList($0, "\(path).produces") } ?? []
        if let node = fields["when"], reader.string(node, "\(path).when", what: "a condition") != nil, let raw = node.scalar?.string {
            // Kept untrimmed, so error offsets map to exact positions in the file.
            draft.whenSource = raw
            draft.whenNode = node
        }
        draft.optional = fields["optional"].flatMap { reader.bool($0, "\(path).optional") } ?? false
        draft.cost = fields["cost"].flatMap { reader.text($0, "\(path).cost") }
        if let link = fields["link"].flatMap({ reader.string($0, "\(path).link", what: "a link") }) {
            if IdentifierRules.isHTTPSLink(link) { draft.link = link } else {
                reader.report(at: "\(path).link", "'\(link)' is not an https:// link", hint: "write the full address of the official page")
            }
        }
        if let node = fields["links"] { draft.links = parseLinks(node, "\(path).links") }
        if let raw = fields["processingTime"].flatMap({ reader.string($0, "\(path).processingTime", what: "a duration") }) {
            draft.processingTime = ISODuration(raw)
            if draft.processingTime == nil {
                reader.report(at: "\(path).processingTime", "'\(raw)' is not an ISO 8601 duration", hint: "such as P2W (two weeks), P3M (three months) or P1DT12H")
            }
        }
        let index = drafts.count
        drafts.append(draft)

        guard let oneOf = fields["oneOf"] else { return }
        if group != nil {
            reader.report(at: "\(path).oneOf", "an alternative cannot have alternatives of its own", hint: "flatten the choices into one 'oneOf' list")
            return
        }
        for (key, what) in [("service", "a service"), ("needs", "'needs'"), ("produces", "'produces'"), ("cost", "a cost"), ("processingTime", "a processing time")]
        where fields[key] != nil {
            reader.report(at: "\(path).\(key)", "a oneOf group cannot have \(what)", hint: "put it on the alternatives")
        }
        let items = reader.sequence(oneOf, "\(path).oneOf", what: "alternatives")
        if items.count < 2, oneOf.sequence != nil {
            reader.report(at: "\(path).oneOf", "a oneOf group needs at least two alternatives", hint: "with one alternative, make it an ordinary step")
        }
        for (offset, item) in items.enumerated() {
            let alternative = drafts.count
            parseStep(item, "\(path).oneOf[\(offset)]", group: index)
            if drafts.count > alternative { drafts[index].alternatives.append(alternative) }
        }
    }

    /// A step's further pages: each with a title and an https:// URL, and optionally a cost and a kind.
    func parseLinks(_ node: Node, _ path: String) -> [StepLink] {
        reader.sequence(node, path, what: "links").enumerated().compactMap { offset, item in
            let itemPath = "\(path)[\(offset)]"
            guard let fields = reader.mapping(item, itemPath, keys: JourneyLoader.linkKeys, required: ["title", "url"], what: "a link") else { return nil }
            let title = fields["title"].flatMap { reader.text($0, "\(itemPath).title") }
            let cost = fields["cost"].flatMap { reader.text($0, "\(itemPath).cost") }
            var url: String?
            if let raw = fields["url"].flatMap({ reader.string($0, "\(itemPath).url", what: "a link") }) {
                if IdentifierRules.isHTTPSLink(raw) { url = raw } else {
                    reader.report(at: "\(itemPath).url", "'\(raw)' is not an https:// link", hint: "write the full address of the page")
                }
            }
            var kind = StepLink.Kind.required
            if let raw = fields["kind"].flatMap({ reader.string($0, "\(itemPath).kind", what: "a link kind") }) {
                if let known = StepLink.Kind(rawValue: raw) { kind = known } else {
                    let all = StepLink.Kind.allCases.map(\.rawValue)
                    reader.report(at: "\(itemPath).kind", "unknown link kind '\(raw)'",
                        hint: Suggestion.closest(to: raw, among: all).map { "did you mean '\($0)'?" } ?? "use one of: \(all.joined(separator: ", "))")
                }
            }
            guard let title, let url else { return nil }
            return StepLink(title: title, url: url, cost: cost, kind: kind)
        }
    }

    /// The service, when the catalog has it (and it is of `kind`, when given); otherwise reports why not.
    @discardableResult
    func checkService(_ service: ServiceID, at path: String, expecting kind: AgencyService.Kind?) -> AgencyService? {
        guard let catalog else { return nil }
        guard let found = catalog.service(service) else {
            let names = catalog.allServiceIDs.map(\.rawValue)
            let hint = Suggestion.closest(to: service.rawValue, among: names).map { "did you mean '\($0)'?" }
                ?? (catalog.agency(service.agency) == nil
                    ? "no agency '\(service.agency)' in adapters/; declare it in adapters/\(service.agency).yaml"
                    : "declare it under 'services:' in adapters/\(service.agency).yaml")
            reader.report(at: path, "unknown service '\(service)'", hint: hint)
            return nil
        }
        if let kind, found.kind != kind {
            reader.report(at: path, "service '\(service)' is \(article(found.kind.rawValue)) \(found.kind.rawValue), not \(article(kind.rawValue)) \(kind.rawValue)",
                hint: "facts can only be fetched from lookup services")
            return nil
        }
        return found
    }

    private func article(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an" : "a" }
}

// MARK: - Checks that need the whole file

extension Parser {
    mutating func checkSteps() {
        let stepIndex = checkStepIDs()
        let factTypes = Dictionary(facts.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
        checkReferences(stepIndex)
        checkConditions(factTypes)
        let cyclic = checkCycles(stepIndex)
        checkFactsBecomeKnown(stepIndex, cyclic: cyclic)
    }

    /// Step ids are unique across the journey, alternatives included.
    func checkStepIDs() -> [String: Int] {
        var index: [String: Int] = [:]
        for (offset, draft) in drafts.enumerated() {
            guard let id = draft.id else { continue }
            if let first = index[id] {
                reader.report(at: "\(draft.path).id", "duplicate step id '\(id)'", hint: "already used by \(drafts[first].path); step ids must be unique")
            } else {
                index[id] = offset
            }
        }
        return index
    }

    func checkReferences(_ stepIndex: [String: Int]) {
        let allSteps = Array(stepIndex.keys)
        for (offset, draft) in drafts.enumerated() {
            for reference in draft.after {
                guard let target = stepIndex[reference.id] else {
                    reader.report(at: reference.path, "unknown step '\(reference.id)'",
                        hint: Suggestion.closest(to: reference.id, among: allSteps).map { "did you mean '\($0)'?" })
                    continue
                }
                if target == offset {
                    reader.report(at: reference.path, "step '\(reference.id)' cannot come after itself")
                } else if drafts[target].group == offset {
                    reader.report(at: reference.path, "a oneOf group cannot come after its own alternative '\(reference.id)'",
                        hint: "remove it; the group is done when any alternative is")
                } else if let group = drafts[target].group, group != draft.group || draft.group == nil {
                    let groupID = drafts[group].id ?? "?"
                    reader.report(at: reference.path, "'\(reference.id)' is an alternative in the oneOf group '\(groupID)'",
                        hint: "refer to the group '\(groupID)' instead; it is done when any alternative is")
                } else if drafts[target].group != nil {
                    reader.report(at: reference.path, "alternatives of one group cannot depend on each other", hint: "only one of them is ever done")
                } else if let group = draft.group, target == group {
                    reader.report(at: reference.path, "an alternative cannot come after its own group")
                }
            }
            for (references, role) in [(draft.needs, "needs"), (draft.produces, "produces")] {
                for reference in references where factPaths[FactID(reference.id)] == nil {
                    reader.report(at: reference.path, "unknown fact '\(reference.id)'",
                        hint: Suggestion.closest(to: reference.id, among: facts.map(\.id.rawValue)).map { "did you mean '\($0)'?" }
                            ?? "declare it under 'facts:' before listing it in '\(role)'")
                }
            }
        }
    }

    mutating func checkConditions(_ factTypes: [FactID: FactType]) {
        for offset in drafts.indices {
            guard let source = drafts[offset].whenSource, let node = drafts[offset].whenNode else { continue }
            let path = "\(drafts[offset].path).when"
            // A condition over a fact whose own definition is broken cannot be typed; that fact's error says enough.
            if !Condition.mentionedFacts(in: source).isDisjoint(with: invalidFacts) { continue }
            do {
                let parsed = try Condition.parse(source)
                switch parsed.check(against: factTypes) {
                case .success(let condition):
                    drafts[offset].when = condition
                    if !condition.canHold(factTypes: factTypes) {
                        reader.report(at: path, "condition '\(condition)' can never hold", hint: "the step would never apply; fix the condition or remove the step")
                    }
                case .failure(let errors):
                    for error in errors { reportCondition(error, path: path, node: node) }
                }
            } catch {
                reportCondition(error, path: path, node: node)
            }
        }
    }

    private func reportCondition(_ error: ConditionError, path: String, node: Node) {
        reader.report(at: reader.position(ofValueOffset: error.range.lowerBound, in: node), path: path, error.message, hint: error.hint)
    }

    /// Reports cycles in `after` (and through oneOf groups), then the steps that wait on one.
    /// Returns the indices of steps that are in or behind a cycle.
    func checkCycles(_ stepIndex: [String: Int]) -> Set<Int> {
        // Edges point from a step to what must be done first; a group waits on its alternatives. References
        // between a group and its own alternatives are already reported as errors, so they make no cycle here.
        let edges: [[Int]] = drafts.enumerated().map { offset, draft in
            draft.after.compactMap { stepIndex[$0.id] }.filter { target in
                target != offset && drafts[target].group != offset && target != draft.group
                    && (draft.group == nil || drafts[target].group != draft.group)
            } + draft.alternatives
        }
        var state = [UInt8](repeating: 0, count: drafts.count)  // 0 new, 1 on the stack, 2 done
        var stack: [Int] = []
        var cycles: [[Int]] = []
        func visit(_ node: Int) {
            state[node] = 1
            stack.append(node)
            for next in edges[node] {
                if state[next] == 1, let start = stack.lastIndex(of: next) {
                    cycles.append(Array(stack[start...]))
                } else if state[next] == 0 {
                    visit(next)
                }
            }
            stack.removeLast()
            state[node] = 2
        }
        for node in drafts.indices where state[node] == 0 { visit(node) }

        var inCycle = Set<Int>()
        var reported = Set<Set<Int>>()
        for cycle in cycles where !cycle.contains(where: { drafts[$0].id == nil }) {
            let members = Set(cycle)
            inCycle.formUnion(members)
            guard members.count > 1, reported.insert(members).inserted else { continue }
            // Start the printed cycle at the step that comes first in the file, so the message is stable.
            let first = cycle.firstIndex(of: cycle.min()!)!
            let ordered = Array(cycle[first...] + cycle[..<first])
            let names = (ordered + [ordered[0]]).reversed().map { drafts[$0].id ?? "?" }
            let head = drafts[ordered[0]]
            reader.report(at: "\(head.path).\(head.after.isEmpty ? "id" : "after")", "steps form a cycle: \(names.joined(separator: " → "))",
                hint: "remove one of these 'after' references")
        }
        guard !inCycle.isEmpty else { return [] }
        var blocked = inCycle
        var changed = true
        while changed {
            changed = false
            for node in drafts.indices where !blocked.contains(node) && edges[node].contains(where: blocked.contains) {
                // A group with one alternative outside the cycle can still be done.
                if !drafts[node].alternatives.isEmpty, drafts[node].after.allSatisfy({ !blocked.contains(stepIndex[$0.id] ?? -1) }),
                    drafts[node].alternatives.contains(where: { !blocked.contains($0) })
                {
                    continue
                }
                blocked.insert(node)
                changed = true
                let waitsOn = edges[node].filter(blocked.contains).compactMap { drafts[$0].id }
                reader.report(at: "\(drafts[node].path).id", "step '\(drafts[node].id ?? "?")' can never be reached",
                    hint: "it waits on \(waitsOn.map { "'\($0)'" }.joined(separator: ", ")), which can never be done because of a cycle")
            }
        }
        return blocked
    }

    /// Every fact must be able to become known, and a fact that only steps produce must be produced
    /// before the steps whose conditions or needs read it.
    func checkFactsBecomeKnown(_ stepIndex: [String: Int], cyclic: Set<Int>) {
        var producers: [FactID: [Int]] = [:]
        for (offset, draft) in drafts.enumerated() {
            for fact in draft.produces { producers[FactID(fact.id), default: []].append(offset) }
        }
        var used = Set<FactID>()
        for draft in drafts {
            used.formUnion(draft.needs.map { FactID($0.id) })
            used.formUnion(draft.produces.map { FactID($0.id) })
            // From the text, so a condition with an error elsewhere still counts as using its facts, and a
            // misspelt fact (already reported with a suggestion) counts as a use of the fact it was meant to be.
            for mention in draft.whenSource.map(Condition.mentionedFacts(in:)) ?? [] {
                if factPaths[mention] != nil {
                    used.insert(mention)
                } else if let meant = Suggestion.closest(to: mention.rawValue, among: factPaths.keys.map(\.rawValue)) {
                    used.insert(FactID(meant))
                }
            }
        }
        for fact in facts {
            let path = factPaths[fact.id] ?? "facts"
            let name = factNames[fact.id]
            // A fact with a misspelt key (say 'aks' for 'ask') already has its error.
            if fact.ask == nil, fact.from.isEmpty, producers[fact.id] == nil {
                if !reader.pathsWithUnknownKeys.contains(path) {
                    reader.report(name, path, "fact '\(fact.id)' can never become known", hint: "add 'ask:', 'from:', or list it in a step's 'produces'")
                }
            } else if !used.contains(fact.id) {
                reader.report(name, path, "fact '\(fact.id)' is declared but no step uses it", hint: "use it in a condition, 'needs' or 'produces', or remove it",
                    severity: .warning)
            }
        }

        // What is surely done before a step starts: its own and its group's prerequisites, recursively; a group
        // among them stands for the alternative that was done, so its alternatives count too. A step's own
        // alternatives do not: a group's condition is decided before any of them.
        let prerequisites: [[Int]] = drafts.indices.map { offset in
            let own = drafts[offset].after.compactMap { stepIndex[$0.id] }
            let inherited = drafts[offset].group.map { group in drafts[group].after.compactMap { stepIndex[$0.id] } } ?? []
            return own + inherited
        }
        func ancestors(of start: Int) -> Set<Int> {
            var seen = Set<Int>()
            var queue = prerequisites[start]
            while let next = queue.popLast() {
                guard seen.insert(next).inserted else { continue }
                queue.append(contentsOf: prerequisites[next])
                queue.append(contentsOf: drafts[next].alternatives)
            }
            return seen
        }
        for (offset, draft) in drafts.enumerated() where !cyclic.contains(offset) {
            var reads: [(FactID, String)] = draft.needs.map { (FactID($0.id), $0.path) }
            reads += (draft.when?.referencedFacts ?? []).sorted().map { ($0, "\(draft.path).when") }
            let before = ancestors(of: offset)
            for (fact, path) in reads {
                guard let definition = facts.first(where: { $0.id == fact }), definition.ask == nil, definition.from.isEmpty,
                    let makers = producers[fact], !makers.contains(where: before.contains)
                else { continue }
                let names = makers.compactMap { drafts[$0].id }.map { "'\($0)'" }
                let fromOwnGroup = makers.allSatisfy { maker in drafts[maker].group == offset || (draft.group != nil && drafts[maker].group == draft.group) }
                if makers.contains(offset) {
                    reader.report(at: path, "step '\(draft.id ?? "?")' reads fact '\(fact)', which only it produces",
                        hint: "a step cannot depend on its own result; ask for the fact or produce it in an earlier step")
                } else if fromOwnGroup {
                    reader.report(at: path, "fact '\(fact)' is only produced by \(names.joined(separator: ", ")), an alternative of the same group",
                        hint: "alternatives are decided before any of them is done; ask for the fact or produce it in an earlier step")
                } else {
                    reader.report(at: path, "fact '\(fact)' is only produced by \(names.joined(separator: ", ")), which does not come before this step",
                        hint: "add \(names.joined(separator: " or ")) to 'after', or give the fact an 'ask:'")
                }
            }
        }
    }
}
