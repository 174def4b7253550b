import Foundation
import JourneyModel
import JourneyRDF

/// Reads a CPSV-AP catalogue (Turtle or JSON-LD) into agencies for `adapters/` and, for each life or business event
/// that groups services, a journey. What Lotsen cannot represent is reported as a warning, never dropped silently.
/// docs/interop.md has the mapping and what it loses.
public enum CPSVImporter {
    public struct Result: Sendable {
        public let agencies: [Agency]
        public let journeys: [Journey]
        /// The files to write: `adapters/ID.yaml` and `journeys/ID.yaml`, relative to the output folder.
        public let files: [(path: String, text: String)]
        public let warnings: [ImportWarning]
    }

    /// Catalogues run to megabytes; a file this large is not one to import by hand.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// The context IRIs SEMIC publishes for CPSV-AP 3.2.0, read from the copy built into Lotsen.
    public static let builtInContexts = [
        "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld",
        "https://semiceu.github.io/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld",
    ]

    /// Reads and imports the file at `url`; JSON-LD when its name ends in .jsonld or .json, Turtle otherwise.
    public static func importFile(at url: URL, file: String, context: URL? = nil) throws(ImportError) -> Result {
        let bytes = try read(url, file: file)
        var documents: [String: JSONValue] = [:]
        if let builtIn = try? JSONParser.parse(Array(CPSVContext.json.utf8)) {
            for iri in builtInContexts { documents[iri] = builtIn }
        }
        if let context {
            let contextBytes = try read(context, file: context.path)
            do {
                documents[JSONLDParser.anyContext] = try JSONParser.parse(contextBytes)
            } catch {
                throw ImportError(.syntax, file: context.path, line: error.line, column: error.column, message: "not valid JSON: \(error.message)")
            }
        }
        let base = url.absoluteURL.absoluteString
        let graph: RDFGraph
        do {
            if ["jsonld", "json"].contains(url.pathExtension.lowercased()) {
                graph = try JSONLDParser.parse(bytes, base: base, documents: documents)
            } else {
                graph = try TurtleParser.parse(bytes, base: base)
            }
        } catch {
            throw ImportError(.syntax, file: file, line: error.line > 0 ? error.line : nil, column: error.line > 0 ? error.column : nil,
                message: error.message, hint: "fix the file, or check it with any RDF validator")
        }
        return try importGraph(graph, file: file)
    }

    private static func read(_ url: URL, file: String) throws(ImportError) -> [UInt8] {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ImportError(.unreadable, file: file, message: "cannot be read", hint: "check that the file exists and that you may read it")
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maximumFileSize + 1) ?? Data() else {
            throw ImportError(.unreadable, file: file, message: "cannot be read", hint: "check that it is a file")
        }
        guard data.count <= maximumFileSize else {
            throw ImportError(.unreadable, file: file, message: "is larger than \(maximumFileSize / 1024 / 1024) MB", hint: "split the catalogue")
        }
        return Array(data)
    }

    /// Imports a graph already read.
    public static func importGraph(_ graph: RDFGraph, file: String) throws(ImportError) -> Result {
        var mapper = CPSVMapper(index: CPSVGraphIndex(graph), file: file)
        try mapper.map()
        var files: [(String, String)] = []
        for agency in mapper.agencies { files.append(("adapters/\(agency.id).yaml", CPSVYAMLWriter.adapter(agency, source: file))) }
        for journey in mapper.journeys { files.append(("journeys/\(journey.id).yaml", CPSVYAMLWriter.journey(journey, source: file))) }
        return Result(agencies: mapper.agencies, journeys: mapper.journeys, files: files, warnings: mapper.warnings)
    }
}
