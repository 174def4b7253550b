import FuzzSupport
import Foundation
import JourneyModel

// `AgencyCase(decoding:service:)` is JourneyAdapters' own file, linked into this target (AgencyCase+Decoding.swift), so
// fuzzing it does not build AsyncHTTPClient, SwiftNIO and BoringSSL with the sanitizers.

/// The repository's agencies, for the fields their services' `returns:` read out of an answer.
let catalog: AgencyCatalog = {
    let adapters = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../adapters").standardized
    let files = (try? JourneyLibrary.yamlFiles(in: adapters)) ?? []
    return JourneyLibrary.load(journeyFiles: [], adapterFiles: files).catalog
}()

let types: [FactType] = [
    .bool, .text, .number, .date, .country, .personnummer, .organisationsnummer,
    .choice(["aktiebolag", "enskildFirma"].map { ChoiceOption(value: $0, label: LocalizedText($0)) }),
]

let service = ServiceID(agency: "skatteverket", name: "fuzz")

/// An agency's answer body as `HTTPAgencyAdapter` reads it: JSON into an `AgencyValue`, then a case (application or
/// case status) or a lookup's `matches`, and the facts its services' `returns:` take out of it. A case that is read
/// has a bounded, plain id and message; nothing traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    guard let json = try? JSONDecoder().decode(AgencyValue.self, from: body) else { return 0 }
    var records = [json]
    if let answer = try? AgencyCase(decoding: json, service: service) {
        precondition(AgencyText.problem(in: answer.caseID, limit: AgencyText.referenceLength) == nil, "a case id that is not plain text was read")
        if let message = answer.message {
            precondition(AgencyText.problem(in: message, limit: AgencyText.messageLength) == nil, "a case message that is not plain text was read")
        }
        records.append(answer.fields)
    }
    if case .object(let fields) = json, case .array(let matches)? = fields["matches"] { records += matches }
    for record in records {
        for agency in catalog.agencies {
            for mapping in agency.services.flatMap(\.returns) {
                guard let raw = record.value(at: mapping) else { continue }
                for type in types {
                    if let value = raw.factValue(as: type) { precondition(value.conforms(to: type), "a fact value of another type was read") }
                }
            }
        }
    }
    // What Lotsen stores and sends again is the same value once written out and read back.
    let written = try! JSONEncoder().encode(json)
    let again = try! JSONDecoder().decode(AgencyValue.self, from: written)
    precondition(again == json, "an agency value changed when written and read back")
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzz) }
}
