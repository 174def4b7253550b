import Foundation
import FuzzSupport

/// The part of JourneyHTTP's `APIError` that `JSONSyntaxCheck` uses: a 400 with a code, a message and a field.
struct APIError: Error {
    let status: Int
    let code: String
    let message: String
    let field: String?

    static func badRequest(_ code: String, _ message: String, field: String? = nil) -> APIError {
        APIError(status: 400, code: code, message: message, field: field)
    }
}

/// The JSON API's syntax check of a request body, which runs before any decoder: it accepts one JSON value or
/// refuses with a 400 naming line and column (or the duplicate key); never a trap, an endless loop or a deep
/// recursion. What it accepts, JSONSerialization reads too, except text that is not UTF-8 (left to the decoder on
/// purpose); lone surrogates in `\u` escapes are the check's to refuse, with their place.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    do {
        try JSONSyntaxCheck.check(bytes)
    } catch {
        precondition(error.status == 400 && !error.message.isEmpty, "the syntax check refused without a 400 and a message")
        if error.code == "malformedJSON" { precondition(error.message.contains(" at line "), "a syntax error without its line and column") }
        return 0
    }
    // Bytes that are not UTF-8 inside a string pass the syntax check (it quotes no text) and are refused by the decoder.
    if String(validating: bytes, as: UTF8.self) != nil {
        let read = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        precondition(read != nil, "the syntax check accepted a body that JSONSerialization refuses")
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzz) }
}
