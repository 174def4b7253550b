import ArgumentParser
import Foundation
import JourneySQLite
import JourneyStore

/// Which SQLite file holds people's progress.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (default: $LOTSEN_DATABASE, else lotsen/lotsen.sqlite in your data folder).",
        valueName: "file"))
    var database: String?

    var path: String {
        if let database { return database }
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["LOTSEN_DATABASE"], !value.isEmpty { return value }
        // XDG on Linux; the same layout under the home folder elsewhere.
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
        return URL(fileURLWithPath: dataHome).appendingPathComponent("lotsen/lotsen.sqlite").path
    }

    func open() throws -> SQLiteJourneyStore {
        do { return try SQLiteJourneyStore(path: path) } catch { throw CLIError(error.message, hint: error.hint) }
    }
}
