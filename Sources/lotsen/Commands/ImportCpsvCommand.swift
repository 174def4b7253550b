import ArgumentParser
import Foundation
import JourneyGuide
import JourneyInterop

/// `lotsen import cpsv`: a CPSV-AP catalogue as adapter files and, for each life or business event, a journey file.
struct ImportCpsvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpsv",
        abstract: "Make adapter and journey files from a CPSV-AP catalogue (Turtle or JSON-LD).",
        discussion: """
            FILE is CPSV-AP 3.2 (or CPSV-AP-NO) in Turtle, or in JSON-LD when its name ends in .jsonld or .json. Each \
            competent authority becomes an adapter file with its public services; each life or business event that \
            groups services becomes a journey, its prerequisites from dct:requires. Nothing is fetched: the CPSV-AP \
            3.2 JSON-LD context is built in, and --context gives any other context the file names. What Lotsen cannot \
            represent is reported as a warning on standard error.

            The files are written under --output (adapters/ID.yaml and journeys/ID.yaml), or to standard output as \
            one YAML stream. An existing file is only replaced with --force.
            """
    )

    @Argument(help: ArgumentHelp("The catalogue.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("A JSON-LD context file for every context the document names by IRI.", valueName: "file"))
    var context: String?

    @Option(name: .long, help: ArgumentHelp("The folder to write adapters/ and journeys/ in (default: standard output).", valueName: "folder"))
    var output: String?

    @Flag(name: .long, help: "Replace files that exist.")
    var force = false

    func run() async throws {
        try await reportingFailures {
            let result: CPSVImporter.Result
            do {
                result = try CPSVImporter.importFile(at: URL(fileURLWithPath: file), file: file, context: context.map { URL(fileURLWithPath: $0) })
            } catch let error as ImportError {
                throw CLIError(error.description, hint: error.hint)
            }
            for warning in result.warnings { Console.error("warning: \(file): \(warning)") }
            guard let output else {
                StandardOutput.write(result.files.map { "--- # \($0.path)\n" + $0.text }.joined())
                return
            }
            let folder = URL(fileURLWithPath: output)
            for (path, text) in result.files {
                let target = folder.appendingPathComponent(path)
                try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let shown = (output as NSString).appendingPathComponent(path)
                do {
                    try Data(text.utf8).write(to: target, options: force ? [.atomic] : [.withoutOverwriting])
                } catch {
                    if !force, FileManager.default.fileExists(atPath: target.path) {
                        throw CLIError("\(shown) already exists", hint: "choose another --output, or add --force to replace it")
                    }
                    throw CLIError("cannot write \(shown)", hint: "check that you may write to \(output)")
                }
                Console.error("Wrote \(shown)")
            }
            Console.error("Check them with: lotsen validate --journeys \((output as NSString).appendingPathComponent("journeys")) --adapters \((output as NSString).appendingPathComponent("adapters"))")
        }
    }
}
