import ArgumentParser

/// `lotsen export`: journeys in the forms other catalogues read.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a journey in another standard.",
        discussion: "See docs/interop.md for how a journey maps onto each format and what the export loses.",
        subcommands: [ExportCpsvCommand.self]
    )
}
