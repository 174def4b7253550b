/// Node objects, value objects, lists and container maps.
extension JSONLDExpander {
    /// A JSON object: a value (`@value`), a list (`@list`), a set (`@set`) or a node, whose subject is returned.
    mutating func object(_ json: JSONValue, context outer: JSONLDContext, path: String, term: JSONLDContext.Term?) throws(JSONLDError) -> [Int32] {
        guard case .object(let members) = json else { return [] }
        var context = outer
        if let scoped = term?.context { context = try context.applying(scoped, path: "\(path) (the term's @context)") }
        if let local = json["@context"] { context = try context.applying(local, path: "\(path).@context") }
        // Keys may be aliases of keywords (`"id": "@id"`).
        func keyword(_ key: String) -> String { key.hasPrefix("@") ? key : (context.terms[key]?.id.hasPrefix("@") == true ? context.terms[key]!.id : key) }
        let byKeyword = Dictionary(members.map { (keyword($0.key), $0.value) }, uniquingKeysWith: { _, last in last })

        if let value = byKeyword["@value"] { return try valueObject(value, byKeyword, context: context, path: path, term: term) }
        if let items = byKeyword["@list"] { return [try list(items.array ?? [items], context: context, path: "\(path).@list", term: term)] }
        if let items = byKeyword["@set"] { return try nodeOrValue(.array(items.array ?? [items]), context: context, path: "\(path).@set", term: term) }

        let subject: Int32
        if let id = byKeyword["@id"] {
            guard let text = id.string else { throw JSONLDError(path: "\(path).@id", message: "@id must be an IRI or a blank node, not \(id.kindDescription)") }
            // A relative @id with no base to resolve it against names nothing in RDF: the node's statements are dropped.
            guard let iri = context.expand(text, vocab: false, documentRelative: true), Self.isNode(iri) else { return [] }
            subject = node(iri)
        } else {
            subject = newBlank()
        }
        // Types, and the contexts they scope, before the properties.
        var typed = context
        var typeIDs: [Int32] = []
        if let types = byKeyword["@type"] {
            for (index, type) in (types.array ?? [types]).enumerated() {
                guard let text = type.string else { throw JSONLDError(path: "\(path).@type[\(index)]", message: "@type must be an IRI, not \(type.kindDescription)") }
                if let scoped = context.terms[text]?.context { typed = try typed.applying(scoped, path: "\(path).@type (\(text)'s @context)") }
                guard let iri = context.expand(text, vocab: true, documentRelative: true), Self.isNode(iri) else { continue }
                typeIDs.append(node(iri))
            }
        }
        let rdfType = graph.intern(.iri(RDF.type))
        for type in typeIDs { graph.insert(subject, rdfType, type) }
        for (key, value) in members {
            let name = keyword(key)
            switch name {
            case "@context", "@id", "@type", "@index", "@nest", "@annotation": continue
            case "@graph", "@included":
                for (index, item) in (value.array ?? [value]).enumerated() {
                    _ = try nodeOrValue(item, context: typed, path: "\(path).\(key)[\(index)]", term: nil)
                }
            case "@reverse":
                guard case .object(let reversed) = value else { throw JSONLDError(path: "\(path).@reverse", message: "@reverse must be an object") }
                for (property, items) in reversed {
                    guard let iri = typed.expand(property, vocab: true, documentRelative: false), !iri.hasPrefix("_:") else { continue }
                    let predicate = graph.intern(.iri(iri))
                    for item in try nodeOrValue(items, context: typed, path: "\(path).@reverse.\(property)", term: typed.terms[property]) {
                        graph.insert(item, predicate, subject)
                    }
                }
            default:
                if name.hasPrefix("@") { throw JSONLDError(path: "\(path).\(key)", message: "'\(key)' is not a JSON-LD keyword Lotsen reads") }
                let definition = typed.terms[key]
                // A key that maps to no IRI is dropped, as JSON-LD expansion does.
                guard let iri = definition?.id ?? typed.expand(key, vocab: true, documentRelative: false), !iri.isEmpty,
                    IRIReference.isAbsolute(iri), !iri.hasPrefix("_:")
                else { continue }
                let predicate = graph.intern(.iri(iri))
                let objects = try nodeOrValue(value, context: typed, path: "\(path).\(key)", term: definition)
                for object in objects {
                    if definition?.isReverse == true { graph.insert(object, predicate, subject) } else { graph.insert(subject, predicate, object) }
                }
            }
        }
        return [subject]
    }

