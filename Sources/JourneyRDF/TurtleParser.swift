/// Turtle 1.1 (W3C Recommendation, 25 February 2014) into an ``RDFGraph``.
///
/// A recursive-descent parser over the UTF-8 bytes, interning terms as it goes so a large catalogue costs a few
/// times its size in memory. Every error names the line and column where the document stops being Turtle.
public enum TurtleParser {
    /// The largest nesting of `[ … ]` and `( … )` accepted, so a hostile file cannot exhaust the stack.
    public static let maximumDepth = 200

    /// Parses `bytes` (UTF-8), resolving relative IRIs against `base` and then any `@base` the document sets.
    public static func parse(_ bytes: [UInt8], base: String? = nil) throws(RDFSyntaxError) -> RDFGraph {
        var graph = RDFGraph()
        try parse(bytes, base: base, into: &graph)
        return graph
    }

    /// Parses `text`.
    public static func parse(_ text: String, base: String? = nil) throws(RDFSyntaxError) -> RDFGraph {
        try parse(Array(text.utf8), base: base)
    }

    /// Parses `bytes` adding its triples to `graph`.
    public static func parse(_ bytes: [UInt8], base: String? = nil, into graph: inout RDFGraph) throws(RDFSyntaxError) {
        let result: Result<RDFGraph, RDFSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var copy = graph
            do throws(RDFSyntaxError) {
                try parse(buffer: buffer, base: base, into: &copy)
                return .success(copy)
            } catch {
                return .failure(error)
            }
        }
        graph = try result.get()
    }

    /// Parses the UTF-8 bytes in `buffer` (a mapped file, say) adding its triples to `graph`.
    public static func parse(buffer: UnsafeBufferPointer<UInt8>, base: String? = nil, into graph: inout RDFGraph) throws(RDFSyntaxError) {
        // Real Turtle spends some 30 bytes a triple; what is reserved and not used is never touched, so costs no memory.
        if buffer.count > 1 << 20 { graph.reserveCapacity(triples: graph.count + buffer.count / 24, termBytes: buffer.count) }
        let reader = TurtleReader(buffer, base: base, graph: graph)
        graph = RDFGraph()  // one owner of the storage while parsing, so appending never copies it
        do {
            try reader.document()
            graph = reader.graph
        } catch let failure as TurtleReader.Failure {
            let (line, column) = RDFSyntaxError.position(of: failure.offset, in: buffer)
            throw RDFSyntaxError(line: line, column: column, message: failure.message)
        } catch {
            throw RDFSyntaxError(line: 1, column: 1, message: "\(error)")
        }
    }
}

/// The parser's state: the bytes, the position, the prefixes and base in force, and the graph being built.
final class TurtleReader {
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var base: String?
    var prefixes: [String: String] = [:]
    var graph: RDFGraph
    var blankLabels: [String: Int32] = [:]
    var blankCount = 0
    var depth = 0
    let rdfType, rdfFirst, rdfRest, rdfNil: Int32

    init(_ bytes: UnsafeBufferPointer<UInt8>, base: String?, graph: RDFGraph) {
        self.bytes = bytes
        self.base = base
        self.graph = graph
        rdfType = self.graph.intern(.iri(RDF.type))
        rdfFirst = self.graph.intern(.iri(RDF.first))
        rdfRest = self.graph.intern(.iri(RDF.rest))
        rdfNil = self.graph.intern(.iri(RDF.nil))
    }

    func fail(_ message: String, at offset: Int? = nil) -> Failure { Failure(offset: offset ?? pos, message: message) }

    var atEnd: Bool { pos >= bytes.count }

    /// The byte at the position, or 0 at the end (0 is never valid Turtle outside a string).
    @inline(__always) var current: UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    @inline(__always) func peek(_ offset: Int) -> UInt8 { pos + offset < bytes.count ? bytes[pos + offset] : 0 }

