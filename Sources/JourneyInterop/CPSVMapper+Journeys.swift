import JourneyModel
import JourneyRDF

/// Life and business events as journeys: their services and Lotsen's own requirement steps as steps.
extension CPSVMapper {
    mutating func mapEvent(_ event: RDFTerm) -> Journey? {
        var id = CPSVMapper.slug(index.name(event), kind: "journey", fallback: "imported-journey")
        while journeys.contains(where: { $0.id.rawValue == id }) { id += "-2" }
        let titles = index.texts(event, CPSV.title)
        var languages = Language.authoring.filter { titles[$0.rawValue] != nil }
        if languages.isEmpty {
            languages = [.en]
            if let other = titles.keys.sorted().first { warn(event, "has no Swedish or English title; the '\(other.isEmpty ? "untagged" : other)' texts stand in for English") }
        }
        let title = CPSVGraphIndex.localized(titles, languages) ?? LocalizedText(id)
        let summary = CPSVGraphIndex.localized(index.texts(event, CPSV.description), languages) ?? title
        var lifeEvent: LifeEvent?
        for type in index.objects(event, CPSV.type) {
            if let code = index.string(type, CPSV.notation), let known = LifeEvent(rawValue: code) { lifeEvent = known }
            _ = index.texts(type, CPSV.prefLabel)
            _ = index.objects(type, RDF.type)
        }
        if lifeEvent == nil { warn(event, "names no life event Lotsen knows (dct:type with a skos:notation such as 'residence'); the journey has none") }
        let version = index.string(event, CPSV.versionInfo).flatMap { Int($0) } ?? 1

        // Members: related services, services grouped by the event, and steps done on one's own.
        var members = index.objects(event, CPSV.hasRelatedService)
        // CPSV-AP-NO (and CPSV-AP 2) relate services to events with dct:relation.
        for related in index.objects(event, CPSV.dct + "relation") where index.isA(related, CPSV.publicService) && !members.contains(related) {
            members.append(related)
        }
        for service in index.subjects(ofType: CPSV.publicService) where index.objects(service, CPSV.isGroupedBy).contains(event) && !members.contains(service) {
            members.append(service)
        }
        for requirement in index.objects(event, CPSV.holdsRequirement) where !members.contains(requirement) {
            if index.objects(requirement, CPSV.type).contains(.iri(CPSV.selfService)) {
                members.append(requirement)
            } else {
                warn(requirement, "is a requirement of the whole event, which a journey cannot hold; it was not imported")
            }
        }
        members.sort { firstUse($0) < firstUse($1) }
        guard !members.isEmpty else {
            warn(event, "groups no public service described in this file, so no journey was made for it")
            return nil
        }
        var stepIDs: [RDFTerm: StepID] = [:]
        for member in members {
            var stepID = Slug.make(index.name(member), fallback: "step-\(stepIDs.count + 1)")
            while stepIDs.values.contains(StepID(stepID)) { stepID += "-2" }
            stepIDs[member] = StepID(stepID)
        }
        var facts: [FactID: FactDefinition] = [:]
        var factOrder: [FactID] = []
        func fact(_ concept: RDFTerm, _ mapper: inout CPSVMapper) -> FactID {
            let id = FactID(mapper.index.name(concept))
            if facts[id] == nil {
                facts[id] = mapper.factDefinition(concept, id: id, languages: languages)
                factOrder.append(id)
            }
            return id
        }
        for concept in index.subjects(ofType: CPSV.informationConcept) { _ = fact(concept, &self) }
        let factTypes = facts.mapValues(\.type)

        var steps: [StepDefinition] = []
        for member in members {
            steps.append(mapStep(member, id: stepIDs[member]!, stepIDs: stepIDs, languages: languages, factTypes: factTypes) { concept, mapper in fact(concept, &mapper) })
        }
        // Groups get their alternatives from the steps that name them.
        steps = steps.map { step in
            let alternatives = steps.filter { $0.group == step.id }.map(\.id)
            guard !alternatives.isEmpty else { return step }
            return StepDefinition(id: step.id, title: step.title, summary: step.summary, service: step.service, after: step.after, when: step.when,
                needs: step.needs, produces: step.produces, optional: step.optional, cost: step.cost, link: step.link, links: step.links,
                processingTime: step.processingTime, alternatives: alternatives, group: step.group)
        }
        return Journey(id: JourneyID(id), version: version, lifeEvent: lifeEvent, title: title, summary: summary,
            facts: factOrder.compactMap { facts[$0] }, steps: steps, languages: languages)
    }

