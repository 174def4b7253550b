import ArgumentParser
import Foundation
import JourneyGuide
import JourneyInterop
import JourneyModel

/// `lotsen import govuk`: a GOV.UK step-by-step navigation as a journey file.
struct ImportGovukCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "govuk",
        abstract: "Make a journey file from a GOV.UK step-by-step navigation.",
        discussion: """
            FILE is the JSON of a step-by-step page from GOV.UK's content API: for https://www.gov.uk/learn-to-drive-a-car, \
            save https://www.gov.uk/api/content/learn-to-drive-a-car. Numbered steps follow each other, 'and' steps \
            sit beside the step before, 'or' steps become alternatives; each step's links, with their fees as costs, \
            come along. The journey is written in the content item's language. Links that are not web links are \
            dropped, and everything else the import changes is reported as a warning on standard error.

            The journey file is written to standard output, or to --output (a file, or a folder to write ID.yaml \
            in). An existing file is only replaced with --force.
            """
    )

    @Argument(help: ArgumentHelp("The content item's JSON.", valueName: "file.json"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The journey id, in kebab-case (default: from the content item's base_path).", valueName: "id"))
    var id: String?

    @Option(name: .long, help: ArgumentHelp("The life event the journey is for; GOV.UK does not say, and without it the journey has none.", valueName: "event"))
    var lifeEvent: LifeEvent?

    @Option(name: .long, help: ArgumentHelp("Where to write the journey file, or a folder to write ID.yaml in (default: standard output).", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        if let id, !JourneyID(id).isWellFormed || id.count > 100 {
            throw ValidationError("--id '\(id.prefix(100))' is not a journey id: use lower-case letters, digits and single hyphens, such as 'learn-to-drive-a-car'")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let result: GOVUKImporter.Result
            do {
                result = try GOVUKImporter.importFile(at: URL(fileURLWithPath: file), file: file, options: .init(id: id, lifeEvent: lifeEvent))
            } catch let error as ImportError {
                throw CLIError(error.description, hint: error.hint)
            }
            for warning in result.warnings { Console.error("warning: \(file): \(warning)") }
            guard let output else {
                // The YAML as written (its emitter escapes control characters); a closed pipe ends the command with 141.
                StandardOutput.write(result.yaml)
                return
            }
            var target = URL(fileURLWithPath: output)
            if LibraryOptions.isDirectory(target) { target.appendPathComponent("\(result.journeyID).yaml") }
            let shown = LibraryOptions.isDirectory(URL(fileURLWithPath: output)) ? (output as NSString).appendingPathComponent("\(result.journeyID).yaml") : output
            if target.deletingPathExtension().lastPathComponent != result.journeyID.rawValue {
                Console.error("warning: \(shown): the journey id is '\(result.journeyID)'; lotsen validate expects the file to be named \(result.journeyID).yaml")
            }
            try write(result.yaml, to: target, shown: shown)
            Console.error("Wrote \(shown) (journey '\(result.journeyID)'). Check it with: lotsen validate \(shown)")
        }
    }

    /// Writes the file; without --force an existing file is refused without being touched (O_EXCL, no check-then-write race).
    private func write(_ text: String, to url: URL, shown: String) throws {
        do {
            try Data(text.utf8).write(to: url, options: force ? [.atomic] : [.withoutOverwriting])
        } catch {
            if !force, FileManager.default.fileExists(atPath: url.path) {
                throw CLIError("\(shown) already exists", hint: "choose another --output, or add --force to replace it")
            }
            throw CLIError("cannot write \(shown)", hint: "check that the folder exists and that you may write to it")
        }
    }
}

extension LifeEvent: ExpressibleByArgument {}
