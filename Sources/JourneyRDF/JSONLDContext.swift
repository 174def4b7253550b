/// A JSON-LD 1.1 active context: term definitions, `@vocab`, `@base` and the default `@language`, built from
/// `@context` values (objects, arrays of them, or references to documents the caller supplies; nothing is fetched).
struct JSONLDContext {
    struct Term {
        /// The IRI, blank node or keyword the term stands for.
        var id: String
        /// `@id`, `@vocab`, `@json`, `@none` or a datatype IRI.
        var type: String?
        /// `.some(nil)` when the term sets `"@language": null`.
        var language: String??
        var container: Set<String> = []
        /// A property-scoped context, applied to the term's values.
        var context: JSONValue?
        var isPrefix = false
        var isReverse = false
    }

    var terms: [String: Term] = [:]
    var vocab: String?
    var base: String?
    var language: String?

    /// Documents a `@context` may name by IRI, such as the CPSV-AP context.
    let documents: [String: JSONValue]

    init(base: String?, documents: [String: JSONValue]) {
        self.base = base
        self.documents = documents
    }

    /// This context with `local` applied; `path` names where it is, for errors.
    func applying(_ local: JSONValue, path: String, depth: Int = 0) throws(JSONLDError) -> JSONLDContext {
        guard depth < 16 else { throw JSONLDError(path: path, message: "contexts refer to each other more than 16 levels deep") }
        var result = self
        switch local {
        case .null:
            result = JSONLDContext(base: base, documents: documents)
        case .array(let items):
            for (index, item) in items.enumerated() { result = try result.applying(item, path: "\(path)[\(index)]", depth: depth) }
        case .string(let reference):
            let iri = IRIReference.resolve(reference, against: base)
            guard let document = documents[iri] ?? documents[reference] ?? documents[JSONLDParser.anyContext] else {
                throw JSONLDError(path: path, message: "the context '\(reference)' is not available offline; save it and pass it with --context FILE")
            }
            guard let inner = document["@context"] else { throw JSONLDError(path: path, message: "the document for '\(reference)' has no @context") }
            result = try result.applying(inner, path: reference, depth: depth + 1)
        case .object(let members):
            try result.define(members, path: path)
        default:
            throw JSONLDError(path: path, message: "@context must be an object, a list or an IRI, not \(local.kindDescription)")
        }
        return result
    }

    private mutating func define(_ members: [(key: String, value: JSONValue)], path: String) throws(JSONLDError) {
        for (key, value) in members where key.hasPrefix("@") {
            switch key {
            case "@vocab":
                if case .null = value { vocab = nil; continue }
                guard let text = value.string else { throw JSONLDError(path: "\(path).@vocab", message: "@vocab must be an IRI") }
                vocab = text.isEmpty ? base : expand(text, vocab: true, documentRelative: true)
            case "@base":
                if case .null = value { base = nil; continue }
                guard let text = value.string else { throw JSONLDError(path: "\(path).@base", message: "@base must be an IRI") }
                base = IRIReference.resolve(text, against: base)
            case "@language":
                if case .null = value { language = nil; continue }
                guard let text = value.string else { throw JSONLDError(path: "\(path).@language", message: "@language must be a language tag") }
                language = text.lowercased()
            case "@version", "@protected", "@propagate", "@direction", "@import":
                continue  // nothing to do for RDF from these documents
            default:
                throw JSONLDError(path: "\(path).\(key)", message: "'\(key)' is not a keyword a context may set")
            }
        }
        // Terms may refer to each other in any order: define them until nothing changes.
        var pending = members.filter { !$0.key.hasPrefix("@") }
        while !pending.isEmpty {
            let waiting = Set(pending.map(\.key))
            var next: [(key: String, value: JSONValue)] = []
            for member in pending where try !defineTerm(member.key, member.value, path: "\(path).\(member.key)", waiting: waiting) { next.append(member) }
            if next.count == pending.count {
                // Terms that only refer to each other: define them as they stand.
                for member in next { _ = try defineTerm(member.key, member.value, path: "\(path).\(member.key)", waiting: []) }
                break
            }
            pending = next
        }
    }

    /// Defines one term; returns false when its IRI uses a prefix among `waiting`, the terms of this context still to define.
    private mutating func defineTerm(_ key: String, _ value: JSONValue, path: String, waiting: Set<String>) throws(JSONLDError) -> Bool {
        if case .null = value {
            terms[key] = Term(id: "")
            return true
        }
        var term: Term
        if let text = value.string {
            term = Term(id: text)
        } else if case .object = value {
            term = Term(id: key)
            if let reverse = value["@reverse"]?.string {
                term.id = reverse
                term.isReverse = true
            } else if let id = value["@id"] {
                if case .null = id { terms[key] = Term(id: ""); return true }
                guard let text = id.string else { throw JSONLDError(path: "\(path).@id", message: "@id must be an IRI") }
                term.id = text
            }
            if let type = value["@type"] {
                guard let text = type.string else { throw JSONLDError(path: "\(path).@type", message: "@type must be @id, @vocab or a datatype IRI") }
                term.type = text
            }
            if let language = value["@language"] { term.language = .some(language.string?.lowercased()) }
            if let container = value["@container"] {
                let items = container.array ?? [container]
                term.container = Set(items.compactMap(\.string))
            }
            term.context = value["@context"]
            if let prefix = value["@prefix"]?.bool { term.isPrefix = prefix }
        } else {
            throw JSONLDError(path: path, message: "a term must map to an IRI or an object, not \(value.kindDescription)")
        }
        // Expand the term's IRI; a compact IRI whose prefix is not defined yet waits for another round.
        if !term.id.hasPrefix("@") {
            if let colon = term.id.firstIndex(of: ":") {
                let prefix = String(term.id[..<colon])
                if prefix != key, waiting.contains(prefix), key != term.id { return false }
            }
            let expanded = term.id == key && !key.contains(":") ? (vocab.map { $0 + key }) : expand(term.id, vocab: true, documentRelative: false)
            guard let expanded, IRIReference.isAbsolute(expanded) || expanded.hasPrefix("_:") else {
                throw JSONLDError(path: path, message: "the term '\(key)' does not map to an IRI")
            }
            term.id = expanded
            if case .string = value, let last = expanded.last, ":/?#[]@".contains(last) { term.isPrefix = true }
        }
        if let type = term.type, !type.hasPrefix("@") { term.type = expand(type, vocab: true, documentRelative: false) }
        terms[key] = term
        return true
    }

    /// IRI expansion (JSON-LD 1.1 §5.2): keywords as they are, terms (for `vocab`), compact IRIs, `@vocab`, the base.
    func expand(_ value: String, vocab useVocab: Bool, documentRelative: Bool) -> String? {
        if value.hasPrefix("@") { return value }
        if useVocab, let term = terms[value] { return term.id.isEmpty ? nil : term.id }
        if let colon = value.firstIndex(of: ":") {
            let prefix = String(value[..<colon]), suffix = value[value.index(after: colon)...]
            if prefix == "_" { return value }
            if suffix.hasPrefix("//") { return value }
            if let term = terms[prefix], !term.id.isEmpty, term.isPrefix || term.id.last.map({ ":/?#[]@".contains($0) }) == true {
                return term.id + suffix
            }
            if IRIReference.isAbsolute(value) { return value }
        }
        if useVocab, let vocab { return vocab + value }
        if documentRelative { return IRIReference.resolve(value, against: base) }
        return nil
    }
}

/// A JSON-LD document that is JSON but not JSON-LD Lotsen can read: where (a JSON path) and why.
public struct JSONLDError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public var description: String { "\(path): \(message)" }
}