    mutating func factDefinition(_ concept: RDFTerm, id: FactID, languages: [Language]) -> FactDefinition {
        let label = CPSVGraphIndex.localized(index.texts(concept, CPSV.prefLabel), languages)
        var options: [ChoiceOption] = []
        for option in index.objects(concept, CPSV.option) {
            guard let value = index.string(option, CPSV.notation) else { continue }
            _ = index.objects(option, RDF.type)
            options.append(ChoiceOption(value: value, label: CPSVGraphIndex.localized(index.texts(option, CPSV.prefLabel), languages) ?? LocalizedText(value)))
        }
        let type: FactType
        switch index.string(concept, CPSV.factType) {
        case "bool": type = .bool
        case "number": type = .number
        case "date": type = .date
        case "country": type = .country
        case "choice" where !options.isEmpty: type = .choice(options)
        case "personnummer": type = .personnummer
        case "organisationsnummer": type = .organisationsnummer
        case "text": type = .text
        default:
            type = .text
            warn(concept, "does not say what kind of value it holds (lotsen:factType); it is imported as text")
        }
        let ask = CPSVGraphIndex.localized(index.texts(concept, CPSV.question), languages)
        let help = CPSVGraphIndex.localized(index.texts(concept, CPSV.definition), languages)
        let from = index.objects(concept, CPSV.from).compactMap(\.literalValue).map { ServiceID($0.lexical) }
        lookups += from.map { ($0, id) }
        if ask == nil, from.isEmpty, index.string(concept, CPSV.factType) != nil {
            warn(concept, "has no question (lotsen:question) and no lookup; unless a step produces it, add 'ask:' to the fact")
        }
        return FactDefinition(id: id, type: type, label: label, ask: ask, help: help, from: from)
    }

