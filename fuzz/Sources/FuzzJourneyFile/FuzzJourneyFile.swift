import FuzzSupport
import Foundation
import JourneyModel

/// The agencies of the repository's `adapters/`, so a journey's `service:` references resolve as in `lotsen validate`.
let catalog: AgencyCatalog = {
    let adapters = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../adapters").standardized
    let files = (try? JourneyLibrary.yamlFiles(in: adapters)) ?? []
    return JourneyLibrary.load(journeyFiles: [], adapterFiles: files).catalog
}()

/// A journey file as `lotsen validate` reads it: YAML, the schema, conditions, the step graph. Either a journey or
/// diagnostics, each at a line and column inside the file; never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = JourneyLoader.load(text, file: "journeys/fuzz.yaml", catalog: catalog)
    checkLocations(result.diagnostics, in: text)
    if let journey = result.journey {
        precondition(!result.diagnostics.hasErrors, "a journey came back with errors")
        _ = journey.stages
        for fact in journey.facts { _ = fact.type }
    }
    return 0
}

/// Every diagnostic stands inside the file: line 0 (the file as a whole) or a line that exists, at column 1 or later.
/// YAML breaks lines at LF, CR, NEL, LS and PS, so counting all of them (CRLF twice) bounds the lines from above.
func checkLocations(_ diagnostics: [Diagnostic], in text: String) {
    let breaks = text.unicodeScalars.count { switch $0.value { case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true; default: false } }
    for diagnostic in diagnostics {
        _ = diagnostic.description
        precondition(diagnostic.line >= 0 && diagnostic.line <= breaks + 1, "a diagnostic points at line \(diagnostic.line) of a file with \(breaks + 1) lines: \(diagnostic)")
        precondition(diagnostic.line == 0 || diagnostic.column >= 1, "a diagnostic points at a column before its line")
    }
}

@main enum Main {
    static func main() { runFuzzer(fuzz) }
}
