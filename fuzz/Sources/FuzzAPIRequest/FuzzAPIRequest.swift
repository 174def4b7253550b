import FuzzSupport
import Foundation
import HTTPTypes
import JourneyEngine
import JourneyModel

@testable import JourneyHTTP

let today = CalendarDate(year: 2026, month: 12, day: 4)!

let types: [FactType] = [
    .bool, .text, .number, .date, .country, .personnummer, .organisationsnummer,
    .choice(["aktiebolag", "enskildFirma"].map { ChoiceOption(value: $0, label: LocalizedText($0)) }),
]

/// Decodes `bytes` as the body of one route, as `Request.decodeStrict` does after reading it. A refusal is always a
/// 400 `APIError` (the documented error body), never another error that would become a 500.
func decode<Body: StrictDecodable>(_ body: Body.Type, _ bytes: Data) -> Body? {
    do {
        return try StrictJSON.decode(body, from: bytes)
    } catch let error as APIError {
        precondition(error.status == .badRequest, "a request body was refused with \(error.status.code), not 400")
        return nil
    } catch {
        preconditionFailure("a request body was refused with \(type(of: error)), not an APIError")
    }
}

/// What the JSON API reads from a client before any engine call: a request body through the syntax check
/// (`JSONSyntaxCheck`) and the strict decoders of every route that takes one, the answers in it as facts of every type,
/// a caseworker list's `cursor`, and a `person` reference.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    do {
        try JSONSyntaxCheck.check([UInt8](bytes))
    } catch {
        precondition(error.status == .badRequest, "the syntax check refused with \(error.status.code), not 400")
    }
    _ = decode(EnrollmentController.StartBody.self, bytes)
    _ = decode(EnrollmentController.CompleteBody.self, bytes)
    _ = decode(EnrollmentController.EmptyBody.self, bytes)
    _ = decode(AgencyEventController.EventBody.self, bytes)
    if let body = decode(EnrollmentController.FactsBody.self, bytes) {
        for answer in body.answers.values {
            for type in types {
                _ = try? FactValue.parse(answer.text, as: type, language: .sv, today: today)
                _ = try? FactValue.parse(answer.text, as: type, language: .en, today: today)
            }
        }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? PageCursor.decode(text, filters: "0123456789abcdef")
    _ = try? PersonReference(parsing: text, today: today)
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzz) }
}