    /// One step: a public service, or a requirement done on one's own.
    mutating func mapStep(
        _ node: RDFTerm, id: StepID, stepIDs: [RDFTerm: StepID], languages: [Language], factTypes: [FactID: FactType],
        fact: (RDFTerm, inout CPSVMapper) -> FactID
    ) -> StepDefinition {
        _ = index.objects(node, RDF.type)
        _ = index.objects(node, CPSV.type)
        _ = index.objects(node, CPSV.isGroupedBy)
        _ = index.objects(node, CPSV.hasCompetentAuthority)
        _ = index.objects(node, CPSV.adapterService)
        _ = index.objects(node, CPSV.identifier)
        let title = CPSVGraphIndex.localized(index.texts(node, CPSV.title), languages) ?? LocalizedText(id.rawValue)
        let description = CPSVGraphIndex.localized(index.texts(node, CPSV.description), languages)
        var after: [StepID] = []
        for prerequisite in index.objects(node, CPSV.requires) {
            if let step = stepIDs[prerequisite] { after.append(step) } else { warn(node, "requires \(prerequisite), which is not a step of this event; the prerequisite was not imported") }
        }
        var when: Condition?
        var needs: [FactID] = []
        for requirement in index.objects(node, CPSV.holdsRequirement) {
            if let step = stepIDs[requirement] {
                after.append(step)
            } else if let source = index.string(requirement, CPSV.condition) {
                switch Condition.compile(source, facts: factTypes) {
                case .success(let condition): when = condition
                case .failure(let errors): warn(requirement, "the condition '\(source)' does not compile (\(errors)); it was not imported")
                }
                markRead(requirement)
            } else if !index.objects(requirement, CPSV.hasConcept).isEmpty {
                needs += index.objects(requirement, CPSV.hasConcept).map { fact($0, &self) }
                markRead(requirement)
            } else {
                let name = CPSVGraphIndex.localized(index.texts(requirement, CPSV.title), languages)?.en ?? requirement.description
                warn(requirement, "the requirement '\(name)' of step '\(id)' is a rule Lotsen cannot check; it was not imported (say it in the step's summary, or as a condition over facts)")
            }
        }
        var produces: [FactID] = []
        for output in index.objects(node, CPSV.produces) {
            let concepts = index.objects(output, CPSV.hasConcept)
            if concepts.isEmpty { warn(output, "is an output that is not a fact Lotsen knows; it was not imported") }
            produces += concepts.map { fact($0, &self) }
            markRead(output)
        }
        var processingTime: ISODuration?
        if let text = index.string(node, CPSV.processingTime) {
            processingTime = ISODuration(text)
            if processingTime == nil { warn(node, "the processing time '\(text)' is not a duration Lotsen reads (such as P4W); it was not imported") }
        }
        var link: String?
        var links: [StepLink] = []
        var stepCost: LocalizedText?
        var linkCosts: [RDFTerm: LocalizedText] = [:]
        for cost in index.objects(node, CPSV.hasCost) {
            let text = CPSVGraphIndex.localized(index.texts(cost, CPSV.description), languages)
                ?? index.string(cost, CPSV.cv + "hasValue").map { LocalizedText($0 + (index.iri(cost, CPSV.cv + "currency").map { " " + ($0.split(separator: "/").last.map(String.init) ?? "") } ?? "")) }
            markRead(cost)
            if let channel = index.objects(cost, CPSV.cv + "ifAccessedThrough").first { linkCosts[channel] = text } else { stepCost = text }
        }
        for channel in index.objects(node, CPSV.hasChannel) {
            markRead(channel)
            guard let page = index.iri(channel, CPSV.page), CPSVMapper.isHTTPSLink(page) else {
                warn(channel, "is a channel without an https:// page (foaf:page); it was not imported")
                continue
            }
            let name = CPSVGraphIndex.localized(index.texts(channel, CPSV.description), languages)
            if name == nil, link == nil, linkCosts[channel] == nil {
                link = page
            } else {
                let kind = index.string(channel, CPSV.linkKind).flatMap(StepLink.Kind.init(rawValue:)) ?? .required
                links.append(StepLink(title: name ?? LocalizedText(page), url: page, cost: linkCosts[channel], kind: kind))
            }
        }
        let optional = index.string(node, CPSV.optional) == "true"
        let group = index.objects(node, CPSV.alternativeOf).first.flatMap { stepIDs[$0] }
        return StepDefinition(id: id, title: title, summary: description == title ? nil : description, service: serviceIDs[node], after: after,
            when: when, needs: needs, produces: produces, optional: optional, cost: stepCost, link: link, links: links,
            processingTime: processingTime, group: group)
    }

    /// Marks every statement about `node` read: the importer took what it could from it.
    mutating func markRead(_ node: RDFTerm) {
        for statement in index.statements(of: node) { _ = index.objects(node, statement.predicate) }
    }

    /// One warning for the statements no part of the import read, by predicate.
    mutating func reportUnused() {
        // The type of a value taken (a page, a place, a code) and Lotsen's own vocabulary lose nothing by staying behind.
        let values = Set(index.used.map(\.object))
        var counts: [String: Int] = [:]
        for triple in index.graph.triples where !index.used.contains(triple) {
            if triple.predicate == .iri(RDF.type), values.contains(triple.subject) { continue }
            if triple.subject.iriValue?.hasPrefix(CPSV.lotsen) == true { continue }
            counts[triple.predicate.iriValue ?? "", default: 0] += 1
        }
        guard !counts.isEmpty else { return }
        let listed = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(12).map { "\($0.key) (\($0.value))" }
        warnings.append(ImportWarning(path: "", message: "\(counts.values.reduce(0, +)) statements have no place in Lotsen's files and were not imported: "
            + listed.joined(separator: ", ") + (counts.count > 12 ? ", …" : "")))
    }
}
