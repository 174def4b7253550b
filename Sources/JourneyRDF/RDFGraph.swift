/// A set of triples, its terms interned: each distinct term is stored once and triples are three indices,
/// so a catalogue of hundreds of thousands of statements stays a few times the size of its file.
public struct RDFGraph: Sendable, Equatable {
    /// Three indices into ``terms``.
    public struct Key: Hashable, Sendable {
        public let subject: Int32
        public let predicate: Int32
        public let object: Int32
    }

    private var store = TermStore()
    /// The triples in the order they were first added, without duplicates.
    public private(set) var keys: [Key] = []
    /// Key index + 1 in each slot, 0 for an empty one (open addressing, under half full): the duplicate check.
    private var present = [Int32](repeating: 0, count: 1024)

    public init() {}

    public init(_ triples: some Sequence<RDFTriple>) {
        for triple in triples { insert(triple) }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Makes room for about `triples` triples whose distinct terms take `termBytes` bytes, so a large parse does not
    /// copy its tables as they grow.
    public mutating func reserveCapacity(triples: Int, termBytes: Int) {
        keys.reserveCapacity(triples)
        store.reserve(bytes: termBytes)
    }

    /// The interned index of `term`, adding it if new.
    public mutating func intern(_ term: RDFTerm) -> Int32 { store.intern(term) }

    /// The term with index `id`.
    public func term(_ id: Int32) -> RDFTerm { store.term(id) }

    /// Whether the term with index `id` is a blank node, without decoding it.
    public func isBlank(_ id: Int32) -> Bool { store.kind(id) == TermStore.blank }

    /// The index of `term`, if the graph uses it.
    public func id(of term: RDFTerm) -> Int32? { store.find(term) }

    /// How many distinct terms the graph uses.
    public var termCount: Int { store.count }

    /// Adds a triple of interned terms; a triple already present is not added twice.
    public mutating func insert(_ subject: Int32, _ predicate: Int32, _ object: Int32) {
        let key = Key(subject: subject, predicate: predicate, object: object)
        var slot = key.hashValue & Int.max & (present.count - 1)
        while present[slot] != 0 {
            if keys[Int(present[slot] - 1)] == key { return }
            slot = (slot + 1) & (present.count - 1)
        }
        keys.append(key)
        present[slot] = Int32(keys.count)
        if keys.count * 2 > present.count {
            var bigger = [Int32](repeating: 0, count: present.count * 2)
            for (offset, key) in keys.enumerated() {
                var slot = key.hashValue & Int.max & (bigger.count - 1)
                while bigger[slot] != 0 { slot = (slot + 1) & (bigger.count - 1) }
                bigger[slot] = Int32(offset + 1)
            }
            present = bigger
        }
    }

    public mutating func insert(_ triple: RDFTriple) {
        insert(intern(triple.subject), intern(triple.predicate), intern(triple.object))
    }

    public mutating func insert(_ subject: RDFTerm, _ predicate: String, _ object: RDFTerm) {
        insert(RDFTriple(subject, .iri(predicate), object))
    }

    /// The triples, in insertion order.
    public var triples: [RDFTriple] { keys.map { triple(for: $0) } }

    public func triple(for key: Key) -> RDFTriple { RDFTriple(term(key.subject), term(key.predicate), term(key.object)) }

    public func contains(_ triple: RDFTriple) -> Bool {
        guard let s = id(of: triple.subject), let p = id(of: triple.predicate), let o = id(of: triple.object) else { return false }
        let key = Key(subject: s, predicate: p, object: o)
        var slot = key.hashValue & Int.max & (present.count - 1)
        while present[slot] != 0 {
            if keys[Int(present[slot] - 1)] == key { return true }
            slot = (slot + 1) & (present.count - 1)
        }
        return false
    }

    /// The objects of `subject`'s `predicate` statements, in insertion order.
    public func objects(_ subject: RDFTerm, _ predicate: String) -> [RDFTerm] {
        guard let s = id(of: subject), let p = id(of: .iri(predicate)) else { return [] }
        return keys.filter { $0.subject == s && $0.predicate == p }.map { term($0.object) }
    }

    /// The subjects with `rdf:type` `type`, in insertion order.
    public func subjects(ofType type: String) -> [RDFTerm] {
        guard let p = id(of: .iri(RDF.type)), let o = id(of: .iri(type)) else { return [] }
        return keys.filter { $0.predicate == p && $0.object == o }.map { term($0.subject) }
    }

    /// The triples in N-Triples, sorted, one a line: a stable text for tests and for other tools to read.
    public var nTriples: String {
        triples.map(\.description).sorted().joined(separator: "\n") + (isEmpty ? "" : "\n")
    }

    /// Whether the two graphs are the same but for blank-node labels (RDF 1.1 graph isomorphism).
    public func isIsomorphic(to other: RDFGraph) -> Bool { GraphIsomorphism.isIsomorphic(self, other) }

    public static func == (lhs: RDFGraph, rhs: RDFGraph) -> Bool { Set(lhs.triples) == Set(rhs.triples) }
}
