import Foundation
import JourneyModel
import Testing

// Every personnummer and samordningsnummer in this file comes from Skatteverket's open data sets
// "Testpersonnummer" and "Testsamordningsnummer" (CC0, skatteverket.se / dataportal.se): numbers reserved
// for testing that are never assigned to anyone. Each passes the Luhn check. Invalid inputs are those
// numbers with one digit changed (or an impossible date), so they cannot name anyone either.
//   199001012385  born 1990-01-01          200002292399  born 2000-02-29 (leap day)
//   190001019801  born 1900-01-01          201901012391  born 2019-01-01
//   201912312392  born 2019-12-31          202301612392  samordningsnummer, born 2023-01-01 (day 61)
//   193207912381  samordningsnummer, born 1932-07-31 (day 91)

/// A fixed "today" so no test depends on the clock.
private let today = CalendarDate(year: 2026, month: 3, day: 1)!

private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

private func parse(_ input: String, on day: CalendarDate = today) throws(IdentityNumberError) -> Personnummer {
    try Personnummer(parsing: input, today: day)
}

@Suite("Personnummer")
struct PersonnummerTests {
    @Test("accepts the 12- and 10-digit forms, with a hyphen or without, and surrounding whitespace", arguments: [
        "199001012385", "19900101-2385", "900101-2385", "9001012385", "  19900101-2385\n", "\t900101-2385 ",
        "19900101\u{2013}2385",  // an en dash, as copied from a PDF or a word processor
    ])
    func acceptsWrittenForms(input: String) throws {
        let number = try parse(input)
        #expect(number.twelveDigits == "199001012385")
        #expect(number.formatted == "19900101-2385")
        #expect(number.kind == .personnummer)
        #expect(number.birthDate == date(1990, 1, 1))
    }

    @Test("a plus sign in the 10-digit form means 100 years or older")
    func plusMeansACenturyEarlier() async throws {
        let number = try parse("000101+9801")
        #expect(number.twelveDigits == "190001019801")
        #expect(number.birthDate == date(1900, 1, 1))
    }

    @Test("the century of a 10-digit form is the most recent one that does not put the birth after today")
    func centuryIsResolvedAgainstToday() async throws {
        // On the last day of 1999 the year 00 cannot be 2000 yet, so it is 1900.
        #expect(try parse("000101-9801", on: date(1999, 12, 31)).twelveDigits == "190001019801")
        // A day later the same digits are a newborn.
        #expect(try parse("000101-9801", on: date(2000, 1, 1)).birthDate == date(2000, 1, 1))
        // Born today is not in the future.
        #expect(try parse("190101-2391", on: date(2019, 1, 1)).twelveDigits == "201901012391")
        // The day before, the birthday has not come this century, so it is the previous one.
        #expect(try parse("190101-2391", on: date(2018, 12, 31)).birthDate == date(1919, 1, 1))
        // No separator reads like a hyphen: younger than 100.
        #expect(try parse("9001012385", on: date(2026, 3, 1)).birthDate.year == 1990)
    }

    @Test("a 12-digit number keeps its century whatever today is")
    func twelveDigitsKeepTheirCentury() async throws {
        #expect(try parse("19000101-9801").birthDate == date(1900, 1, 1))
        #expect(try parse("201901012391", on: date(2119, 6, 1)).birthDate == date(2019, 1, 1))
    }

    @Test("the 29th of February exists in leap years only, including the 400-year rule")
    func leapDay() async throws {
        #expect(try parse("20000229-2399").twelveDigits == "200002292399")
        #expect(try parse("000229-2399").birthDate == date(2000, 2, 29))
        // 2001 is not a leap year; 1900 is not either (divisible by 100, not by 400).
        #expect(throws: IdentityNumberError.invalidDate) { try parse("20010229-2399") }
        #expect(throws: IdentityNumberError.invalidDate) { try parse("19000229-2399") }
        #expect(throws: IdentityNumberError.invalidDate) { try parse("000229+2399") }
    }

    @Test("a samordningsnummer keeps day plus 60 in its digits and gives the real birth date")
    func samordningsnummer() async throws {
        let first = try parse("202301612392")
        #expect(first.kind == .samordningsnummer)
        #expect(first.twelveDigits == "202301612392")
        #expect(first.formatted == "20230161-2392")
        #expect(first.birthDate == date(2023, 1, 1))
        #expect(try parse("230161-2392").twelveDigits == "202301612392")

        let last = try parse("19320791-2381")
        #expect(last.kind == .samordningsnummer)
        #expect(last.birthDate == date(1932, 7, 31))
        #expect(try parse("320791-2381").twelveDigits == "193207912381")
    }

    @Test("a day that exists in neither kind is an impossible date", arguments: [
        "19900100-2385",  // day 00
        "19901301-2385",  // month 13
        "19900001-2385",  // month 00
        "19900132-2385",  // day 32
        "19900160-2385",  // day 60: neither a date nor a samordningsnummer
        "20230192-2392",  // day 92 = 32 + 60
        "20230290-2392",  // the 30th of February as a samordningsnummer
    ])
    func impossibleDates(input: String) {
        #expect(throws: IdentityNumberError.invalidDate) { try parse(input) }
    }

    @Test("a wrong check digit is refused", arguments: ["19900101-2386", "900101-2384", "202301612393", "000101+9802"])
    func wrongCheckDigit(input: String) async {
        #expect(throws: IdentityNumberError.checkDigitMismatch(.personnummer)) { try parse(input) }
    }

