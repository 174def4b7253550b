import Yams

/// Reads a journey file into a validated ``Journey``, reporting every problem in one pass, compiler style.
///
/// Parsing and the checks that need the whole file (references, conditions, the step graph) run even when
/// earlier parts had errors, so an author sees everything at once; a `Journey` is returned only when
/// there are no errors.
public enum JourneyLoader {
    static let topKeys = ["id", "version", "lifeEvent", "languages", "title", "summary", "household", "facts", "steps", "offeredBy", "migrations"]
    static let optionalTopKeys: Set<String> = ["facts", "lifeEvent", "languages", "household", "offeredBy", "migrations"]
    static let factKeys = ["type", "label", "ask", "askEach", "help", "options", "from", "min", "max", "whole", "maxLength", "forEach"]
    static let stepKeys = ["id", "title", "summary", "service", "forEach", "after", "when", "needs", "produces", "optional", "cost", "link",
        "processingTime", "due", "oneOf", "links"]
    static let householdKeys = ["label", "when", "count"]
    static let dueKeys = ["within", "from"]
    static let linkKeys = ["title", "url", "cost", "kind"]
    static let offerKeys = ["agency", "event", "proves", "when", "lasts"]
    static let migrationKeys = ["from", "renamed", "split", "removed"]

    /// Loads `text`, read from `file`. Services are checked against `catalog` when one is given; the texts of
    /// `translations` (files translating this journey) are attached to its texts.
    /// `idLocation` is where the journey id stands, for problems that concern the file as a whole; `texts` are its
    /// translatable texts, for checking translations against.
    public static func load(_ text: String, file: String, catalog: AgencyCatalog?, translations: [TranslationFile] = [])
        -> (journey: Journey?, diagnostics: [Diagnostic], idLocation: (line: Int, column: Int)?, texts: [SourceText])
    {
        let reader = YAMLReader(file: file)
        reader.translationFiles = translations
        guard let root = reader.compose(text),
            let top = reader.mapping(root, "", keys: topKeys, required: topKeys.filter { !optionalTopKeys.contains($0) }, what: "a journey file")
        else { return (nil, reader.diagnostics, nil, []) }
        var parser = JourneyFileParser(reader: reader, catalog: catalog)
        let journey = parser.parse(top)
        let location = reader.locations["id"].map { (line: $0.line, column: $0.column) }
        return (reader.diagnostics.hasErrors ? nil : journey, reader.diagnostics.sortedByLocation(), location, reader.sourceTexts)
    }
}

/// A step as read from the file, with the document paths its checks report at.
struct StepDraft {
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
    var englishLink: String?
    var links: [StepLink] = []
    var processingTime: ISODuration?
    /// `due` as read: the duration, and the anchor's name and path until the whole file is known.
    var dueWithin: ISODuration?
    var dueFrom: (name: String, path: String)?
    var due: StepDeadline?
    var alternatives: [Int] = []
    var group: Int?
    /// `forEach` as read: the household roles the step repeats for.
    var forEach: [(id: String, path: String)] = []
}

struct JourneyFileParser {
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
    /// The household roles (`household:`), in file order.
    var roles: [HouseholdRole] = []
    /// Each repeated fact's `forEach` as read, with paths.
    var factForEach: [FactID: [(id: String, path: String)]] = [:]
    /// Each repeated fact's question for a member (`askEach`).
    var askEach: [FactID: LocalizedText] = [:]

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
        let languages = top["languages"].map(parseLanguages) ?? Language.authoring
        reader.languages = languages
        let title = top["title"].flatMap { reader.text($0, "title") }
        let summary = top["summary"].flatMap { reader.text($0, "summary") }
        if let node = top["facts"] { parseFacts(node) }
        if let node = top["household"] { parseHousehold(node) }
        if let node = top["steps"] {
            let items = reader.sequence(node, "steps", what: "steps")
            if items.isEmpty, node.sequence != nil { reader.report(node, "steps", "a journey needs at least one step") }
            for (index, item) in items.enumerated() { parseStep(item, "steps[\(index)]", group: nil) }
        }
        checkSteps()
        let offeredBy = top["offeredBy"].map { parseOffers($0, factTypes: Dictionary(facts.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })) } ?? []
        let migrations = top["migrations"].map { parseMigrations($0, version: version) } ?? []

        guard let id, let version, lifeEvent != nil || top["lifeEvent"] == nil, let title, let summary else { return nil }
        let declaredSteps = drafts.compactMap { draft -> StepDefinition? in
            guard let stepID = draft.id, let stepTitle = draft.title else { return nil }
            return StepDefinition(
                id: StepID(stepID), title: stepTitle, summary: draft.summary, service: draft.service,
                after: draft.after.map { StepID($0.id) }, when: draft.when,
                needs: draft.needs.map { FactID($0.id) }, produces: draft.produces.map { FactID($0.id) },
                optional: draft.optional, cost: draft.cost, link: draft.link, englishLink: draft.englishLink, links: draft.links, processingTime: draft.processingTime,
                due: draft.due,
                alternatives: draft.alternatives.compactMap { drafts[$0].id.map(StepID.init) },
                group: draft.group.flatMap { drafts[$0].id.map(StepID.init) }, forEach: roles(of: draft).map(\.id))
        }
        guard declaredSteps.contains(where: { !$0.forEach.isEmpty }) || facts.contains(where: { !$0.forEach.isEmpty }) else {
            return Journey(id: JourneyID(id), version: version, lifeEvent: lifeEvent, title: title, summary: summary, facts: facts, steps: declaredSteps,
                languages: languages, offeredBy: offeredBy, migrations: migrations, household: roles)
        }
        let declared = Journey(id: JourneyID(id), version: version, lifeEvent: lifeEvent, title: title, summary: summary, facts: facts,
            steps: declaredSteps, languages: languages, offeredBy: offeredBy, migrations: migrations, household: roles)
        let expansion = HouseholdExpansion(roles: roles, askEach: askEach)
        return Journey(id: JourneyID(id), version: version, lifeEvent: lifeEvent, title: title, summary: summary, facts: expansion.facts(facts),
            steps: expansion.steps(declaredSteps, facts: facts), languages: languages, offeredBy: offeredBy, migrations: migrations, household: roles,
            declared: declared)
    }

    /// The languages the texts are written in: known, at least one, none twice. Unusable entries fall back to both.
    func parseLanguages(_ node: Node) -> [Language] {
        let items = reader.idList(node, "languages")
        var languages: [Language] = []
        for item in items {
            if let translated = Language(rawValue: item.id), !translated.isAuthoring {
                reader.report(at: item.path, "\(translated.englishName) texts come from translation files, not the journey file",
                    hint: "list sv and en here, and translate in translations/\(translated.rawValue)/")
                continue
            }
            guard let language = Language(rawValue: item.id) else {
                reader.report(at: item.path, "unknown language '\(item.id)'", hint: "Lotsen's journeys are written in sv (Swedish), en (English) or both; other languages come from translation files")
                continue
            }
            if languages.contains(language) {
                reader.report(at: item.path, "language '\(item.id)' is listed twice")
            } else {
                languages.append(language)
            }
        }
        if items.isEmpty, node.sequence != nil { reader.report(node, "languages", "a journey needs at least one language", hint: "write [sv, en], [sv] or [en]") }
        return languages.isEmpty ? Language.authoring : languages
    }
}
