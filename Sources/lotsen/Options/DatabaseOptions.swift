import ArgumentParser
import Foundation
import JourneyPostgres
import JourneySQLite
import JourneyStore

/// Where people's progress is kept: an SQLite file (the default, one machine) or a PostgreSQL database (several
/// `lotsen serve` nodes).
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database file, or a PostgreSQL URL postgres://user@host:port/database (default: $LOTSEN_DATABASE, else lotsen/lotsen.sqlite in your data folder).",
            valueName: "file-or-url"))
    var database: String?

    /// What was given, or the default file.
    var value: String {
        if let database { return database }
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["LOTSEN_DATABASE"], !value.isEmpty { return value }
        return Self.dataFolder.appendingPathComponent("lotsen.sqlite").path
    }

    /// Whether `text` starts like a URL (`scheme:`, or `postgres` without an SQLite file's ending), as no database
    /// file Lotsen is meant to create does.
    static func looksLikeURL(_ text: String) -> Bool {
        if text.lowercased().hasPrefix("postgres"), !text.hasSuffix(".sqlite"), !text.hasSuffix(".db") { return true }
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        return text[..<colon].allSatisfy { $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." } && text[..<colon].count > 1
    }

    /// Whether the store is a PostgreSQL database rather than a file.
    var isPostgres: Bool { PostgresLocation.isPostgresURL(value) }

    /// Lotsen's folder in the user's data folder: XDG on Linux, the same layout under the home folder elsewhere.
    static var dataFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
        return URL(fileURLWithPath: dataHome).appendingPathComponent("lotsen")
    }

    /// Where files that belong beside the database go (the sandbox agencies' cases): next to an SQLite file, or in
    /// the data folder for a PostgreSQL database.
    var siblingBase: String {
        isPostgres ? Self.dataFolder.appendingPathComponent("lotsen").path : URL(fileURLWithPath: value).deletingPathExtension().path
    }

    /// Opens the store, running any migrations it lacks. The password of a URL is read from it or from
    /// `PGPASSWORD`, and never shown. A missing SQLite file is created (with its folder) unless `create` is false:
    /// `lotsen serve` passes false, so a database deleted or moved is reported rather than replaced by an empty one.
    /// A PostgreSQL database is never created here (an operator creates it, with `createdb`).
    func open(create: Bool = true, server: Bool = false) async throws -> any LotsenStore {
        do throws(StorageError) {
            if isPostgres { return try await PostgresJourneyStore.open(try PostgresLocation(url: value), keepsConnectionsOpen: server) }
            // A mistyped URL must not become an SQLite file named after it.
            if Self.looksLikeURL(value) { _ = try PostgresLocation(url: value) }
            return try SQLiteJourneyStore(path: value, durability: try Self.sqliteDurability(), create: create)
        } catch {
            throw CLIError(error.message, hint: error.hint)
        }
    }

    /// The environment variable that chooses how hard an SQLite commit insists on reaching the disk.
    static let synchronousVariable = "LOTSEN_SQLITE_SYNCHRONOUS"

    /// `LOTSEN_SQLITE_SYNCHRONOUS`: `normal` (the default; survives a killed process, a power cut may lose the last
    /// commits) or `full` (every commit is on the disk before it is acknowledged). Anything else is refused rather
    /// than silently taken as the default: an operator who asked for `full` must get it.
    static func sqliteDurability(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(StorageError)
        -> SQLiteJourneyStore.Durability
    {
        guard let text = environment[synchronousVariable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .normal }
        switch text.lowercased() {
        case "normal": return .normal
        case "full": return .full
        default:
            throw StorageError(.cannotOpen, "\(synchronousVariable) is '\(text.prefix(40))', which is neither normal nor full",
                hint: "set \(synchronousVariable)=full for commits that survive a power cut, normal (the default) for faster ones, or unset it")
        }
    }
}
