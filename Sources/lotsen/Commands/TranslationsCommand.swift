import ArgumentParser
import Foundation
import JourneyGuide
import JourneyModel

/// `lotsen translations update`: writes or refreshes one language's translation file for a translator.
struct TranslationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Prepare translation files for translators.",
        subcommands: [TranslationsUpdateCommand.self]
    )
}

struct TranslationsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Write or refresh a journey's, adapter's or the guide's translation file for one language.",
        discussion: """
            Writes translations/<lang>/<id>.yaml beside the journey or adapter file: every text with its path, the \
            hash of its English source and the English text as a comment. Existing translations are kept; one whose \
            English text has changed is marked STALE and keeps its old hash until a translator has checked it. An \
            empty text shows English. The id 'guide' writes the guide's own words (prompts, menus, headings) to \
            journeys/translations/<lang>/guide.yaml.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The language to translate into: ar, fa, so, ti or uk.", valueName: "code"))
    var lang: Language

    @Argument(help: ArgumentHelp("The journey or agency id, such as new-in-sweden or skatteverket, or guide for the guide's own words.", valueName: "id"))
    var id: String

    @OptionGroup var library: LibraryOptions

    func run() async throws {
        try await reportingFailures {
            guard !lang.isAuthoring else {
                throw CLIError("\(lang.englishName) is written in the journey and adapter files themselves", hint: "translate into ar, fa, so, ti or uk")
            }
            let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let journeys = try library.journeysDirectory
            let adapters = try library.adaptersDirectory
            let journeyFile = journeys.appendingPathComponent("\(id).yaml")
            let adapterFile = adapters.appendingPathComponent("\(id).yaml")
            if id == TranslationFile.Subject.guideID {
                let target = journeys.appendingPathComponent("translations/\(lang.rawValue)/\(id).yaml")
                try write(texts: GuideCatalog.sourceTexts, subject: .guide, sourceName: GuideCatalog.sourceDescription, to: target, root: root,
                    notes: GuideCatalog.translatorNotes)
                return
            }
            let subject: TranslationFile.Subject
            let sourceURL: URL
            if FileManager.default.fileExists(atPath: journeyFile.path) {
                (subject, sourceURL) = (.journey, journeyFile)
            } else if FileManager.default.fileExists(atPath: adapterFile.path) {
                (subject, sourceURL) = (.adapter, adapterFile)
            } else {
                throw CLIError("no journey or adapter '\(id)'", hint: "see the ids with: lotsen journeys, or ls adapters/")
            }
            let sourceName = JourneyLibrary.display(sourceURL, root: root)
            guard let source = try? String(contentsOf: sourceURL, encoding: .utf8) else { throw CLIError("cannot read \(sourceName)") }
            let diagnostics: [Diagnostic]
            let texts: [SourceText]
            if subject == .journey {
                let loaded = JourneyLoader.load(source, file: sourceName, catalog: nil)
                (diagnostics, texts) = (loaded.diagnostics, loaded.texts)
            } else {
                let loaded = AgencyFileLoader.load(source, file: sourceName)
                (diagnostics, texts) = (loaded.diagnostics, loaded.texts)
            }
            guard !diagnostics.hasErrors, !texts.isEmpty else {
                throw CLIError("\(sourceName) has errors", hint: "fix them first, then check with: lotsen validate")
            }
            let target = sourceURL.deletingLastPathComponent().appendingPathComponent("translations/\(lang.rawValue)/\(id).yaml")
            try write(texts: texts, subject: subject, sourceName: sourceName, to: target, root: root)
        }
    }

    /// Writes `target` for `texts`, keeping the translations it already has.
    private func write(texts: [SourceText], subject: TranslationFile.Subject, sourceName: String, to target: URL, root: URL, notes: [String] = [])
        throws
    {
        let targetName = JourneyLibrary.display(target, root: root)
        var existing: TranslationFile?
        if let text = try? String(contentsOf: target, encoding: .utf8) {
            let read = TranslationFileLoader.load(text, file: targetName, subject: subject, folderLanguage: lang.rawValue)
            guard let file = read.translation else {
                for diagnostic in read.diagnostics { Console.error(diagnostic.description) }
                throw CLIError("\(targetName) has errors", hint: "fix them, then run this again")
            }
            existing = file
        }
        let rendered = TranslationSkeleton.render(texts: texts, existing: existing, language: lang, translates: id, sourceFile: sourceName,
            notes: notes)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try rendered.write(to: target, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError("cannot write \(targetName)", hint: "check that the folder is writable")
        }
        let total = Set(texts.map(\.path)).count
        let translated = existing.map { file in Set(texts.map(\.path)).filter { file.entry($0) != nil }.count } ?? 0
        Console.print("\(existing == nil ? "wrote" : "updated") \(targetName): \(translated)/\(total) texts translated")
    }
}
