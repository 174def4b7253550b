import JourneyModel
import JourneyRDF

/// A CPSV-AP graph indexed by subject, with the reads the importer makes: types, IRIs, plain and tagged texts.
struct CPSVGraphIndex {
    let graph: RDFGraph
    private var bySubject: [RDFTerm: [(predicate: String, object: RDFTerm)]] = [:]
    /// Statements the importer has read, so the rest can be reported.
    private(set) var used: Set<RDFTriple> = []

    init(_ graph: RDFGraph) {
        self.graph = graph
        for triple in graph.triples {
            bySubject[triple.subject, default: []].append((triple.predicate.iriValue ?? "", triple.object))
        }
    }

    var subjects: [RDFTerm] { Array(bySubject.keys) }

    mutating func objects(_ subject: RDFTerm, _ predicate: String) -> [RDFTerm] {
        let found = (bySubject[subject] ?? []).filter { $0.predicate == predicate }.map(\.object)
        for object in found { used.insert(RDFTriple(subject, .iri(predicate), object)) }
        return found
    }

    func statements(of subject: RDFTerm) -> [(predicate: String, object: RDFTerm)] { bySubject[subject] ?? [] }

    mutating func isA(_ subject: RDFTerm, _ type: String) -> Bool { objects(subject, RDF.type).contains(.iri(type)) }

    mutating func subjects(ofType type: String) -> [RDFTerm] {
        graph.subjects(ofType: type).filter { isA($0, type) }
    }

    mutating func iri(_ subject: RDFTerm, _ predicate: String) -> String? { objects(subject, predicate).compactMap(\.iriValue).first }

    mutating func string(_ subject: RDFTerm, _ predicate: String) -> String? { objects(subject, predicate).compactMap(\.literalValue).first?.lexical }

    /// The texts of `predicate` by language tag ("" for an untagged one).
    mutating func texts(_ subject: RDFTerm, _ predicate: String) -> [String: String] {
        var out: [String: String] = [:]
        for literal in objects(subject, predicate).compactMap(\.literalValue) where out[literal.language ?? ""] == nil {
            out[literal.language?.lowercased() ?? ""] = literal.lexical
        }
        return out
    }

    /// A journey text from `texts` in `languages`: the text in each language, else the first there is (reported by the caller).
    static func localized(_ texts: [String: String], _ languages: [Language]) -> LocalizedText? {
        guard let any = texts["en"] ?? texts["sv"] ?? texts[""] ?? texts.sorted(by: { $0.key < $1.key }).first?.value else { return nil }
        return LocalizedText(sv: texts["sv"] ?? any, en: texts["en"] ?? any)
    }

    /// A short name for a resource: its `dct:identifier`, else the last segment of its IRI.
    mutating func name(_ subject: RDFTerm) -> String {
        if let identifier = string(subject, CPSV.identifier) {
            // CPSV-AP-NO gives IRIs as identifiers: their last segment names the resource.
            guard identifier.hasPrefix("http://") || identifier.hasPrefix("https://") else { return identifier }
            let last = identifier.split(whereSeparator: { "/#".contains($0) }).last.map(String.init) ?? identifier
            return last.hasSuffix(".ttl") ? String(last.dropLast(4)) : last
        }
        guard let iri = subject.iriValue else { return "" }
        return String(iri.split(whereSeparator: { "/#:".contains($0) }).last ?? "")
    }
}
