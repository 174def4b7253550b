import Foundation
import JourneyRDF

/// `lotsen-rdf`: Lotsen's RDF parsers on their own, for scripts/rdf-check (differential tests against rdflib) and
/// bench/rdf-parse.sh (speed and memory). Not a user command; `lotsen import cpsv` and `lotsen export cpsv` are.
///
///     lotsen-rdf parse FILE [--base IRI] [--format turtle|jsonld] [--context FILE]   N-Triples; an error as line:column
///     lotsen-rdf turtle FILE [--base IRI]                            the file read and written again as Turtle
///     lotsen-rdf time FILE [--base IRI]                              parse once, print triples, seconds and peak memory
@main
enum LotsenRDF {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else { fail("usage: lotsen-rdf parse|turtle|time FILE [--base IRI] [--format turtle|jsonld]", status: 2) }
        let mode = arguments.removeFirst()
        let path = arguments.removeFirst()
        var base: String?
        var documents: [String: JSONValue] = [:]
        var format = path.hasSuffix(".jsonld") || path.hasSuffix(".json") ? "jsonld" : "turtle"
        while !arguments.isEmpty {
            let option = arguments.removeFirst()
            guard !arguments.isEmpty else { fail("\(option) needs a value", status: 2) }
            switch option {
            case "--base": base = arguments.removeFirst()
            case "--format": format = arguments.removeFirst()
            case "--context":
                let file = arguments.removeFirst()
                guard let data = FileManager.default.contents(atPath: file), let json = try? JSONParser.parse(Array(data)) else {
                    fail("cannot read the context \(file) as JSON", status: 2)
                }
                documents[JSONLDParser.anyContext] = json
            default: fail("unknown option \(option)", status: 2)
            }
        }
        // Mapped, not copied: the file counts once in the memory figures.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { fail("cannot read \(path)", status: 2) }
        let before = peakMemoryKB()
        let start = clock()
        var graph = RDFGraph()
        if format == "jsonld" {
            do {
                graph = try JSONLDParser.parse(Array(data), base: base, documents: documents)
            } catch {
                fail("\(path):\(error)", status: 1)
            }
        }
        let failure = format == "jsonld" ? nil : data.withUnsafeBytes { raw -> RDFSyntaxError? in
            do {
                try TurtleParser.parse(buffer: raw.bindMemory(to: UInt8.self), base: base, into: &graph)
                return nil
            } catch {
                return error as? RDFSyntaxError ?? RDFSyntaxError(line: 1, column: 1, message: "\(error)")
            }
        }
        if let failure { fail("\(path):\(failure)", status: 1) }
        let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        switch mode {
        case "parse": FileHandle.standardOutput.write(Data(graph.nTriples.utf8))
        case "turtle": FileHandle.standardOutput.write(Data(TurtleSerializer().serialize(graph).utf8))
        case "time":
            print("triples \(graph.count) cpu_seconds \(String(format: "%.3f", seconds)) peak_kb \(peakMemoryKB()) before_kb \(before) bytes \(data.count)")
        default: fail("unknown mode \(mode)", status: 2)
        }
    }

    /// The process's peak resident memory so far, in kilobytes.
    static func peakMemoryKB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(status)
    }
}
