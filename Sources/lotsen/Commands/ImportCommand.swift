import ArgumentParser

/// `lotsen import`: journeys from the forms agencies already publish their services in.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a journey file from content published in another standard.",
        discussion: "See docs/interop.md for how each format maps onto a journey and what the import loses.",
        subcommands: [ImportGovukCommand.self, ImportCpsvCommand.self]
    )
}
