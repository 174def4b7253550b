/// An ``RDFGraph`` as Turtle 1.1 that people can read: subjects in the order they were added, `a` first, objects
/// grouped with `;` and `,`, blank nodes used once written inline as `[ … ]`, well-formed lists as `( … )`,
/// prefixed names where they are valid, numbers and booleans as bare words.
public struct TurtleSerializer {
    /// Prefixes to use, in the order they are declared; only the ones the graph uses are written.
    public var prefixes: [(prefix: String, namespace: String)]

    public init(prefixes: [(prefix: String, namespace: String)] = []) {
        self.prefixes = prefixes
    }

    public func serialize(_ graph: RDFGraph) -> String {
        var writer = TurtleWriter(graph: graph, prefixes: prefixes)
        return writer.write()
    }
}

/// One serialization's state.
struct TurtleWriter {
    let graph: RDFGraph
    let prefixes: [(prefix: String, namespace: String)]
    /// Triples by subject index, in insertion order.
    var bySubject: [Int32: [RDFGraph.Key]] = [:]
    var subjectOrder: [Int32] = []
    var references: [Int32: Int] = [:]
    var emitted: Set<Int32> = []
    var labels: [Int32: String] = [:]
    var usedPrefixes: Set<String> = []
    let rdfType, rdfFirst, rdfRest, rdfNil: Int32?

    init(graph: RDFGraph, prefixes: [(prefix: String, namespace: String)]) {
        self.graph = graph
        self.prefixes = prefixes.sorted { $0.namespace.count > $1.namespace.count }
        for key in graph.keys {
            if bySubject[key.subject] == nil { subjectOrder.append(key.subject) }
            bySubject[key.subject, default: []].append(key)
            if graph.isBlank(key.object) { references[key.object, default: 0] += 1 }
        }
        let find = { (iri: String) in graph.id(of: .iri(iri)) }
        rdfType = find(RDF.type)
        rdfFirst = find(RDF.first)
        rdfRest = find(RDF.rest)
        rdfNil = find(RDF.nil)
    }

    /// A blank node written where it is used: referenced exactly once, as an object.
    func isInlinable(_ node: Int32) -> Bool { graph.isBlank(node) && references[node] == 1 }

    mutating func write() -> String {
        var body = ""
        for subject in subjectOrder where !emitted.contains(subject) && !isInlinable(subject) {
            writeStatement(subject, into: &body)
        }
        // What is left is blank nodes that only refer to each other in a cycle: one of each cycle gets a label.
        for subject in subjectOrder where !emitted.contains(subject) {
            writeStatement(subject, into: &body)
        }
        var head = ""
        for (prefix, namespace) in prefixes.sorted(by: { $0.prefix < $1.prefix }) where usedPrefixes.contains(prefix) {
            head += "@prefix \(prefix): <\(TurtleWriter.escapeIRI(namespace))> .\n"
        }
        return head.isEmpty ? body : head + "\n" + body
    }

    private mutating func writeStatement(_ subject: Int32, into out: inout String) {
        emitted.insert(subject)
        if !out.isEmpty { out += "\n" }
        out += term(subject)
        writePredicates(of: subject, indent: 1, into: &out)
        out += " .\n"
    }

    /// ` pred obj, obj ;\n    pred obj` after the subject.
    private mutating func writePredicates(of subject: Int32, indent: Int, nested: Bool = false, into out: inout String) {
        var keys = bySubject[subject] ?? []
        if let rdfType { keys = keys.filter { $0.predicate == rdfType } + keys.filter { $0.predicate != rdfType } }
        var groups: [(Int32, [Int32])] = []
        for key in keys {
            if let index = groups.firstIndex(where: { $0.0 == key.predicate }) {
                groups[index].1.append(key.object)
            } else {
                groups.append((key.predicate, [key.object]))
            }
        }
        let pad = String(repeating: "    ", count: indent)
        for (offset, group) in groups.enumerated() {
            out += offset == 0 ? (nested ? "\n" + pad : " ") : " ;\n" + pad
            out += group.0 == rdfType ? "a" : term(group.0)
            // Three or more objects go one a line, so long lists of services stay readable.
            let separator = group.1.count > 2 ? ",\n" + pad + "    " : ", "
            for (index, object) in group.1.enumerated() {
                out += index == 0 ? " " : separator
                writeObject(object, indent: indent, into: &out)
            }
        }
    }

    private mutating func writeObject(_ object: Int32, indent: Int, into out: inout String) {
        if object == rdfNil { out += "()"; return }
        guard isInlinable(object), !emitted.contains(object) else { out += term(object); return }
        emitted.insert(object)
        if let items = listItems(object) {
            out += "("
            for item in items {
                out += " "
                writeObject(item, indent: indent + 1, into: &out)
            }
            out += " )"
            return
        }
        guard bySubject[object] != nil else { out += "[]"; return }
        out += "["
        writePredicates(of: object, indent: indent + 1, nested: true, into: &out)
        out += "\n" + String(repeating: "    ", count: indent) + "]"
    }

    /// The items of the well-formed list starting at `head`, marking its nodes written; nil if it is not one.
    private mutating func listItems(_ head: Int32) -> [Int32]? {
        guard let rdfFirst, let rdfRest, let rdfNil else { return nil }
        var items: [Int32] = []
        var nodes: [Int32] = []
        var node = head
        while node != rdfNil {
            guard graph.isBlank(node), node == head || isInlinable(node) && !emitted.contains(node), !nodes.contains(node),
                let keys = bySubject[node], keys.count == 2,
                let first = keys.first(where: { $0.predicate == rdfFirst }), let rest = keys.first(where: { $0.predicate == rdfRest })
            else { return nil }
            items.append(first.object)
            nodes.append(node)
            node = rest.object
        }
        emitted.formUnion(nodes)
        return items
    }

    mutating func term(_ index: Int32) -> String {
        switch graph.term(index) {
        case .iri(let iri): return name(iri)
        case .blank:
            if let label = labels[index] { return "_:" + label }
            let label = "b\(labels.count)"
            labels[index] = label
            return "_:" + label
        case .literal(let literal): return self.literal(literal)
        }
    }

    mutating func name(_ iri: String) -> String {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            if TurtleWriter.isSimpleLocal(local) {
                usedPrefixes.insert(prefix)
                return prefix + ":" + local
            }
        }
        return "<" + TurtleWriter.escapeIRI(iri) + ">"
    }

    mutating func literal(_ literal: RDFLiteral) -> String {
        if let language = literal.language { return TurtleWriter.quote(literal.lexical) + "@" + language }
        switch literal.datatype {
        case XSD.string: return TurtleWriter.quote(literal.lexical)
        case XSD.boolean where literal.lexical == "true" || literal.lexical == "false": return literal.lexical
        case XSD.integer where TurtleWriter.matches(literal.lexical, dot: false, exponent: false),
            XSD.decimal where TurtleWriter.matches(literal.lexical, dot: true, exponent: false),
            XSD.double where TurtleWriter.matches(literal.lexical, dot: nil, exponent: true):
            return literal.lexical
        default: return TurtleWriter.quote(literal.lexical) + "^^" + name(literal.datatype)
        }
    }
}
