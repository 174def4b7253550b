import Foundation
import JourneyModel
import JourneyRDF

/// Imports a GOV.UK step-by-step navigation (a content item from `https://www.gov.uk/api/content/…`) as a Lotsen
/// journey file, in the content item's language. docs/interop.md has the mapping and what it loses.
///
/// The journey is checked with ``JourneyLoader`` before it is returned, so what comes out always validates.
public enum GOVUKImporter {
    public struct Options: Sendable {
        /// The journey id; by default from the content item's `base_path`.
        public var id: String?
        /// GOV.UK does not say which life event a navigation is for; without one the journey has none.
        public var lifeEvent: LifeEvent?

        public init(id: String? = nil, lifeEvent: LifeEvent? = nil) {
            self.id = id
            self.lifeEvent = lifeEvent
        }
    }

    public struct Result: Sendable {
        public let journeyID: JourneyID
        /// The journey file's text.
        public let yaml: String
        public let warnings: [ImportWarning]
    }

    /// GOV.UK's content items are a few tens of kilobytes; a file this large is not one.
    public static let maximumFileSize = 8 * 1024 * 1024

    /// Reads and imports the file at `url`; `file` is how the person named it, for messages.
    public static func importFile(at url: URL, file: String, options: Options = Options()) throws(ImportError) -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ImportError(.unreadable, file: file, message: isDirectory.boolValue ? "is a folder, not a file" : "no such file", hint: "check the path")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // Read one byte more than allowed, so a file that grows, or a device that never ends, is still caught.
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw ImportError(.unreadable, file: file, message: "cannot be read", hint: "check that the file exists and that you may read it")
        }
        guard data.count <= maximumFileSize else {
            throw ImportError(.unreadable, file: file, message: "is larger than \(maximumFileSize / 1024 / 1024) MB, far larger than any GOV.UK content item",
                hint: "save the content item of one step-by-step page")
        }
        return try importJSON(Array(data), file: file, options: options)
    }

    /// Imports the JSON text of a content item.
    public static func importJSON(_ bytes: [UInt8], file: String, options: Options = Options()) throws(ImportError) -> Result {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ImportError(.syntax, file: file, line: error.line, column: error.column, message: "not valid JSON: \(error.message)",
                hint: "save the content item exactly as https://www.gov.uk/api/content/… returns it")
        }
        var reader = StepByStepReader(file: file)
        let navigation = try reader.read(root)
        var mapper = StepByStepMapper(file: file, options: options)
        let journey = try mapper.journey(from: navigation)
        var header = ["Imported from GOV.UK by `lotsen import govuk`" + (journey.source.map { ": \($0)" } ?? "")]
        header.append("Contains public sector information licensed under the Open Government Licence v3.0.")
        header.append("Review the steps, add facts and conditions, and bump 'version' when you change them.")
        let yaml = JourneyYAMLWriter.write(journey, header: header)
        let check = JourneyLoader.load(yaml, file: "\(journey.id).yaml", catalog: nil)
        if let problem = check.diagnostics.first(where: { $0.severity == .error }) {
            throw ImportError(.internalError, file: file, message: "the imported journey does not validate (\(problem.description))",
                hint: "this is a bug in Lotsen's importer; please report it with the file")
        }
        return Result(journeyID: JourneyID(journey.id), yaml: yaml, warnings: reader.warnings + mapper.warnings)
    }
}
