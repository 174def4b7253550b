import JourneyModel
import JourneyRDF

/// A journey as CPSV-AP 3.2 with CCCEV: the journey is the life or business event, each step done with an agency
/// service a `cpsv:PublicService` of its agency (`cv:PublicOrganisation`), each step the person does on their own a
/// CCCEV requirement of the services after it. See docs/interop.md for the mapping and what it loses.
public struct CPSVExporter {
    /// Where the exported resources' IRIs start, ending in `/`.
    public let base: String
    let catalog: AgencyCatalog

    public static let defaultBase = "https://lotsen.se/id/"

    public init(catalog: AgencyCatalog, base: String = CPSVExporter.defaultBase) {
        self.catalog = catalog
        self.base = base.hasSuffix("/") ? base : base + "/"
    }

    /// The journey's graph.
    public func graph(for journey: Journey) -> RDFGraph {
        // CPSV-AP has no household: a step repeated for each member is one public service, as the file declares it.
        let journey = journey.asDeclared
        var graph = RDFGraph()
        let event = journeyIRI(journey)
        let languages = journey.languages

        graph.insert(event, RDF.type, .iri(CPSV.event))
        if let lifeEvent = journey.lifeEvent {
            graph.insert(event, RDF.type, .iri(lifeEvent.isBusinessEvent ? CPSV.businessEvent : CPSV.lifeEvent))
            let code = lifeEventIRI(lifeEvent)
            graph.insert(event, CPSV.type, code)
            graph.insert(code, RDF.type, .iri(CPSV.concept))
            graph.insert(code, CPSV.notation, .string(lifeEvent.rawValue))
            texts(lifeEvent.title, languages, code, CPSV.prefLabel, &graph)
        }
        graph.insert(event, CPSV.identifier, .string(journey.id.rawValue))
        texts(journey.title, languages, event, CPSV.title, &graph)
        texts(journey.summary, languages, event, CPSV.description, &graph)
        graph.insert(event, CPSV.versionInfo, .typed(String(journey.version), XSD.integer))

        for step in journey.steps { exportStep(step, of: journey, event: event, into: &graph) }
        for fact in journey.facts { exportFact(fact, of: journey, into: &graph) }
        return graph
    }

    /// The journey as Turtle.
    public func turtle(for journey: Journey) -> String {
        "# \(journey.id) as CPSV-AP 3.2 with CCCEV, exported by Lotsen (lotsen export cpsv).\n"
            + TurtleSerializer(prefixes: CPSV.prefixes).serialize(graph(for: journey))
    }

    /// The journey as JSON-LD 1.1.
    public func jsonLD(for journey: Journey) -> String {
        JSONLDSerializer(prefixes: CPSV.prefixes).serialize(graph(for: journey))
    }

    // MARK: Steps

