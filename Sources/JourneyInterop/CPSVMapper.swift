import JourneyModel
import JourneyRDF

/// Maps a CPSV-AP graph onto agencies and journeys, noting everything it cannot carry over.
struct CPSVMapper {
    var index: CPSVGraphIndex
    let file: String
    var agencies: [Agency] = []
    var journeys: [Journey] = []
    var warnings: [ImportWarning] = []
    /// Each imported public service's adapter service.
    var serviceIDs: [RDFTerm: ServiceID] = [:]
    /// Lookups facts name (`lotsen:from`), added to their agencies' adapters once every journey is read.
    var lookups: [(service: ServiceID, fact: FactID)] = []

    /// Where each term is first a subject, so imported steps keep the file's order.
    private let firstUses: [RDFTerm: Int]

    init(index: CPSVGraphIndex, file: String) {
        self.index = index
        self.file = file
        var firstUses: [RDFTerm: Int] = [:]
        for (offset, key) in index.graph.keys.enumerated() where firstUses[index.graph.term(key.subject)] == nil {
            firstUses[index.graph.term(key.subject)] = offset
        }
        self.firstUses = firstUses
    }

    mutating func warn(_ subject: RDFTerm, _ message: String) { warnings.append(ImportWarning(path: subject.description, message: message)) }

    mutating func map() throws(ImportError) {
        let services = index.subjects(ofType: CPSV.publicService)
        let events = Array(Set(index.subjects(ofType: CPSV.event) + index.subjects(ofType: CPSV.lifeEvent) + index.subjects(ofType: CPSV.businessEvent)))
            .sorted { firstUse($0) < firstUse($1) }
        guard !services.isEmpty || !events.isEmpty else {
            throw ImportError(.notCatalogue, file: file, message: "has no cpsv:PublicService and no life or business event",
                hint: "import a CPSV-AP catalogue: services typed http://purl.org/vocab/cpsv#PublicService")
        }
        mapAgencies(services)
        for event in events { if let journey = mapEvent(event) { journeys.append(journey) } }
        addLookups()
        if !services.isEmpty, events.isEmpty { warnings.append(ImportWarning(path: "", message: "no life or business event groups the services, so no journey was made; the agencies' services were imported")) }
        reportUnused()
    }

    /// Lookup services that facts are fetched from, added to their agency's adapter so the journey's `from:` resolves.
    private mutating func addLookups() {
        for (serviceID, fact) in lookups {
            guard let position = agencies.firstIndex(where: { $0.id == serviceID.agency }) else {
                warnings.append(ImportWarning(path: "", message: "fact '\(fact)' is looked up with '\(serviceID)', but the file names no agency '\(serviceID.agency)'; add its adapter"))
                continue
            }
            let agency = agencies[position]
            var services = agency.services
            let mapping = FieldMapping(fact: fact, field: fact.rawValue)
            if let existing = services.firstIndex(where: { $0.id == serviceID }) {
                let service = services[existing]
                guard !service.returns.contains(mapping) else { continue }
                services[existing] = AgencyService(id: service.id, kind: .lookup, title: service.title, link: service.link, returns: service.returns + [mapping])
            } else {
                services.append(AgencyService(id: serviceID, kind: .lookup, title: LocalizedText(serviceID.name), returns: [mapping]))
                warnings.append(ImportWarning(path: "", message: "added the lookup '\(serviceID)' for fact '\(fact)' (lotsen:from); its title and field name are guesses"))
            }
            agencies[position] = Agency(id: agency.id, name: agency.name, website: agency.website, services: services)
        }
    }

    /// Where `term` is first a subject (never: last).
    func firstUse(_ term: RDFTerm) -> Int { firstUses[term] ?? Int.max }

    // MARK: Agencies

    private mutating func mapAgencies(_ services: [RDFTerm]) {
        var byAuthority: [RDFTerm: [RDFTerm]] = [:]
        var order: [RDFTerm] = []
        for service in services {
            guard let authority = index.objects(service, CPSV.hasCompetentAuthority).first else {
                warn(service, "has no competent authority (cv:hasCompetentAuthority), so it belongs to no agency and was not imported as a service")
                continue
            }
            if byAuthority[authority] == nil { order.append(authority) }
            byAuthority[authority, default: []].append(service)
        }
        var assumedKind = false
        for authority in order {
            var id = CPSVMapper.slug(index.name(authority), kind: "agency", fallback: "agency-\(agencies.count + 1)")
            while agencies.contains(where: { $0.id.rawValue == id }) { id += "-2" }
            var names = index.texts(authority, CPSV.prefLabel)
            if names.isEmpty { names = index.texts(authority, CPSV.foaf + "name") }
            if names.isEmpty { names = index.texts(authority, CPSV.title) }
            let name = CPSVGraphIndex.localized(names, Language.authoring) ?? LocalizedText(id)
            if names.isEmpty { warn(authority, "has no name (skos:prefLabel); the agency is called '\(id)'") }
            _ = index.objects(authority, RDF.type)
            _ = index.objects(authority, CPSV.spatial)
            var website = index.iri(authority, CPSV.homepage)
            if website.map(CPSVMapper.isHTTPSLink) != true {
                website = authority.iriValue.flatMap { CPSVMapper.isHTTPSLink($0) ? $0 : nil }
                warn(authority, website == nil ? "has no https:// homepage (foaf:homepage); fill in the adapter's website"
                    : "has no homepage (foaf:homepage); its IRI stands in as the adapter's website")
            }
            var agencyServices: [AgencyService] = []
            for service in byAuthority[authority]! {
                var name = Slug.make(index.name(service), fallback: "service-\(agencyServices.count + 1)")
                if let lotsen = index.string(service, CPSV.adapterService), ServiceID(lotsen).agency.rawValue == id { name = ServiceID(lotsen).name }
                while agencyServices.contains(where: { $0.id.name == name }) { name += "-2" }
                let serviceID = ServiceID(agency: AgencyID(id), name: name)
                serviceIDs[service] = serviceID
                let title = CPSVGraphIndex.localized(index.texts(service, CPSV.title), Language.authoring) ?? LocalizedText(name)
                agencyServices.append(AgencyService(id: serviceID, kind: .application, title: title, link: channelPages(service).first))
                assumedKind = true
            }
            agencies.append(Agency(id: AgencyID(id), name: name, website: website ?? "", services: agencyServices))
        }
        if assumedKind {
            warnings.append(ImportWarning(path: "", message: "every service is imported as kind: application (CPSV-AP does not say whether a service looks facts up or opens a case); add what each sends and returns to its adapter"))
        }
    }

    /// A kebab-case id for a resource of `kind` (agency, journey): a name that starts with a digit gets the kind in front.
    static func slug(_ name: String, kind: String, fallback: String) -> String {
        let slug = Slug.make(name, fallback: fallback)
        return slug.hasPrefix("step-") && !name.lowercased().hasPrefix("step") ? kind + "-" + slug.dropFirst(5) : slug
    }

    /// An absolute https link with a host, as journey and adapter files take them.
    static func isHTTPSLink(_ text: String) -> Bool {
        guard text.hasPrefix("https://"), !text.contains(where: { $0.isWhitespace }) else { return false }
        let host = text.dropFirst(8).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !host.contains("@")
    }

    /// The https pages of a service's channels, in order.
    mutating func channelPages(_ service: RDFTerm) -> [String] {
        index.objects(service, CPSV.hasChannel).compactMap { channel in index.iri(channel, CPSV.page) }.filter(CPSVMapper.isHTTPSLink)
    }
}
