import ArgumentParser
import Foundation
import JourneyGuide
import JourneyInterop
import JourneyModel

/// `lotsen export cpsv`: a journey as CPSV-AP 3.2 with CCCEV, in Turtle or JSON-LD.
struct ExportCpsvCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case turtle
        case jsonld
    }

    static let configuration = CommandConfiguration(
        commandName: "cpsv",
        abstract: "Write a journey as CPSV-AP 3.2 (with CCCEV requirements), in Turtle or JSON-LD.",
        discussion: """
            The journey becomes a life or business event; each step done with an agency service a cpsv:PublicService \
            whose competent authority is the agency from adapters/; prerequisites become dct:requires, conditions and \
            needed facts CCCEV requirements, constraints and information concepts; every text carries its language tag. \
            The output conforms to the CPSV-AP 3.2 SHACL shapes.
            """
    )

    @Argument(help: ArgumentHelp("The journey id, such as starting-a-business.", valueName: "journey"))
    var journey: String

    @Option(name: .long, help: "The output format.")
    var format: Format = .turtle

    @Option(name: .long, help: ArgumentHelp("Where the exported resources' IRIs start.", valueName: "iri"))
    var base: String = CPSVExporter.defaultBase

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        guard base.hasPrefix("https://") || base.hasPrefix("http://"), !base.contains(where: { $0.isWhitespace || "<>\"{}|^`\\".contains($0) }) else {
            throw ValidationError("--base '\(base.prefix(100))' is not an http(s) IRI, such as https://example.org/id/")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let loaded = try library.load()
            let definition = try loaded.requireJourney(journey)
            let exporter = CPSVExporter(catalog: loaded.catalog, base: base)
            StandardOutput.write(format == .turtle ? exporter.turtle(for: definition) : exporter.jsonLD(for: definition))
        }
    }
}