    /// A step with a service is a public service; any other step (done on one's own, or a choice of alternatives)
    /// is a requirement the services after it hold.
    private func exportStep(_ step: StepDefinition, of journey: Journey, event: RDFTerm, into graph: inout RDFGraph) {
        let node = stepIRI(step.id, of: journey)
        let languages = journey.languages
        if let serviceID = step.service, let agency = catalog.agency(serviceID.agency) {
            graph.insert(node, RDF.type, .iri(CPSV.publicService))
            graph.insert(event, CPSV.hasRelatedService, node)
            graph.insert(node, CPSV.isGroupedBy, event)
            graph.insert(node, CPSV.hasCompetentAuthority, exportAgency(agency, languages: languages, into: &graph))
            graph.insert(node, CPSV.adapterService, .string(serviceID.rawValue))
        } else {
            graph.insert(node, RDF.type, .iri(CPSV.requirement))
            graph.insert(node, CPSV.type, .iri(CPSV.selfService))
            graph.insert(.iri(CPSV.selfService), RDF.type, .iri(CPSV.concept))
            texts(LocalizedText(sv: "Något personen gör på egen hand", en: "Something the person does on their own"), languages, .iri(CPSV.selfService),
                CPSV.prefLabel, &graph)
            graph.insert(event, CPSV.holdsRequirement, node)
        }
        graph.insert(node, CPSV.identifier, .string(step.id.rawValue))
        texts(step.title, languages, node, CPSV.title, &graph)
        // CPSV-AP requires a description of every service; a step without a summary is described by its title.
        texts(step.summary ?? step.title, languages, node, CPSV.description, &graph)
        if step.optional { graph.insert(node, CPSV.optional, .typed("true", XSD.boolean)) }
        if let group = step.group { graph.insert(node, CPSV.alternativeOf, stepIRI(group, of: journey)) }

        for prerequisite in step.after {
            let isService = journey.step(prerequisite).map { $0.service != nil && catalog.agency($0.service!.agency) != nil } ?? false
            // dct:requires is for services only; a step done on one's own is a requirement held.
            graph.insert(node, isService ? CPSV.requires : CPSV.holdsRequirement, stepIRI(prerequisite, of: journey))
        }
        if let condition = step.when { exportCondition(condition, step: step, of: journey, node: node, into: &graph) }
        if !step.needs.isEmpty {
            let needs = RDFTerm.iri(node.iriValue! + "/needs")
            graph.insert(node, CPSV.holdsRequirement, needs)
            graph.insert(needs, RDF.type, .iri(CPSV.requirement))
            graph.insert(needs, CPSV.identifier, .string("\(step.id)/needs"))
            texts(LocalizedText(sv: "Uppgifter som behövs", en: "Information needed"), languages, needs, CPSV.title, &graph)
            for fact in step.needs { graph.insert(needs, CPSV.hasConcept, factIRI(fact, of: journey)) }
        }
        for fact in step.produces {
            let output = RDFTerm.iri(node.iriValue! + "/produces/" + fact.rawValue)
            graph.insert(node, CPSV.produces, output)
            graph.insert(output, RDF.type, .iri(CPSV.output))
            graph.insert(output, CPSV.identifier, .string("\(step.id)/produces/\(fact)"))
            texts(factLabel(fact, in: journey), languages, output, CPSV.title, &graph)
            graph.insert(output, CPSV.hasConcept, factIRI(fact, of: journey))
        }
        if let time = step.processingTime { graph.insert(node, CPSV.processingTime, .typed(time.description, XSD.duration)) }
        if let cost = step.cost {
            let costNode = RDFTerm.iri(node.iriValue! + "/cost")
            graph.insert(node, CPSV.hasCost, costNode)
            graph.insert(costNode, RDF.type, .iri(CPSV.cost))
            graph.insert(costNode, CPSV.identifier, .string("\(step.id)/cost"))
            texts(cost, languages, costNode, CPSV.description, &graph)
        }
        if let link = step.link { exportChannel(index: 0, url: link, title: nil, cost: nil, kind: nil, step: step, node: node, languages: languages, into: &graph) }
        for (index, link) in step.links.enumerated() {
            exportChannel(index: index + 1, url: link.url, title: link.title, cost: link.cost, kind: link.kind, step: step, node: node, languages: languages,
                into: &graph)
        }
    }

    /// A link: a channel with a page (`link`, index 0, or one of `links`).
    private func exportChannel(
        index: Int, url: String, title: LocalizedText?, cost: LocalizedText?, kind: StepLink.Kind?, step: StepDefinition, node: RDFTerm,
        languages: [Language], into graph: inout RDFGraph
    ) {
        let channel = RDFTerm.iri(node.iriValue! + "/channels/\(index)")
        graph.insert(node, CPSV.hasChannel, channel)
        graph.insert(channel, RDF.type, .iri(CPSV.channel))
        graph.insert(channel, CPSV.identifier, .string("\(step.id)/channels/\(index)"))
        graph.insert(channel, CPSV.page, .iri(url))
        graph.insert(.iri(url), RDF.type, .iri(CPSV.document))
        if let title { texts(title, languages, channel, CPSV.description, &graph) }
        if let kind { graph.insert(channel, CPSV.linkKind, .string(kind.rawValue)) }
        if let cost {
            let costNode = RDFTerm.iri(channel.iriValue! + "/cost")
            graph.insert(node, CPSV.hasCost, costNode)
            graph.insert(costNode, RDF.type, .iri(CPSV.cost))
            graph.insert(costNode, CPSV.identifier, .string("\(step.id)/channels/\(index)/cost"))
            texts(cost, languages, costNode, CPSV.description, &graph)
            graph.insert(costNode, CPSV.cv + "ifAccessedThrough", channel)
        }
    }

