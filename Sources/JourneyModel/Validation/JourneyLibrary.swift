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

    /// The translation files that loaded cleanly, journeys' and adapters'.
    public let translations: [TranslationFile]
    /// Each journey's and adapter's translation coverage, in the order the files were read.
    public let coverage: [TranslationCoverage]
    /// The translations of the guide's own words that loaded cleanly, one per language: `journeys/translations/<lang>/guide.yaml`.
    /// Their texts are checked against the guide's words by `lotsen validate` (``GuideTranslationCheck``), since
    /// those words are in the guide's source, not in a journey file.
    public let guideTranslations: [TranslationFile]

    public init(catalog: AgencyCatalog, journeys: [Journey], sources: [JourneyID: String] = [:], diagnostics: [Diagnostic] = [],
        translations: [TranslationFile] = [], coverage: [TranslationCoverage] = [], guideTranslations: [TranslationFile] = [])
    {
        self.catalog = catalog
        self.journeys = journeys.sorted { $0.id < $1.id }
        self.sources = sources
        self.diagnostics = diagnostics
        self.translations = translations
        self.coverage = coverage
        self.guideTranslations = guideTranslations
    }

    public func journey(_ id: JourneyID) -> Journey? { journeys.first { $0.id == id } }

    /// The translation of the guide's own words into `language`, if there is one.
    public func guideTranslation(_ language: Language) -> TranslationFile? { guideTranslations.first { $0.language == language } }

    /// The translation files of a journey, one per translated language.
    public func translations(of journey: JourneyID) -> [TranslationFile] {
        translations.filter { $0.subject == .journey && $0.translates == journey.rawValue }
    }

    /// Loads the adapters first (journeys refer to their services), then the journeys, each with its translations
    /// from the folder's `translations/<lang>/`.
    /// `displayRoot` is stripped from file paths in diagnostics, so they read `journeys/x.yaml`.
    public static func load(journeysDirectory: URL, adaptersDirectory: URL, displayRoot: URL? = nil) throws(LibraryError) -> JourneyLibrary {
        let adapterFiles = try yamlFiles(in: adaptersDirectory)
        let journeyFiles = try yamlFiles(in: journeysDirectory)
        return load(journeyFiles: journeyFiles, adapterFiles: adapterFiles, journeyTranslationFiles: translationFiles(in: journeysDirectory),
            adapterTranslationFiles: translationFiles(in: adaptersDirectory), displayRoot: displayRoot)
    }

    /// Loads the given files; translation files are matched to what they translate by their `translates` id.
    public static func load(journeyFiles: [URL], adapterFiles: [URL], journeyTranslationFiles: [URL] = [], adapterTranslationFiles: [URL] = [],
        displayRoot: URL? = nil) -> JourneyLibrary
    {
        var diagnostics: [Diagnostic] = []
        var adapterTranslations = readTranslations(adapterTranslationFiles, subject: .adapter, root: displayRoot, into: &diagnostics)
        // The guide's words are translated beside the journeys', in translations/<lang>/guide.yaml: one folder per
        // language holds everything a translator of that language works on, and the guide finds it wherever it finds
        // the journeys. No journey may therefore be called 'guide'.
        let isGuide = { (url: URL) in url.deletingPathExtension().lastPathComponent == TranslationFile.Subject.guideID }
        var journeyTranslations = readTranslations(journeyTranslationFiles.filter { !isGuide($0) }, subject: .journey, root: displayRoot, into: &diagnostics)
        let guideTranslations = readTranslations(journeyTranslationFiles.filter(isGuide), subject: .guide, root: displayRoot, into: &diagnostics)
            .values.flatMap { $0 }.sorted { $0.language.rawValue < $1.language.rawValue }
        var coverage: [TranslationCoverage] = []
        var loadedTranslations: [TranslationFile] = []
        var agencies: [Agency] = []
        var seenAgencies: [AgencyID: String] = [:]
        // A file with errors still lends its valid services, so journeys are not told they are missing, but
        // only where no valid file declares the agency: it never replaces or duplicates a good one.
        var partial: [Agency] = []
        for url in adapterFiles {
            let name = display(url, root: displayRoot)
            guard let text = read(url, name: name, into: &diagnostics) else { continue }
            let stem = AgencyFileLoader.fileStem(name) ?? name
            let translations = adapterTranslations.removeValue(forKey: stem) ?? []
            let result = AgencyFileLoader.load(text, file: name, translations: translations)
            diagnostics += result.diagnostics
            if result.agency != nil {
                let checked = TranslationCheck.check(translations, against: result.texts, file: name, id: stem)
                diagnostics += checked.diagnostics
                coverage.append(checked.coverage)
                loadedTranslations += translations
            }
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
            let stem = AgencyFileLoader.fileStem(name) ?? name
            if stem == TranslationFile.Subject.guideID {
                diagnostics.append(Diagnostic(file: name, line: 0, column: 0, path: "",
                    message: "a journey cannot be called '\(stem)': translations/<lang>/\(stem).yaml translates the guide's own words",
                    hint: "rename the file and its id"))
                continue
            }
            let translations = journeyTranslations.removeValue(forKey: stem) ?? []
            let result = JourneyLoader.load(text, file: name, catalog: catalog, translations: translations)
            diagnostics += result.diagnostics
            guard let journey = result.journey else { continue }
            let checked = TranslationCheck.check(translations, against: result.texts, file: name, id: stem)
            diagnostics += checked.diagnostics
            coverage.append(checked.coverage)
            loadedTranslations += translations
            if let other = seenJourneys[journey.id] {
                diagnostics.append(Diagnostic(file: name, line: result.idLocation?.line ?? 1, column: result.idLocation?.column ?? 1, path: "id",
                    message: "journey '\(journey.id)' is also defined in \(other)", hint: "journey ids must be unique"))
                continue
            }
            seenJourneys[journey.id] = name
            journeys.append(journey)
            sources[journey.id] = text
        }
        for (id, files) in journeyTranslations.merging(adapterTranslations, uniquingKeysWith: +) {
            for file in files {
                diagnostics.append(Diagnostic(file: file.file, line: 0, column: 0, path: "translates",
                    message: "there is no \(file.subject.rawValue) '\(id)' to translate",
                    hint: "check the id, or remove the file"))
            }
        }
        return JourneyLibrary(catalog: catalog, journeys: journeys, sources: sources, diagnostics: diagnostics, translations: loadedTranslations,
            coverage: coverage, guideTranslations: guideTranslations)
    }

    /// The translation files under `directory/translations/<lang>/`, sorted; none when there is no such folder.
    public static func translationFiles(in directory: URL) -> [URL] {
        let root = directory.appendingPathComponent("translations")
        guard let languages = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        return languages.sorted().flatMap { language -> [URL] in
            let folder = root.appendingPathComponent(language)
            return ((try? yamlFiles(in: folder)) ?? [])
        }
    }

    /// Reads translation files, by the id they translate; a file with errors is reported and left out.
    private static func readTranslations(_ urls: [URL], subject: TranslationFile.Subject, root: URL?, into diagnostics: inout [Diagnostic])
        -> [String: [TranslationFile]]
    {
        var result: [String: [TranslationFile]] = [:]
        for url in urls {
            let name = display(url, root: root)
            guard let text = read(url, name: name, into: &diagnostics) else { continue }
            let folder = url.deletingLastPathComponent().lastPathComponent
            let loaded = TranslationFileLoader.load(text, file: name, subject: subject, folderLanguage: folder)
            diagnostics += loaded.diagnostics
            if let translation = loaded.translation { result[translation.translates, default: []].append(translation) }
        }
        return result
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

    /// `url` as diagnostics name it: relative to `root` when inside it.
    public static func display(_ url: URL, root: URL?) -> String {
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