    /// Skips white space and comments.
    func skipSpace() throws {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0D, 0x0A: pos += 1
            case UInt8(ascii: "#"):
                while pos < bytes.count, bytes[pos] != 0x0A, bytes[pos] != 0x0D { pos += 1 }
            default: return
            }
        }
    }

    func expect(_ byte: UInt8, _ what: String) throws {
        try skipSpace()
        guard current == byte else { throw fail("expected \(what), found \(found)") }
        pos += 1
    }

    /// What is at the position, for messages.
    var found: String {
        guard !atEnd else { return "the end of the file" }
        let byte = bytes[pos]
        if byte < 0x20 || byte == 0x7F { return "a control character (0x\(String(byte, radix: 16)))" }
        var end = pos
        while end < bytes.count, end - pos < 20, bytes[end] > 0x20 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[pos..<max(end, pos + 1)]), as: UTF8.self)
        return "'\(text)'"
    }

    // MARK: Statements

    func document() throws {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }  // a byte order mark
        try skipSpace()
        while !atEnd {
            try statement()
            try skipSpace()
        }
    }

    func statement() throws {
        if current == UInt8(ascii: "@") {
            if matchesWord("@prefix", caseSensitive: true) {
                pos += 7
                try prefixDirective()
                try expect(UInt8(ascii: "."), "'.' after the @prefix directive")
            } else if matchesWord("@base", caseSensitive: true) {
                pos += 5
                try baseDirective()
                try expect(UInt8(ascii: "."), "'.' after the @base directive")
            } else {
                throw fail("expected @prefix or @base, found \(found)")
            }
            return
        }
        if matchesWord("prefix", caseSensitive: false) {
            pos += 6
            try prefixDirective()
            return
        }
        if matchesWord("base", caseSensitive: false) {
            pos += 4
            try baseDirective()
            return
        }
        try triples()
        try expect(UInt8(ascii: "."), "'.' at the end of the statement")
    }

    /// Whether `word` is at the position, followed by white space or a character that cannot continue a name.
    func matchesWord(_ word: StaticString, caseSensitive: Bool) -> Bool {
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else { return false }
        for index in 0..<count {
            var byte = bytes[pos + index]
            let expected = word.utf8Start[index]
            if !caseSensitive, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
            if byte != expected { return false }
        }
        let next = peek(count)
        return next == 0 || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: "<") || next == UInt8(ascii: "#")
    }

    func prefixDirective() throws {
        try skipSpace()
        let start = pos
        let name = try prefixName()
        guard current == UInt8(ascii: ":") else { throw fail("expected a prefix name ending in ':', such as 'dct:'", at: start) }
        pos += 1
        try skipSpace()
        guard current == UInt8(ascii: "<") else { throw fail("expected the prefix's IRI in <…>, found \(found)") }
        prefixes[name] = try iriRef()
    }

    func baseDirective() throws {
        try skipSpace()
        guard current == UInt8(ascii: "<") else { throw fail("expected the base IRI in <…>, found \(found)") }
        base = try iriRef()
    }

    func triples() throws {
        let subject: Int32
        switch current {
        case UInt8(ascii: "["):
            let start = pos
            pos += 1
            try skipSpace()
            if current == UInt8(ascii: "]") {
                pos += 1
                subject = newBlank()
            } else {
                subject = try propertyList(start: start)
                try skipSpace()
                if current == UInt8(ascii: ".") { return }
            }
        case UInt8(ascii: "("):
            subject = try collection()
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            throw fail("a literal cannot be the subject of a statement")
        default:
            if matchesKeyword("true") || matchesKeyword("false") { throw fail("a literal cannot be the subject of a statement") }
            subject = try iriOrBlank(role: "a subject")
        }
        try predicateObjectList(subject)
    }

    func predicateObjectList(_ subject: Int32) throws {
        try verbObjectList(subject)
        while true {
            try skipSpace()
            guard current == UInt8(ascii: ";") else { return }
            while current == UInt8(ascii: ";") {
                pos += 1
                try skipSpace()
            }
            if current == UInt8(ascii: ".") || current == UInt8(ascii: "]") || atEnd { return }
            try verbObjectList(subject)
        }
    }

    func verbObjectList(_ subject: Int32) throws {
        try skipSpace()
        let predicate: Int32
        if current == UInt8(ascii: "a"), matchesKeyword("a") {
            pos += 1
            predicate = rdfType
        } else if current == UInt8(ascii: "<") {
            predicate = graph.intern(.iri(try iriRef()))
        } else if current == UInt8(ascii: "_") && peek(1) == UInt8(ascii: ":") || current == UInt8(ascii: "[") {
            throw fail("a blank node cannot be a predicate")
        } else if isNameStart || current == UInt8(ascii: ":") {
            predicate = graph.intern(.iri(try prefixedName()))
        } else {
            throw fail("expected a predicate (an IRI, a prefixed name or 'a'), found \(found)")
        }
        while true {
            try skipSpace()
            let object = try object()
            graph.insert(subject, predicate, object)
            try skipSpace()
            guard current == UInt8(ascii: ",") else { return }
            pos += 1
        }
    }

    func object() throws -> Int32 {
        switch current {
        case UInt8(ascii: "["):
            let start = pos
            pos += 1
            try skipSpace()
            if current == UInt8(ascii: "]") {
                pos += 1
                return newBlank()
            }
            return try propertyList(start: start)
        case UInt8(ascii: "("):
            return try collection()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return graph.intern(.literal(try rdfLiteral()))
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return graph.intern(.literal(try numericLiteral()))
        case UInt8(ascii: ".") where peek(1) >= UInt8(ascii: "0") && peek(1) <= UInt8(ascii: "9"):
            return graph.intern(.literal(try numericLiteral()))
        default:
            if matchesKeyword("true") {
                pos += 4
                return graph.intern(.literal(RDFLiteral("true", datatype: XSD.boolean)))
            }
            if matchesKeyword("false") {
                pos += 5
                return graph.intern(.literal(RDFLiteral("false", datatype: XSD.boolean)))
            }
            return try iriOrBlank(role: "an object")
        }
    }

    /// `[ predicate object ; … ]`, the `[` already read.
    func propertyList(start: Int) throws -> Int32 {
        depth += 1
        defer { depth -= 1 }
        guard depth <= TurtleParser.maximumDepth else { throw fail("blank nodes nested more than \(TurtleParser.maximumDepth) deep", at: start) }
        let node = newBlank()
        try predicateObjectList(node)
        try skipSpace()
        guard current == UInt8(ascii: "]") else { throw fail("expected ']' to close the '[' at \(place(start)), found \(found)") }
        pos += 1
        return node
    }

    /// `( object … )`: `rdf:nil`, or the first of a chain of `rdf:first` / `rdf:rest` blank nodes.
    func collection() throws -> Int32 {
        let start = pos
        pos += 1
        depth += 1
        defer { depth -= 1 }
        guard depth <= TurtleParser.maximumDepth else { throw fail("collections nested more than \(TurtleParser.maximumDepth) deep", at: start) }
        var head: Int32?
        var last: Int32?
        while true {
            try skipSpace()
            if current == UInt8(ascii: ")") {
                pos += 1
                break
            }
            guard !atEnd else { throw fail("expected ')' to close the '(' at \(place(start)), found the end of the file") }
            let node = newBlank()
            if let last { graph.insert(last, rdfRest, node) } else { head = node }
            let item = try object()
            graph.insert(node, rdfFirst, item)
            last = node
        }
        guard let head, let last else { return rdfNil }
        graph.insert(last, rdfRest, rdfNil)
        return head
    }

    /// `line:column` of `offset`, for messages that point back to an opening bracket.
    func place(_ offset: Int) -> String {
        let (line, column) = RDFSyntaxError.position(of: offset, in: bytes)
        return "\(line):\(column)"
    }

    func newBlank() -> Int32 {
        blankCount += 1
        return graph.intern(.blank("b\(blankCount)"))
    }

    /// A keyword (`a`, `true`, `false`) that is not the start of a longer prefixed name.
    func matchesKeyword(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else { return false }
        for index in 0..<count where bytes[pos + index] != word.utf8Start[index] { return false }
        let next = peek(count)
        return !(isNameByte(next) || next == UInt8(ascii: ":") || next == UInt8(ascii: "."))
            || next == UInt8(ascii: ".") && !isNameByte(peek(count + 1))
    }
}
