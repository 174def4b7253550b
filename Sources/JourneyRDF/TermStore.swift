/// The distinct terms of a graph, each stored once as bytes in one arena and found again through an open-addressing
/// table of indices: a few bytes per term beyond its text, where a dictionary of strings would cost a hundred.
struct TermStore: Sendable, Equatable {
    /// Each term as a kind byte and its text: an IRI or blank-node label, or a literal's lexical form, 0xFF (never in
    /// UTF-8), and its datatype or language tag.
    private var arena: [UInt8] = []
    private var starts: [UInt32] = [0]
    /// Term index + 1 in each slot, 0 for an empty one; the capacity is a power of two, kept under half full.
    private var table = [Int32](repeating: 0, count: 1024)
    private var scratch: [UInt8] = []

    static let iri: UInt8 = 0, blank: UInt8 = 1, typed: UInt8 = 2, tagged: UInt8 = 3
    static let separator: UInt8 = 0xFF

    var count: Int { starts.count - 1 }

    static func == (lhs: TermStore, rhs: TermStore) -> Bool { lhs.arena == rhs.arena && lhs.starts == rhs.starts }

    /// Makes room for terms of `bytes` bytes in all, so the arena is not copied as it grows (pages never written cost nothing).
    mutating func reserve(bytes: Int) { arena.reserveCapacity(bytes) }

    func kind(_ id: Int32) -> UInt8 { arena[Int(starts[Int(id)])] }

    /// The index of `term`, adding it if new.
    mutating func intern(_ term: RDFTerm) -> Int32 {
        encode(term)
        return scratch.withUnsafeBufferPointer { key in
            let hash = Self.hash(key)
            var slot = hash & (table.count - 1)
            while table[slot] != 0 {
                let id = Int(table[slot] - 1)
                if equals(id, key) { return Int32(id) }
                slot = (slot + 1) & (table.count - 1)
            }
            let id = count
            arena.append(contentsOf: key)
            starts.append(UInt32(arena.count))
            table[slot] = Int32(id + 1)
            if count * 2 > table.count { grow() }
            return Int32(id)
        }
    }

    /// The index of `term`, if the store has it.
    func find(_ term: RDFTerm) -> Int32? {
        var copy = self
        copy.encode(term)
        return copy.scratch.withUnsafeBufferPointer { key in
            var slot = Self.hash(key) & (table.count - 1)
            while table[slot] != 0 {
                let id = Int(table[slot] - 1)
                if equals(id, key) { return Int32(id) }
                slot = (slot + 1) & (table.count - 1)
            }
            return nil
        }
    }

    func term(_ id: Int32) -> RDFTerm {
        let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
        return arena.withUnsafeBufferPointer { bytes in
            let kind = bytes[start]
            let body = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end])
            switch kind {
            case Self.iri: return .iri(String(decoding: body, as: UTF8.self))
            case Self.blank: return .blank(String(decoding: body, as: UTF8.self))
            default:
                let cut = body.firstIndex(of: Self.separator)!
                let lexical = String(decoding: UnsafeBufferPointer(rebasing: body[..<cut]), as: UTF8.self)
                let extra = String(decoding: UnsafeBufferPointer(rebasing: body[(cut + 1)...]), as: UTF8.self)
                return .literal(kind == Self.tagged ? RDFLiteral(lexical, language: extra) : RDFLiteral(lexical, datatype: extra))
            }
        }
    }

    private mutating func encode(_ term: RDFTerm) {
        scratch.removeAll(keepingCapacity: true)
        switch term {
        case .iri(let iri):
            scratch.append(Self.iri)
            scratch.append(contentsOf: iri.utf8)
        case .blank(let label):
            scratch.append(Self.blank)
            scratch.append(contentsOf: label.utf8)
        case .literal(let literal):
            scratch.append(literal.language == nil ? Self.typed : Self.tagged)
            scratch.append(contentsOf: literal.lexical.utf8)
            scratch.append(Self.separator)
            scratch.append(contentsOf: (literal.language ?? literal.datatype).utf8)
        }
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id]), end = Int(starts[id + 1])
        guard end - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { bytes in
            memcmpEqual(bytes.baseAddress! + start, key.baseAddress!, key.count)
        }
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(key))
        return hasher.finalize() & Int.max
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: table.count * 2)
        arena.withUnsafeBufferPointer { bytes in
            for id in 0..<count {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(starts[id])..<Int(starts[id + 1])])
                var slot = Self.hash(key) & (bigger.count - 1)
                while bigger[slot] != 0 { slot = (slot + 1) & (bigger.count - 1) }
                bigger[slot] = Int32(id + 1)
            }
        }
        table = bigger
    }
}

/// Whether `count` bytes at `a` and `b` are equal.
@inline(__always) private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for index in 0..<count where a[index] != b[index] { return false }
    return true
}
