import Yams

/// Reading the `steps` list: each step's fields, its links and its alternatives.
extension JourneyFileParser {
    mutating func parseStep(_ node: Node, _ path: String, group: Int?) {
        guard let fields = reader.mapping(node, path, keys: JourneyLoader.stepKeys, required: ["id", "title"], what: "a step") else { return }
        var draft = StepDraft(path: path)
        var submitted: AgencyService?
        draft.group = group
        draft.id = fields["id"].flatMap { reader.string($0, "\(path).id", what: "a step id") }
        if let id = draft.id { reader.stablePrefixes[path] = "steps.\(id)" }
        if let id = draft.id, !IdentifierRules.isKebabCase(id) {
            reader.report(at: "\(path).id", "step id '\(id)' is not kebab-case", hint: "use lower-case letters, digits and hyphens, such as 'residence-permit'")
        }
        draft.title = fields["title"].flatMap { reader.text($0, "\(path).title") }
        draft.summary = fields["summary"].flatMap { reader.text($0, "\(path).summary") }
        if let raw = fields["service"].flatMap({ reader.string($0, "\(path).service", what: "a service") }) {
            draft.service = ServiceID(raw)
            submitted = checkService(ServiceID(raw), at: "\(path).service", expecting: nil).flatMap { $0.isSubmittable ? $0 : nil }
        }
        draft.forEach = fields["forEach"].map { parseForEach($0, "\(path).forEach") } ?? []
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
        if let node = fields["link"] { (draft.link, draft.englishLink) = parseLink(node, "\(path).link") }
        if let node = fields["links"] { draft.links = parseLinks(node, "\(path).links") }
        if let raw = fields["processingTime"].flatMap({ reader.string($0, "\(path).processingTime", what: "a duration") }) {
            draft.processingTime = ISODuration(raw)
            if draft.processingTime == nil {
                reader.report(at: "\(path).processingTime", "'\(raw)' is not an ISO 8601 duration", hint: "such as P2W (two weeks), P3M (three months) or P1DT12H")
            }
        }
        if let node = fields["due"] { parseDue(node, "\(path).due", into: &draft) }
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

    /// A step's page: one `https://` address, or the Swedish and the English page (`{ sv: …, en: … }`) where the agency has
    /// both, so a reader who does not read Swedish is sent to the English one.
    func parseLink(_ node: Node, _ path: String) -> (String?, String?) {
        func address(_ node: Node, _ path: String) -> String? {
            guard let link = reader.string(node, path, what: "a link") else { return nil }
            guard IdentifierRules.isHTTPSLink(link) else {
                reader.report(at: path, "'\(link)' is not an https:// link", hint: "write the full address of the official page")
                return nil
            }
            return link
        }
        guard node.mapping != nil else { return (address(node, path), nil) }
        guard let fields = reader.mapping(node, path, keys: ["sv", "en"], required: ["sv", "en"], what: "a link in Swedish and English") else { return (nil, nil) }
        let swedish = fields["sv"].flatMap { address($0, "\(path).sv") }
        let english = fields["en"].flatMap { address($0, "\(path).en") }
        if let swedish, swedish == english {
            reader.report(at: "\(path).en", "the English page is the Swedish one", hint: "write the one address as 'link: \(swedish)'", severity: .warning)
        }
        return (swedish, english)
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