    /// `{"@value": …, "@language" | "@type": …}`.
    private mutating func valueObject(
        _ value: JSONValue, _ members: [String: JSONValue], context: JSONLDContext, path: String, term: JSONLDContext.Term?
    ) throws(JSONLDError) -> [Int32] {
        if case .null = value { return [] }
        if let type = members["@type"] {
            guard let text = type.string, let iri = context.expand(text, vocab: true, documentRelative: true) else {
                throw JSONLDError(path: "\(path).@type", message: "the @type of a value must be a datatype IRI")
            }
            if iri == "@json" { return [] }  // JSON literals are not read
            let lexical: String
            switch value {
            case .string(let text): lexical = text
            case .number(let text): lexical = text
            case .bool(let flag): lexical = flag ? "true" : "false"
            default: throw JSONLDError(path: "\(path).@value", message: "@value must be text, a number or true or false")
            }
            return [graph.intern(.typed(lexical, iri))]
        }
        if let language = members["@language"] {
            guard let tag = language.string, let text = value.string else {
                throw JSONLDError(path: "\(path).@language", message: "a value with @language must be text, and @language a language tag")
            }
            return [graph.intern(.text(text, language: tag.lowercased()))]
        }
        var plain = term
        plain?.type = nil
        plain?.language = .some(nil)
        if case .string = value { return try nodeOrValue(value, context: context, path: path, term: plain ?? JSONLDContext.Term(id: "", language: .some(nil))) }
        return try nodeOrValue(value, context: context, path: path, term: plain)
    }

    /// A `@list`: `rdf:nil`, or the first node of an `rdf:first` / `rdf:rest` chain.
    mutating func list(_ items: [JSONValue], context: JSONLDContext, path: String, term: JSONLDContext.Term?) throws(JSONLDError) -> Int32 {
        var inner = term
        inner?.container.remove("@list")
        var values: [Int32] = []
        for (index, item) in items.enumerated() { values += try nodeOrValue(item, context: context, path: "\(path)[\(index)]", term: inner) }
        let first = graph.intern(.iri(RDF.first)), rest = graph.intern(.iri(RDF.rest)), empty = graph.intern(.iri(RDF.nil))
        guard !values.isEmpty else { return empty }
        let nodes = values.map { _ in newBlank() }
        for (index, value) in values.enumerated() {
            graph.insert(nodes[index], first, value)
            graph.insert(nodes[index], rest, index + 1 < nodes.count ? nodes[index + 1] : empty)
        }
        return nodes[0]
    }

    /// `{"sv": "…", "en": ["…"]}` under a term with `"@container": "@language"`.
    mutating func languageMap(_ json: JSONValue, context: JSONLDContext, path: String) throws(JSONLDError) -> [Int32] {
        guard case .object(let members) = json else { return [] }
        var out: [Int32] = []
        for (language, values) in members {
            for value in values.array ?? [values] {
                if case .null = value { continue }
                guard let text = value.string else { throw JSONLDError(path: "\(path).\(language)", message: "a language map holds text, not \(value.kindDescription)") }
                out.append(graph.intern(language == "@none" ? .string(text) : .text(text, language: language.lowercased())))
            }
        }
        return out
    }

    /// An index, id or type map: its values are what count (`@id` maps give each node its key as `@id`).
    mutating func map(_ json: JSONValue, context: JSONLDContext, path: String, term: JSONLDContext.Term?) throws(JSONLDError) -> [Int32] {
        guard case .object(let members) = json else { return [] }
        var inner = term
        inner?.container = []
        var out: [Int32] = []
        for (key, value) in members {
            if term?.container.contains("@id") == true, case .object(var fields) = value, !fields.contains(where: { $0.key == "@id" }) {
                fields.append((key: "@id", value: .string(key)))
                out += try nodeOrValue(.object(fields), context: context, path: "\(path).\(key)", term: inner)
            } else {
                out += try nodeOrValue(value, context: context, path: "\(path).\(key)", term: inner)
            }
        }
        return out
    }

    /// Whether an expanded identifier can be an RDF node: an absolute IRI or a blank node.
    static func isNode(_ iri: String) -> Bool { iri.hasPrefix("_:") || IRIReference.isAbsolute(iri) }

    /// The term for an expanded IRI or blank-node identifier; blank-node labels are renamed per document.
    mutating func node(_ iri: String) -> Int32 {
        guard iri.hasPrefix("_:") else { return graph.intern(.iri(iri)) }
        if let known = blankLabels[iri] { return graph.intern(.blank(known)) }
        blankCount += 1
        let label = "b\(blankCount)"
        blankLabels[iri] = label
        return graph.intern(.blank(label))
    }

    mutating func newBlank() -> Int32 {
        blankCount += 1
        return graph.intern(.blank("b\(blankCount)"))
    }
}
