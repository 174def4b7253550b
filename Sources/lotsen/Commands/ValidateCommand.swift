import ArgumentParser
import Foundation
import JourneyModel

/// `lotsen validate`: checks journey and adapter files and reports every problem, compiler style.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check journey and adapter files and report every problem at once.",
        discussion: """
            With no paths, checks every file in the journeys and adapters folders. A path may be a file or a \
            folder; files in a folder named 'adapters' are read as adapter files, all others as journeys. \
            Services are always checked against the adapters folder.
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
            let adaptersDirectory = try library.adaptersDirectory.standardizedFileURL
            if paths.isEmpty {
                journeyFiles = try yamlFiles(library.journeysDirectory)
                adapterFiles = try yamlFiles(adaptersDirectory)
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
            }
            let loaded = JourneyLibrary.load(journeyFiles: journeyFiles, adapterFiles: adapterFiles, displayRoot: root)
            let diagnostics = loaded.diagnostics.sortedByLocation()
            for diagnostic in diagnostics { Console.print(diagnostic.description) }
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

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
