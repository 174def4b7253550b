import ArgumentParser
import Foundation
import JourneyGuide
import JourneyModel

/// `lotsen validate`: checks journey and adapter files and reports every problem, compiler style.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check journey and adapter files and report every problem at once.",
        discussion: """
            With no paths, checks every file in the journeys and adapters folders and their translations. A path \
            may be a file or a folder; files in a folder named 'adapters' are read as adapter files, all others as \
            journeys; a named journey or adapter is checked with its translations. Services are always checked \
            against the adapters folder. Prints each file's translation coverage per language; a missing or stale \
            translation is a warning, a malformed translation file an error. With no paths, also checks the \
            translations of the guide's own words, journeys/translations/<lang>/guide.yaml.
            """
    )

    @Argument(help: ArgumentHelp("Journey or adapter files or folders to check.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var library: LibraryOptions

    func run() async throws {
        try await reportingFailures {
            let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            var journeyFiles: [URL] = []
            var adapterFiles: [URL] = []
            // The files whose coverage is reported: all, or the ones named.
            var reported: [URL] = []
            let adaptersDirectory = try library.adaptersDirectory.standardizedFileURL
            if paths.isEmpty {
                journeyFiles = try yamlFiles(library.journeysDirectory)
                adapterFiles = try yamlFiles(adaptersDirectory)
                reported = journeyFiles + adapterFiles
            } else {
                var namedAdapters: [URL] = []
                for path in paths {
                    let url = URL(fileURLWithPath: path).standardizedFileURL
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        throw CLIError("no such file or folder: \(path)", hint: "check the path")
                    }
                    let files = LibraryOptions.isDirectory(url) ? try yamlFiles(url) : [url]
                    let isAdapter = (LibraryOptions.isDirectory(url) ? url : url.deletingLastPathComponent()).lastPathComponent == "adapters"
                    if isAdapter { namedAdapters += files } else { journeyFiles += files }
                }
                // Journeys are checked against the whole adapters folder; named adapter files replace their namesakes in it.
                let replaced = Set(namedAdapters.map(\.lastPathComponent))
                adapterFiles = (try? yamlFiles(adaptersDirectory))?.filter { !replaced.contains($0.lastPathComponent) } ?? []
                adapterFiles += namedAdapters
                reported = journeyFiles + namedAdapters
            }
            // The guide's words are checked with the whole library, when no paths narrow it down.
            let guideFiles = paths.isEmpty ? try guideTranslations(library.journeysDirectory) : []
            let loaded = JourneyLibrary.load(journeyFiles: journeyFiles, adapterFiles: adapterFiles,
                journeyTranslationFiles: translations(of: journeyFiles) + guideFiles, adapterTranslationFiles: translations(of: adapterFiles),
                displayRoot: root)
            let guide = GuideTranslationCheck.check(loaded.guideTranslations, against: GuideCatalog.sourceTexts)
            let diagnostics = (loaded.diagnostics + guide.diagnostics).sortedByLocation()
            for diagnostic in diagnostics { Console.print(diagnostic.description) }
            // Coverage is news only where translating has begun: a folder without translations stays quiet.
            let translating = Set(reported.filter { !JourneyLibrary.translationFiles(in: $0.deletingLastPathComponent()).isEmpty }
                .map { JourneyLibrary.display($0, root: root) })
            for coverage in loaded.coverage.sorted(by: { $0.file < $1.file }) where translating.contains(coverage.file) {
                Console.print(coverage.description)
            }
            if !guideFiles.isEmpty { Console.print(guide.coverage.description) }
            let errors = diagnostics.filter { $0.severity == .error }
            let warnings = diagnostics.count - errors.count
            if errors.isEmpty {
                var summary = "\(count(journeyFiles.count, "journey file")) and \(count(adapterFiles.count, "adapter file")) are valid"
                if warnings > 0 { summary += " (\(count(warnings, "warning")))" }
                Console.print(summary + ".")
            } else {
                let files = Set(errors.map(\.file)).count
                Console.print("\(count(errors.count, "error")) in \(count(files, "file"))" + (warnings > 0 ? ", \(count(warnings, "warning"))." : "."))
                throw ExitCode(1)
            }
        }
    }

    private func yamlFiles(_ directory: URL) throws -> [URL] {
        do { return try JourneyLibrary.yamlFiles(in: directory) } catch { throw CLIError(error.message, hint: error.hint) }
    }

    /// The translation files of the given journey or adapter files: `translations/<lang>/<same name>` beside each.
    private func translations(of files: [URL]) -> [URL] {
        var found: [URL] = []
        for folder in Set(files.map { $0.deletingLastPathComponent() }).sorted(by: { $0.path < $1.path }) {
            let names = Set(files.filter { $0.deletingLastPathComponent() == folder }.map(\.lastPathComponent))
            found += JourneyLibrary.translationFiles(in: folder).filter { names.contains($0.lastPathComponent) }
        }
        return found
    }

    /// The guide's translation files: `translations/<lang>/guide.yaml` in the journeys folder.
    private func guideTranslations(_ journeys: URL) throws -> [URL] {
        JourneyLibrary.translationFiles(in: journeys).filter { $0.deletingPathExtension().lastPathComponent == TranslationFile.Subject.guideID }
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
