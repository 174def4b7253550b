import FuzzSupport
import JourneyModel

/// An adapter file (`adapters/<agency>.yaml`) as `lotsen validate` reads it: an agency with its valid services, and
/// diagnostics inside the file; never a trap. A catalog made of it answers for each of its services.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = AgencyFileLoader.load(text, file: "adapters/skatteverket.yaml")
    let breaks = text.unicodeScalars.count { switch $0.value { case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true; default: false } }
    for diagnostic in result.diagnostics {
        _ = diagnostic.description
        precondition(diagnostic.line >= 0 && diagnostic.line <= breaks + 1, "a diagnostic points at line \(diagnostic.line) of a file with \(breaks + 1) lines: \(diagnostic)")
        precondition(diagnostic.line == 0 || diagnostic.column >= 1, "a diagnostic points at a column before its line")
    }
    if let agency = result.agency {
        let catalog = AgencyCatalog(agencies: [agency])
        for service in agency.services { precondition(catalog.service(service.id) != nil, "a service of the agency is not in its catalog") }
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzz) }
}
