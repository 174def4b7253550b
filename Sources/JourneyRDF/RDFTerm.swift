/// One RDF term: an IRI, a blank node or a literal (RDF 1.1 Concepts).
public enum RDFTerm: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// An absolute IRI, as written after resolution against the base.
    case iri(String)
    /// A blank node, by its label in one graph; labels only mean something inside that graph.
    case blank(String)
    case literal(RDFLiteral)

    /// A plain string literal (`xsd:string`).
    public static func string(_ value: String) -> RDFTerm { .literal(RDFLiteral(value)) }

    /// A literal with a language tag (`rdf:langString`).
    public static func text(_ value: String, language: String) -> RDFTerm { .literal(RDFLiteral(value, language: language)) }

    /// A typed literal.
    public static func typed(_ value: String, _ datatype: String) -> RDFTerm { .literal(RDFLiteral(value, datatype: datatype)) }

    public var isBlank: Bool { if case .blank = self { true } else { false } }

    /// The IRI, when the term is one.
    public var iriValue: String? { if case .iri(let value) = self { value } else { nil } }

    /// The literal, when the term is one.
    public var literalValue: RDFLiteral? { if case .literal(let value) = self { value } else { nil } }

    /// N-Triples form, for messages and tests.
    public var description: String {
        switch self {
        case .iri(let value): "<\(value)>"
        case .blank(let label): "_:\(label)"
        case .literal(let literal): literal.description
        }
    }

    public static func < (lhs: RDFTerm, rhs: RDFTerm) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)), (.blank(let a), .blank(let b)): a < b
        case (.literal(let a), .literal(let b)): (a.lexical, a.datatype, a.language ?? "") < (b.lexical, b.datatype, b.language ?? "")
        case (.iri, _): true
        case (.blank, .literal): true
        default: false
        }
    }
}

/// A literal: its lexical form, its datatype IRI and, for `rdf:langString`, its language tag as written.
public struct RDFLiteral: Hashable, Sendable, CustomStringConvertible {
    public let lexical: String
    public let datatype: String
    public let language: String?

    public init(_ lexical: String, datatype: String = XSD.string) {
        self.lexical = lexical
        self.datatype = datatype
        language = nil
    }

    public init(_ lexical: String, language: String) {
        self.lexical = lexical
        datatype = RDF.langString
        self.language = language
    }

    public var description: String {
        let quoted = "\"" + NTriples.escape(lexical) + "\""
        if let language { return quoted + "@" + language }
        return datatype == XSD.string ? quoted : quoted + "^^<\(datatype)>"
    }
}

/// A statement: subject, predicate, object.
public struct RDFTriple: Hashable, Sendable, CustomStringConvertible {
    public let subject: RDFTerm
    public let predicate: RDFTerm
    public let object: RDFTerm

    public init(_ subject: RDFTerm, _ predicate: RDFTerm, _ object: RDFTerm) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public var description: String { "\(subject) \(predicate) \(object) ." }
}

/// N-Triples string escaping, shared by messages, tests and the serializers.
enum NTriples {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
