/// An ``RDFGraph`` as JSON-LD 1.1 in flattened form: a `@context` of prefixes and a `@graph` of node objects, one per
/// subject, each value an `@id`, or an `@value` with its `@language` or `@type`. Any JSON-LD processor turns it back
/// into the same graph without fetching anything.
public struct JSONLDSerializer {
    public var prefixes: [(prefix: String, namespace: String)]

    public init(prefixes: [(prefix: String, namespace: String)] = []) {
        self.prefixes = prefixes
    }

    public func serialize(_ graph: RDFGraph) -> String {
        var order: [Int32] = []
        var bySubject: [Int32: [RDFGraph.Key]] = [:]
        for key in graph.keys {
            if bySubject[key.subject] == nil { order.append(key.subject) }
            bySubject[key.subject, default: []].append(key)
        }
        let sorted = prefixes.sorted { $0.namespace.count > $1.namespace.count }
        func compact(_ iri: String) -> String {
            for (prefix, namespace) in sorted where iri.hasPrefix(namespace) && iri.count > namespace.count {
                let local = iri.dropFirst(namespace.count)
                if !local.hasPrefix("//") { return prefix + ":" + local }
            }
            return iri
        }
        func node(_ term: RDFTerm) -> String {
            switch term {
            case .iri(let iri): return "{ \"@id\": \(quote(compact(iri))) }"
            case .blank(let label): return "{ \"@id\": \(quote("_:" + label)) }"
            case .literal(let literal):
                if let language = literal.language { return "{ \"@value\": \(quote(literal.lexical)), \"@language\": \(quote(language)) }" }
                if literal.datatype == XSD.string { return "{ \"@value\": \(quote(literal.lexical)) }" }
                return "{ \"@value\": \(quote(literal.lexical)), \"@type\": \(quote(compact(literal.datatype))) }"
            }
        }
        var out = "{\n  \"@context\": {\n"
        out += prefixes.map { "    \(quote($0.prefix)): \(quote($0.namespace))" }.joined(separator: ",\n")
        out += "\n  },\n  \"@graph\": ["
        for (offset, subject) in order.enumerated() {
            out += offset == 0 ? "\n" : ",\n"
            let id: String
            switch graph.term(subject) {
            case .iri(let iri): id = compact(iri)
            case .blank(let label): id = "_:" + label
            case .literal: continue
            }
            out += "    {\n      \"@id\": \(quote(id))"
            var predicates: [Int32] = []
            var objects: [Int32: [Int32]] = [:]
            for key in bySubject[subject]! {
                if objects[key.predicate] == nil { predicates.append(key.predicate) }
                objects[key.predicate, default: []].append(key.object)
            }
            for predicate in predicates {
                let iri = graph.term(predicate).iriValue ?? ""
                let values = objects[predicate]!.map { graph.term($0) }
                if iri == RDF.type, values.allSatisfy({ $0.iriValue != nil }) {
                    out += ",\n      \"@type\": [" + values.map { quote(compact($0.iriValue!)) }.joined(separator: ", ") + "]"
                } else {
                    out += ",\n      \(quote(compact(iri))): [" + values.map(node).joined(separator: ", ") + "]"
                }
            }
            out += "\n    }"
        }
        return out + "\n  ]\n}\n"
    }

    /// A JSON string.
    func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
