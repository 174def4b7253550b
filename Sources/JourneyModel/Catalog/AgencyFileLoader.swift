/// Reads one adapter file (`adapters/<agency>.yaml`) into an ``Agency``, reporting every problem found.
public enum AgencyFileLoader {
    static let topKeys = ["agency", "name", "website", "baseURL", "auth", "timeout", "retry", "services"]
    static let requiredTopKeys = ["agency", "name", "website", "services"]
    static let serviceKeys = ["kind", "title", "link", "inPerson", "returns", "sends", "validFor"]

    /// Parses `text`, read from `file` (used in diagnostics and to check the file name matches the agency id).
    /// An agency is returned whenever its id could be read, with every service that is valid, even when other
    /// parts of the file have errors: journeys should not be told a correctly declared service is missing.
    /// `idLocation` is where the agency id stands, for problems that concern the file as a whole.
    /// The texts of `translations` (files translating this agency) are attached to its texts; `texts` are its
    /// translatable texts, for checking translations against.
    public static func load(_ text: String, file: String, translations: [TranslationFile] = [])
        -> (agency: Agency?, diagnostics: [Diagnostic], idLocation: (line: Int, column: Int)?, texts: [SourceText])
    {
        let reader = YAMLReader(file: file)
        reader.translationFiles = translations
        guard let root = reader.compose(text),
            let top = reader.mapping(root, "", keys: topKeys, required: requiredTopKeys, what: "an adapter file")
        else { return (nil, reader.diagnostics, nil, []) }

        let id = top["agency"].flatMap { reader.string($0, "agency", what: "an agency id") }
        if let id {
            if !IdentifierRules.isKebabCase(id) {
                reader.report(at: "agency", "agency id '\(id)' is not kebab-case", hint: "use lower-case letters, digits and hyphens, such as 'skatteverket'")
            }
            let expected = fileStem(file)
            if let expected, expected != id {
                reader.report(at: "agency", "agency id '\(id)' does not match the file name '\(expected).yaml'", hint: "rename the file to '\(id).yaml' or change the id")
            }
        }
        let name = top["name"].flatMap { reader.text($0, "name") }
        let website = top["website"].flatMap { reader.string($0, "website", what: "a link") }
        if let website, !IdentifierRules.isHTTPSLink(website) {
            reader.report(at: "website", "'\(website)' is not an https:// link", hint: "write the full address, such as https://www.skatteverket.se")
        }
        var services: [AgencyService] = []
        if let node = top["services"] {
            for entry in reader.entries(node, "services", what: "services") {
                let path = "services.\(entry.key)"
                if !IdentifierRules.isKebabCase(entry.key) {
                    reader.report(entry.keyNode, path, "service id '\(entry.key)' is not kebab-case", hint: "use lower-case letters, digits and hyphens")
                }
                guard let fields = reader.mapping(entry.value, path, keys: serviceKeys, required: ["kind", "title"], what: "a service") else { continue }
                var kind: AgencyService.Kind?
                if let raw = fields["kind"].flatMap({ reader.string($0, "\(path).kind", what: "a service kind") }) {
                    kind = AgencyService.Kind(rawValue: raw)
                    if kind == nil {
                        let kinds = AgencyService.Kind.allCases.map(\.rawValue)
                        reader.report(at: "\(path).kind", "unknown service kind '\(raw)'",
                            hint: Suggestion.closest(to: raw, among: kinds).map { "did you mean '\($0)'?" } ?? "use one of: \(kinds.joined(separator: ", "))")
                    }
                }
                let title = fields["title"].flatMap { reader.text($0, "\(path).title") }
                let link = fields["link"].flatMap { reader.string($0, "\(path).link", what: "a link") }
                if let link, !IdentifierRules.isHTTPSLink(link) {
                    reader.report(at: "\(path).link", "'\(link)' is not an https:// link", hint: "write the full address of the service's official page")
                }
                let inPerson = fields["inPerson"].flatMap { reader.bool($0, "\(path).inPerson") } ?? false
                let returns = fields["returns"].map { mappings($0, "\(path).returns", reader: reader) } ?? []
                let sends = fields["sends"].map { mappings($0, "\(path).sends", reader: reader) } ?? []
                var validFor: ISODuration?
                if let raw = fields["validFor"].flatMap({ reader.string($0, "\(path).validFor", what: "a duration") }) {
                    validFor = ISODuration(raw)
                    if validFor == nil {
                        reader.report(at: "\(path).validFor", "'\(raw)' is not an ISO 8601 duration", hint: "such as P30D (30 days) or P1Y")
                    }
                }
                if let kind {
                    checkKeys(fields, path: path, kind: kind, inPerson: inPerson, reader: reader)
                }
                if let id, let kind, let title {
                    services.append(AgencyService(id: ServiceID(agency: AgencyID(id), name: entry.key), kind: kind, title: title, link: link,
                        inPerson: inPerson, returns: returns, sends: sends, validFor: validFor))
                }
            }
        }
        let endpoint = self.endpoint(top, reader: reader)
        let location = reader.locations["agency"].map { (line: $0.line, column: $0.column) }
        guard let id else { return (nil, reader.diagnostics, location, reader.sourceTexts) }
        let agency = Agency(id: AgencyID(id), name: name ?? LocalizedText(id), website: website ?? "", services: services, endpoint: endpoint)
        return (agency, reader.diagnostics, location, reader.sourceTexts)
    }

    /// `adapters/skatteverket.yaml` → `skatteverket`; `nil` for a name without a `.yaml` ending (such as standard input).
    static func fileStem(_ file: String) -> String? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return nil
    }
}