    /// A `when` condition: a CCCEV constraint on the information concepts of the facts it reads, its expression kept.
    private func exportCondition(_ condition: Condition, step: StepDefinition, of journey: Journey, node: RDFTerm, into graph: inout RDFGraph) {
        let constraint = RDFTerm.iri(node.iriValue! + "/condition")
        graph.insert(node, CPSV.holdsRequirement, constraint)
        graph.insert(constraint, RDF.type, .iri(CPSV.constraint))
        graph.insert(constraint, RDF.type, .iri(CPSV.requirement))
        graph.insert(constraint, CPSV.identifier, .string("\(step.id)/condition"))
        texts(LocalizedText(sv: "Gäller när: \(condition.source)", en: "Applies when: \(condition.source)"), journey.languages, constraint, CPSV.title, &graph)
        graph.insert(constraint, CPSV.condition, .string(condition.source))
        for fact in condition.referencedFacts.sorted() { graph.insert(constraint, CPSV.constrains, factIRI(fact, of: journey)) }
    }

    private func exportFact(_ fact: FactDefinition, of journey: Journey, into graph: inout RDFGraph) {
        let node = factIRI(fact.id, of: journey)
        graph.insert(node, RDF.type, .iri(CPSV.informationConcept))
        graph.insert(node, CPSV.identifier, .string(fact.id.rawValue))
        texts(factLabel(fact.id, in: journey), journey.languages, node, CPSV.prefLabel, &graph)
        graph.insert(node, CPSV.factType, .string(fact.type.keyword))
        if let ask = fact.ask { texts(ask, journey.languages, node, CPSV.question, &graph) }
        if let help = fact.help { texts(help, journey.languages, node, CPSV.definition, &graph) }
        for service in fact.from { graph.insert(node, CPSV.from, .string(service.rawValue)) }
        // A choice's options, so an import can ask the same question.
        for option in fact.type.options {
            let optionNode = RDFTerm.iri(node.iriValue! + "/options/" + option.value)
            graph.insert(node, CPSV.option, optionNode)
            graph.insert(optionNode, RDF.type, .iri(CPSV.concept))
            graph.insert(optionNode, CPSV.notation, .string(option.value))
            texts(option.label, journey.languages, optionNode, CPSV.prefLabel, &graph)
        }
    }

    private func exportAgency(_ agency: Agency, languages: [Language], into graph: inout RDFGraph) -> RDFTerm {
        let node = RDFTerm.iri(base + "agencies/" + agency.id.rawValue)
        graph.insert(node, RDF.type, .iri(CPSV.publicOrganisation))
        graph.insert(node, CPSV.identifier, .string(agency.id.rawValue))
        texts(agency.name, languages, node, CPSV.prefLabel, &graph)
        graph.insert(node, CPSV.spatial, .iri(CPSV.sweden))
        graph.insert(.iri(CPSV.sweden), RDF.type, .iri(CPSV.location))
        graph.insert(node, CPSV.homepage, .iri(agency.website))
        return node
    }

    // MARK: Names

    func journeyIRI(_ journey: Journey) -> RDFTerm { .iri(base + "journeys/" + journey.id.rawValue) }

    func stepIRI(_ step: StepID, of journey: Journey) -> RDFTerm { .iri(base + "journeys/\(journey.id)/steps/\(step)") }

    func factIRI(_ fact: FactID, of journey: Journey) -> RDFTerm { .iri(base + "journeys/\(journey.id)/facts/\(fact)") }

    func lifeEventIRI(_ event: LifeEvent) -> RDFTerm { .iri(base + "life-events/" + event.rawValue) }

    private func factLabel(_ fact: FactID, in journey: Journey) -> LocalizedText {
        guard let definition = journey.fact(fact) else { return LocalizedText(fact.rawValue) }
        return definition.label ?? definition.ask ?? LocalizedText(fact.rawValue)
    }

    /// Each of the journey's languages' text, tagged with its language.
    private func texts(_ text: LocalizedText, _ languages: [Language], _ subject: RDFTerm, _ predicate: String, _ graph: inout RDFGraph) {
        for language in languages { graph.insert(subject, predicate, .text(text[language], language: language.rawValue)) }
    }
}
