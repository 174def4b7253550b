import JourneyRDF

/// The vocabularies CPSV-AP 3.2 and CCCEV 2 are written in, and Lotsen's own terms for what they have no word for.
public enum CPSV {
    public static let cpsv = "http://purl.org/vocab/cpsv#"
    public static let cv = "http://data.europa.eu/m8g/"
    public static let dct = "http://purl.org/dc/terms/"
    public static let skos = "http://www.w3.org/2004/02/skos/core#"
    public static let foaf = "http://xmlns.com/foaf/0.1/"
    public static let owl = "http://www.w3.org/2002/07/owl#"
    /// Lotsen's extension terms (documented in docs/interop.md): what a journey says that CPSV-AP cannot.
    public static let lotsen = "https://lotsen.se/ns#"

    /// The prefixes Lotsen writes CPSV-AP with, in Turtle and as the JSON-LD context.
    public static let prefixes: [(prefix: String, namespace: String)] = [
        ("cpsv", cpsv), ("cv", cv), ("dct", dct), ("skos", skos), ("foaf", foaf), ("owl", owl), ("xsd", XSD.ns), ("rdf", RDF.ns),
        ("lotsen", lotsen),
    ]

    static let publicService = cpsv + "PublicService"
    static let publicOrganisation = cv + "PublicOrganisation"
    static let event = cv + "Event"
    static let lifeEvent = cv + "LifeEvent"
    static let businessEvent = cv + "BusinessEvent"
    static let requirement = cv + "Requirement"
    static let constraint = cv + "Constraint"
    static let informationConcept = cv + "InformationConcept"
    static let cost = cv + "Cost"
    static let channel = cv + "Channel"
    static let output = cv + "Output"
    static let concept = skos + "Concept"
    static let location = dct + "Location"
    static let document = foaf + "Document"

    static let identifier = dct + "identifier"
    static let title = dct + "title"
    static let description = dct + "description"
    static let type = dct + "type"
    static let requires = dct + "requires"
    static let spatial = dct + "spatial"
    static let prefLabel = skos + "prefLabel"
    static let notation = skos + "notation"
    static let hasCompetentAuthority = cv + "hasCompetentAuthority"
    static let hasRelatedService = cv + "hasRelatedService"
    static let isGroupedBy = cv + "isGroupedBy"
    static let holdsRequirement = cv + "holdsRequirement"
    static let hasConcept = cv + "hasConcept"
    static let constrains = cv + "constrains"
    static let processingTime = cv + "processingTime"
    static let hasCost = cv + "hasCost"
    static let hasChannel = cv + "hasChannel"
    static let produces = cpsv + "produces"
    static let homepage = foaf + "homepage"
    static let page = foaf + "page"
    static let versionInfo = owl + "versionInfo"

    /// Lotsen terms.
    static let optional = lotsen + "optional"
    static let alternativeOf = lotsen + "alternativeOf"
    static let condition = lotsen + "condition"
    static let factType = lotsen + "factType"
    static let option = lotsen + "option"
    static let question = lotsen + "question"
    static let from = lotsen + "from"
    static let definition = skos + "definition"
    static let adapterService = lotsen + "adapterService"
    static let linkKind = lotsen + "linkKind"
    static let selfService = lotsen + "SelfServiceStep"

    /// Sweden, from the EU Publications Office's country authority table.
    static let sweden = "http://publications.europa.eu/resource/authority/country/SWE"
}
