import FuzzSupport
import JourneyModel

/// Personnummer, samordningsnummer and organisationsnummer as people type them: parsing either accepts a number whose
/// canonical form parses again to itself, or throws; it never traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let today = CalendarDate(year: 2026, month: 12, day: 4)!
    if let number = try? Personnummer(parsing: input, today: today) {
        _ = (number.kind, number.birthDate, number.formatted, number.description)
        let again = try? Personnummer(parsing: number.twelveDigits, today: today)
        precondition(again == number, "a parsed personnummer's twelve digits do not parse to the same number")
    }
    if let number = try? Organisationsnummer(parsing: input) {
        let again = try? Organisationsnummer(parsing: number.tenDigits)
        precondition(again == number, "a parsed organisationsnummer's ten digits do not parse to the same number")
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzz) }
}
