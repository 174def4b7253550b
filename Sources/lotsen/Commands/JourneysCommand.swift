import ArgumentParser
import Foundation
import JourneyModel

/// `lotsen journeys`: the journeys Lotsen can guide a person through.
struct JourneysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "journeys", abstract: "List the journeys.")

    @OptionGroup var library: LibraryOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try await reportingFailures {
            let loaded = try library.load()
            let language = language.language
            let width = loaded.journeys.map(\.id.rawValue.count).max() ?? 0
            for journey in loaded.journeys {
                let steps = journey.steps.filter { !$0.isGroup }.count
                let label = Labels(language: language)
                Console.print("\(journey.id.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(journey.title[language])"
                    + " · v\(journey.version) · \(steps) \(label("steps", "steg"))")
            }
        }
    }
}
