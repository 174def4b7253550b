import Foundation

/// Every journey and agency Lotsen runs with, loaded from a `journeys/` and an `adapters/` folder.
///
/// Loading never stops at the first bad file: the diagnostics cover every file, and the library holds
/// whatever loaded cleanly.
public struct JourneyLibrary: Sendable {
    public let catalog: AgencyCatalog
    /// Journeys by id, in id order.
    public let journeys: [Journey]
    public let diagnostics: [Diagnostic]
    /// The text each journey was loaded from, so an enrollment can pin exactly the definition it started on.
    public let sources: [JourneyID: String]

    public init(catalog: AgencyCatalog, journeys: [Journey], sources: [JourneyID: String] = [:], diagnostics: [Diagnostic] = []) {
        self.catalog = catalog
        self.journeys = journeys.sorted { $0.id < $1.id }
        self.sources = sources
        self.diagnostics = diagnostics
    }

    public func journey(_ id: JourneyID) -> Journey? { journeys.first { $0.id == id } }

    /// Loads the adapters first (journeys refer to their services), then the journeys.
    /// `displayRoot` is stripped from file paths in diagnostics, so they read `journeys/x.yaml`.
    public static func load(journeysDirectory: URL, adaptersDirectory: URL, displayRoot: URL? = nil) throws(LibraryError) -> JourneyLibrary {
        let adapterFiles = try yamlFiles(in: adaptersDirectory)
        let journeyFiles = try yamlFiles(in: journeysDirectory)
        return load(journeyFiles: journeyFiles, adapterFiles: adapterFiles, displayRoot: displayRoot)
    }

    /// Loads the given files; a path that is a folder stands for the YAML files in it.
    public static func load(journeyFiles: [URL], adapterFiles: [URL], displayRoot: URL? = nil) -> JourneyLibrary {
        var diagnostics: [Diagnostic] = []
        var agencies: [Agency] = []
        var seenAgencies: [AgencyID: String] = [:]
        // A file with errors still lends its valid services, so journeys are not told they are missing, but
        // only where no valid file declares the agency: it never replaces or duplicates a good one.
        var partial: [Agency] = []
        for url in adapterFiles {
            let name = display(url, root: displayRoot)
            guard let text = read(url, name: name, into: &diagnostics) else { continue }
            let result = AgencyFileLoader.load(text, file: name)
            diagnostics += result.diagnostics
            guard let agency = result.agency else { continue }
            if result.diagnostics.hasErrors {
                partial.append(agency)
                continue
            }
            if let other = seenAgencies[agency.id] {
                diagnostics.append(Diagnostic(file: name, line: result.idLocation?.line ?? 1, column: result.idLocation?.column ?? 1, path: "agency",
                    message: "agency '\(agency.id)' is also declared in \(other)", hint: "keep one file per agency"))
                continue
            }
            seenAgencies[agency.id] = name
            agencies.append(agency)
        }
        for agency in partial where seenAgencies[agency.id] == nil {
            seenAgencies[agency.id] = "?"
            agencies.append(agency)
        }
        let catalog = AgencyCatalog(agencies: agencies)
        var journeys: [Journey] = []
        var sources: [JourneyID: String] = [:]
        var seenJourneys: [JourneyID: String] = [:]
        for url in journeyFiles {
            let name = display(url, root: displayRoot)
            guard let text = read(url, name: name, into: &diagnostics) else { continue }
            let result = JourneyLoader.load(text, file: name, catalog: catalog)
            diagnostics += result.diagnostics
            guard let journey = result.journey else { continue }
            if let other = seenJourneys[journey.id] {
                diagnostics.append(Diagnostic(file: name, line: result.idLocation?.line ?? 1, column: result.idLocation?.column ?? 1, path: "id",
                    message: "journey '\(journey.id)' is also defined in \(other)", hint: "journey ids must be unique"))
                continue
            }
            seenJourneys[journey.id] = name
            journeys.append(journey)
            sources[journey.id] = text
        }
        return JourneyLibrary(catalog: catalog, journeys: journeys, sources: sources, diagnostics: diagnostics)
    }

    /// The `.yaml`/`.yml` files directly in a folder, sorted by name.
    public static func yamlFiles(in directory: URL) throws(LibraryError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw LibraryError(message: "cannot read the folder \(directory.path)", hint: "check that it exists, or point Lotsen at another one")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    private static func read(_ url: URL, name: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(Diagnostic(file: name, line: 0, column: 0, path: "", message: "cannot read the file", hint: "check that it exists and is readable"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(file: name, line: 0, column: 0, path: "", message: "the file is not UTF-8 text", hint: "save it as UTF-8"))
            return nil
        }
        return text
    }

    static func display(_ url: URL, root: URL?) -> String {
        let path = url.standardizedFileURL.path
        guard let root else { return path }
        let prefix = root.standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A folder of journeys or adapters could not be read at all.
public struct LibraryError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let hint: String
    public var description: String { "\(message) (\(hint))" }
}
