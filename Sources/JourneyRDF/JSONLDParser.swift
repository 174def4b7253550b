/// JSON-LD 1.1 into an ``RDFGraph``: expansion and RDF serialization in one pass, offline.
///
/// Covers what service catalogues use: `@context` (inline, lists of contexts, and contexts by IRI that the caller
/// supplies), nested and property- and type-scoped contexts, `@vocab`, `@base`, `@language`, compact IRIs, `@id`,
/// `@type`, `@graph` (named graphs are merged into the one graph), `@value` with `@language` or `@type`, `@list`,
/// `@set`, `@reverse`, `@included`, and `@container` `@set`, `@list`, `@language`, `@index` and `@id`.
/// JSON that is not JSON fails with its line and column; JSON that is not usable JSON-LD with its JSON path.
public enum JSONLDParser {
    /// The key in `documents` for a context that stands for every context IRI not otherwise supplied (`--context FILE`).
    public static let anyContext = "*"

    /// Parses `bytes`, resolving relative IRIs against `base`; `documents` maps context IRIs to their JSON
    /// (a context named by IRI and not among them is an error: nothing is fetched).
    public static func parse(_ bytes: [UInt8], base: String? = nil, documents: [String: JSONValue] = [:]) throws(RDFSyntaxError) -> RDFGraph {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw RDFSyntaxError(line: error.line, column: error.column, message: error.message)
        }
        var expander = JSONLDExpander(base: base, documents: documents)
        do {
            try expander.document(json)
        } catch {
            // No line or column survives the JSON reader; the JSON path says where.
            throw RDFSyntaxError(line: 0, column: 0, message: error.description)
        }
        return expander.graph
    }
}

/// One document's expansion into triples.
struct JSONLDExpander {
    var graph = RDFGraph()
    let root: JSONLDContext
    var blankLabels: [String: String] = [:]
    var blankCount = 0

    init(base: String?, documents: [String: JSONValue]) {
        root = JSONLDContext(base: base, documents: documents)
    }

    mutating func document(_ json: JSONValue) throws(JSONLDError) {
        switch json {
        case .array(let items):
            for (index, item) in items.enumerated() { _ = try nodeOrValue(item, context: root, path: "[\(index)]", term: nil) }
        case .object:
            try topLevel(json, context: root, path: "$")
        default:
            throw JSONLDError(path: "$", message: "a JSON-LD document is an object or a list, not \(json.kindDescription)")
        }
    }

    /// The top object: a `@graph` with only a `@context` beside it is just its nodes.
    private mutating func topLevel(_ json: JSONValue, context: JSONLDContext, path: String) throws(JSONLDError) {
        guard case .object(let members) = json else { return }
        let keys = Set(members.map(\.key))
        if keys.contains("@graph"), keys.isSubset(of: ["@context", "@graph"]) {
            let active = try json["@context"].map { (local) throws(JSONLDError) in try context.applying(local, path: "\(path).@context") } ?? context
            try nodes(json["@graph"]!, context: active, path: "\(path).@graph")
        } else {
            _ = try nodeOrValue(json, context: context, path: path, term: nil)
        }
    }

    private mutating func nodes(_ json: JSONValue, context: JSONLDContext, path: String) throws(JSONLDError) {
        for (index, item) in (json.array ?? [json]).enumerated() { _ = try nodeOrValue(item, context: context, path: "\(path)[\(index)]", term: nil) }
    }

    /// The RDF terms a JSON value stands for as the value of `term` (nil at the top): node references, literals, lists.
    mutating func nodeOrValue(_ json: JSONValue, context: JSONLDContext, path: String, term: JSONLDContext.Term?) throws(JSONLDError) -> [Int32] {
        switch json {
        case .null: return []
        case .array(let items):
            if term?.container.contains("@list") == true { return [try list(items, context: context, path: path, term: term)] }
            var out: [Int32] = []
            for (index, item) in items.enumerated() { out += try nodeOrValue(item, context: context, path: "\(path)[\(index)]", term: term) }
            return out
        case .string(let text):
            if let type = term?.type, type == "@id" || type == "@vocab" {
                guard let iri = context.expand(text, vocab: type == "@vocab", documentRelative: true), Self.isNode(iri) else { return [] }
                return [node(iri)]
            }
            if let type = term?.type, !type.hasPrefix("@") { return [graph.intern(.typed(text, type))] }
            let language = term?.language ?? context.language
            if let language { return [graph.intern(.text(text, language: language))] }
            return [graph.intern(.string(text))]
        case .bool(let value):
            return [graph.intern(.typed(value ? "true" : "false", term?.type.flatMap { $0.hasPrefix("@") ? nil : $0 } ?? XSD.boolean))]
        case .number(let text):
            return [graph.intern(number(text, type: term?.type))]
        case .object:
            if term?.container.contains("@language") == true, json["@value"] == nil {
                return try languageMap(json, context: context, path: path)
            }
            if term?.container.isDisjoint(with: ["@index", "@id", "@type"]) == false, json["@id"] == nil, json["@value"] == nil {
                return try map(json, context: context, path: path, term: term)
            }
            return try object(json, context: context, path: path, term: term)
        }
    }

    /// A JSON number as a literal: integers as `xsd:integer`, others as `xsd:double` in canonical form.
    private func number(_ text: String, type: String?) -> RDFTerm {
        let isInteger = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        if let type, !type.hasPrefix("@") { return .typed(text, type) }
        if isInteger, text.count < 19 { return .typed(String(Int(text) ?? 0), XSD.integer) }
        let value = Double(text) ?? 0
        return .typed(Self.canonicalDouble(value), XSD.double)
    }

    /// XSD canonical double, as JSON-LD writes it: `1.5E0`, `1.5E3`, from Swift's shortest exact digits.
    static func canonicalDouble(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : value < 0 ? "-INF" : "INF" }
        guard value != 0 else { return "0.0E0" }
        var text = "\(abs(value))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var shift = whole.count - 1
        while digits.first == "0" {
            digits.removeFirst()
            shift -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let mantissa = String(digits.prefix(1)) + "." + (digits.count > 1 ? String(digits.dropFirst()) : "0")
        return (value < 0 ? "-" : "") + mantissa + "E\(exponent + shift)"
    }
}