    @Test("two swapped digits are caught by the check digit")
    func swappedDigits() async {
        #expect(throws: IdentityNumberError.checkDigitMismatch(.personnummer)) { try parse("19900101-3285") }
    }

    @Test("only 10 or 12 digits make a personnummer", arguments: [
        ("9001012", 7), ("900101-238", 9), ("19900101238", 11), ("1990010123850", 13), ("-", 0),
    ])
    func wrongLength(input: String, digits: Int) {
        #expect(throws: IdentityNumberError.wrongLength(.personnummer, digits: digits)) { try parse(input) }
    }

    @Test("letters, spaces inside and non-ASCII digits are refused", arguments: [
        "19900101-238X", "abc", "1990 0101 2385", "19900101/2385", "١٩٩٠٠١٠١٢٣٨٥",
    ])
    func unexpectedCharacters(input: String) {
        #expect(throws: IdentityNumberError.unexpectedCharacter(.personnummer)) { try parse(input) }
    }

    @Test("the separator goes between the date and the last four digits, once", arguments: [
        "1990-0101-2385", "199001-012385", "9001-012385", "900101--2385", "-9001012385",
    ])
    func misplacedSeparator(input: String) {
        #expect(throws: IdentityNumberError.misplacedSeparator(.personnummer)) { try parse(input) }
    }

    @Test("a plus sign with a four-digit year is refused")
    func plusWithFourDigitYear() async {
        #expect(throws: IdentityNumberError.plusWithFourDigitYear) { try parse("19000101+9801") }
    }

    @Test("empty input is refused", arguments: ["", "   ", "\n"])
    func empty(input: String) async {
        #expect(throws: IdentityNumberError.empty(.personnummer)) { try parse(input) }
    }

    @Test("a birth date after today is refused")
    func futureBirthDate() async throws {
        let midsummer2019 = date(2019, 6, 1)
        #expect(throws: IdentityNumberError.futureBirthDate) { try parse("20191231-2392", on: midsummer2019) }
        #expect(try parse("20190101-2391", on: midsummer2019).birthDate == date(2019, 1, 1))
        // A samordningsnummer is judged by its real birth date, not its day plus 60.
        #expect(throws: IdentityNumberError.futureBirthDate) { try parse("202301612392", on: date(2022, 12, 31)) }
        #expect(try parse("202301612392", on: date(2023, 1, 1)).kind == .samordningsnummer)
    }

    @Test("error messages and hints never contain the digits that were typed", arguments: [
        "19900101-2386", "900101-2384", "19901301-2385", "20010229-2399", "19900101238", "19900101-238X",
        "1990-0101-2385", "19000101+9801", "20191231-2392", "20230192-2392",
    ])
    func errorsDoNotEchoInput(input: String) {
        do {
            _ = try parse(input, on: date(2019, 6, 1))
            Issue.record("expected the input to be refused")
        } catch {
            let digits = input.filter(\.isASCIIDigit)
            for text in [error.message, error.hint, error.description] {
                #expect(!text.contains(input))
                #expect(!text.contains(digits))
                // No run of four typed digits (a year, a birth number) may appear either.
                for start in 0...(digits.count - 4) {
                    let window = digits.dropFirst(start).prefix(4)
                    #expect(!text.contains(window), "\(error) repeats part of the input")
                }
            }
        }
    }

    @Test("description, debug description and dump are redacted, so logs never show the number")
    func redactedDescriptions() async throws {
        let number = try parse("199001012385")
        #expect("\(number)" == "personnummer(redacted)")
        #expect(String(reflecting: number) == "personnummer(redacted)")
        var dumped = ""
        dump(number, to: &dumped)
        #expect(!dumped.contains("2385"))
        #expect(!dumped.contains("900101"))
        #expect("\(try parse("202301612392"))" == "samordningsnummer(redacted)")
    }

    @Test("different written forms of one number are the same value")
    func equality() async throws {
        let forms = try ["199001012385", "900101-2385", "9001012385"].map { try parse($0) }
        #expect(Set(forms).count == 1)
        #expect(try parse("199001012385") != parse("200002292399"))
    }

    @Test("encodes as the twelve digits and decodes them back, validating")
    func codable() async throws {
        let number = try parse("900101-2385")
        let data = try JSONEncoder().encode(number)
        #expect(String(decoding: data, as: UTF8.self) == "\"199001012385\"")
        #expect(try JSONDecoder().decode(Personnummer.self, from: data) == number)
        #expect(try JSONDecoder().decode(Personnummer.self, from: Data("\"20230161-2392\"".utf8)).kind == .samordningsnummer)
        // A ten-digit form's century would depend on the day it is read; a bad check digit is still bad.
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Personnummer.self, from: Data("\"9001012385\"".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Personnummer.self, from: Data("\"199001012386\"".utf8)) }
    }

    @Test("the published test numbers in OfficialTestNumbers are valid", arguments: [
        OfficialTestNumbers.personnummer, OfficialTestNumbers.leapDayPersonnummer,
        OfficialTestNumbers.centenarianPersonnummer, OfficialTestNumbers.childPersonnummer,
        OfficialTestNumbers.samordningsnummer,
    ])
    func officialTestNumbersParse(number: String) throws {
        #expect(try parse(number).twelveDigits == number)
    }
}
