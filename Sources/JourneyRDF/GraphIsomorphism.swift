/// RDF graph isomorphism: is there a one-to-one mapping of blank nodes that makes two graphs equal?
///
/// Blank nodes are coloured by what surrounds them (colour refinement, repeated until the partition is stable),
/// then mapped colour class by colour class with backtracking, which only branches on nodes nothing tells apart.
enum GraphIsomorphism {
    static func isIsomorphic(_ a: RDFGraph, _ b: RDFGraph) -> Bool {
        let triplesA = a.triples, triplesB = b.triples
        guard triplesA.count == triplesB.count else { return false }
        let groundA = Set(triplesA.filter { !$0.hasBlank }), groundB = Set(triplesB.filter { !$0.hasBlank })
        guard groundA == groundB else { return false }
        let blankA = triplesA.filter(\.hasBlank), blankB = triplesB.filter(\.hasBlank)
        if blankA.isEmpty { return blankB.isEmpty }
        let colorsA = refine(blankA), colorsB = refine(blankB)
        guard colorsA.count == colorsB.count, histogram(colorsA) == histogram(colorsB) else { return false }
        var search = Search(triplesA: blankA, targets: Set(blankB), colorsA: colorsA, colorsB: colorsB)
        return search.run()
    }

    private static func histogram(_ colors: [String: Int]) -> [Int: Int] {
        colors.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Colours for every blank node of `triples`, refined until no class splits any more.
    static func refine(_ triples: [RDFTriple]) -> [String: Int] {
        var colors: [String: Int] = [:]
        for triple in triples {
            for term in [triple.subject, triple.object] { if case .blank(let label) = term { colors[label] = 0 } }
        }
        var classes = 1
        while true {
            var signatures: [String: [Int]] = colors.mapValues { _ in [] }
            for triple in triples {
                if case .blank(let s) = triple.subject {
                    signatures[s]!.append(hash(1, triple.predicate, triple.object, colors))
                }
                if case .blank(let o) = triple.object {
                    signatures[o]!.append(hash(2, triple.predicate, triple.subject, colors))
                }
            }
            var next: [String: Int] = [:]
            for (label, signature) in signatures {
                var hasher = Hasher()
                hasher.combine(colors[label]!)
                hasher.combine(signature.sorted())
                next[label] = hasher.finalize()
            }
            let nextClasses = Set(next.values).count
            colors = next
            if nextClasses == classes || nextClasses == colors.count { break }
            classes = nextClasses
        }
        return colors
    }

    private static func hash(_ position: Int, _ predicate: RDFTerm, _ other: RDFTerm, _ colors: [String: Int]) -> Int {
        var hasher = Hasher()
        hasher.combine(position)
        hasher.combine(predicate)
        if case .blank(let label) = other { hasher.combine(-1); hasher.combine(colors[label]!) } else { hasher.combine(other) }
        return hasher.finalize()
    }

    /// Backtracking over blank nodes, smallest colour class first.
    private struct Search {
        let triplesA: [RDFTriple]
        let targets: Set<RDFTriple>
        let order: [String]
        let candidates: [Int: [String]]
        let colorsA: [String: Int]
        var mapping: [String: String] = [:]
        var used: Set<String> = []

        init(triplesA: [RDFTriple], targets: Set<RDFTriple>, colorsA: [String: Int], colorsB: [String: Int]) {
            self.triplesA = triplesA
            self.targets = targets
            self.colorsA = colorsA
            let classSize = colorsA.values.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
            order = colorsA.keys.sorted { (classSize[colorsA[$0]!]!, $0) < (classSize[colorsA[$1]!]!, $1) }
            candidates = Dictionary(grouping: colorsB.keys.sorted(), by: { colorsB[$0]! })
        }

        mutating func run() -> Bool { assign(0) }

        private mutating func assign(_ position: Int) -> Bool {
            if position == order.count { return triplesA.allSatisfy { targets.contains(map($0)) } }
            let label = order[position]
            for candidate in candidates[colorsA[label]!] ?? [] where !used.contains(candidate) {
                mapping[label] = candidate
                used.insert(candidate)
                if consistent(label), assign(position + 1) { return true }
                mapping[label] = nil
                used.remove(candidate)
            }
            return false
        }

        /// Every triple about `label` whose blank nodes are all mapped must be in the other graph.
        private func consistent(_ label: String) -> Bool {
            for triple in triplesA where triple.mentions(label) {
                if triple.blankLabels.allSatisfy({ mapping[$0] != nil }), !targets.contains(map(triple)) { return false }
            }
            return true
        }

        private func map(_ triple: RDFTriple) -> RDFTriple {
            RDFTriple(map(triple.subject), triple.predicate, map(triple.object))
        }

        private func map(_ term: RDFTerm) -> RDFTerm {
            if case .blank(let label) = term, let target = mapping[label] { return .blank(target) }
            return term
        }
    }
}

extension RDFTriple {
    var hasBlank: Bool { subject.isBlank || object.isBlank }

    var blankLabels: [String] {
        [subject, object].compactMap { if case .blank(let label) = $0 { label } else { nil } }
    }

    func mentions(_ label: String) -> Bool { blankLabels.contains(label) }
}
