import ArgumentParser
import Foundation
import JourneyStore

/// `lotsen database`: making a database on purpose.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database",
        abstract: "Create the database on purpose.",
        discussion: """
            'lotsen serve' never makes a database: a server that found its file gone and started on a new, empty one \
            would refuse every token and hide that the data is lost. Create the database once with 'lotsen database \
            create' (or start the server the first time with --create-database). The other commands still create \
            the SQLite file on first use, so that the guide just works on a new machine.
            """,
        subcommands: [DatabaseCreateCommand.self]
    )
}

/// `lotsen database create`
struct DatabaseCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create the database (an SQLite file, or the tables of an empty PostgreSQL database) and migrate it.",
        discussion: """
            An SQLite file is created with its folder. A PostgreSQL database must exist already (createdb, or your \
            provider's console); this creates its tables. A database that exists is migrated to this version and \
            left as it is otherwise; the command says which it found. Exit status 0 either way.
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingFailures {
            let existed = database.isPostgres || FileManager.default.fileExists(atPath: database.value)
            let store = try await database.open(create: true)
            let migrations = try await store.appliedMigrations()
            let health = await store.health()
            let name = store.displayName
            await store.close()
            guard health.isHealthy else { throw CLIError("the database \(name) cannot take changes: \(health.message)", hint: health.hint) }
            if existed {
                Console.print("The database \(name) is ready (\(migrations.count) migrations applied).")
            } else {
                Console.print("Created a new, empty database: \(name) (\(migrations.count) migrations applied).")
            }
        }
    }
}
