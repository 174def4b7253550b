import ArgumentParser
import Foundation
import JourneyModel

/// Where the journeys and adapters are read from.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of journey files (default: ./journeys, or $LOTSEN_JOURNEYS).", valueName: "folder"))
    var journeys: String?

    @Option(name: .long, help: ArgumentHelp("The folder of agency adapter files (default: ./adapters, or $LOTSEN_ADAPTERS).", valueName: "folder"))
    var adapters: String?

    var journeysDirectory: URL { get throws { try Self.locate(journeys, environment: "LOTSEN_JOURNEYS", folder: "journeys") } }
    var adaptersDirectory: URL { get throws { try Self.locate(adapters, environment: "LOTSEN_ADAPTERS", folder: "adapters") } }

    /// Loads the library; invalid files are reported on standard error and make the command fail,
    /// since running people's journeys on a broken definition would mislead them.
    func load() throws -> JourneyLibrary {
        let library: JourneyLibrary
        do {
            library = try JourneyLibrary.load(journeysDirectory: journeysDirectory, adaptersDirectory: adaptersDirectory,
                displayRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch let error as LibraryError {
            throw CLIError(error.message, hint: error.hint)
        }
        if library.diagnostics.hasErrors {
            for diagnostic in library.diagnostics.sortedByLocation() { Console.error(diagnostic.description) }
            throw CLIError("the journey or adapter files have errors", hint: "fix them, then check with: lotsen validate")
        }
        return library
    }

    /// An explicit option wins, then the environment, then the folder in the current directory, then the
    /// folder beside the binary's package (so `.build/debug/lotsen` works from anywhere in a checkout).
    static func locate(_ explicit: String?, environment: String, folder: String) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty { return URL(fileURLWithPath: value) }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(folder)
        if isDirectory(current) { return current }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(folder)
            if isDirectory(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw CLIError("cannot find the \(folder) folder", hint: "run lotsen from the Lotsen folder, or pass --\(folder) FOLDER")
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
