import Testing

@testable import JourneyModel

/// Answers are checked against the fact, not only its type: a number's range and wholeness, a text's length and
/// characters; and a number's decimal mark follows the reader's language.
@Suite("Fact bounds and how numbers are read")
struct FactBoundsTests {
    static let employees = FactDefinition(id: "employees", type: .number, bounds: FactBounds(minimum: 0, maximum: 100_000, wholeNumber: true))
    static let turnover = FactDefinition(id: "turnover", type: .number, bounds: FactBounds(minimum: 0))
    static let fullName = FactDefinition(id: "fullName", type: .text)
    static let hostile = "\u{1B}[2J\u{1B}[31mRED\u{1B}]0;pwned\u{07} x\r\nfake: line"

    private func reason(_ fact: FactDefinition, _ input: String, _ language: Language? = nil) -> FactValueError.Reason? {
        do {
            _ = try fact.value(parsing: input, language: language)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("a negative number of employees is refused, with the range in the hint", arguments: [Language.sv, .en])
    func negativeEmployees(language: Language) {
        #expect(reason(Self.employees, "-1", language) == .tooSmall(minimum: 0, maximum: 100_000))
        #expect(reason(Self.employees, "100001", language) == .tooLarge(maximum: 100_000, minimum: 0))
        #expect(reason(Self.employees, "0", language) == nil)
        #expect(reason(Self.employees, "100 000", language) == nil)
    }

    @Test("1,5 employees is refused as not whole, in the reader's language")
    func decimalCommaForWholeNumber() throws {
        let error = try #require(throws: FactValueError.self) { try Self.employees.value(parsing: "1,5", language: .sv) }
        #expect(error.reason == .notWholeNumber)
        #expect(error.message(in: .sv) == "svaret ska vara ett heltal")
        #expect(error.hint(in: .sv) == "skriv det utan decimaler, till exempel 3")
        #expect(error.message(in: .en) == "expected a whole number")
        let range = try #require(throws: FactValueError.self) { try Self.employees.value(parsing: "-1", language: .sv) }
        #expect(range.message(in: .sv) == "det minsta tillåtna svaret är 0")
        #expect(range.hint(in: .sv) == "skriv ett tal från 0 till 100 000")
        #expect(range.hint(in: .en) == "write a number from 0 to 100,000")
    }

    @Test("the decimal comma is understood in Swedish; in English a comma only groups thousands")
    func decimalMarkFollowsLanguage() throws {
        #expect(try Self.turnover.value(parsing: "2,5", language: .sv) == .number(2.5))
        #expect(try Self.turnover.value(parsing: "2.5", language: .sv) == .number(2.5))
        #expect(try Self.turnover.value(parsing: "1 500 000", language: .sv) == .number(1_500_000))
        #expect(try Self.turnover.value(parsing: "1,500", language: .en) == .number(1500))
        #expect(try Self.turnover.value(parsing: "12,000,000.5", language: .en) == .number(12_000_000.5))
        #expect(try Self.turnover.value(parsing: "2.5", language: .en) == .number(2.5))
        #expect(reason(Self.turnover, "1,5", .en) == .decimalComma)
        // Without a language (stored forms, agencies' text) a comma is a decimal mark, as before.
        #expect(try Self.turnover.value(parsing: "2,5") == .number(2.5))
    }

    @Test("each language reads a number as it writes one: 120,000 copied from an Arabic, Persian, Somali or Tigrinya screen is 120000, not 120",
        arguments: [Language.ar, .fa, .so, .ti])
    func translatedLanguagesReadNumbersAsTheyWriteThem(language: Language) throws {
        let written = FactValue.format(number: 120_000, in: language)
        #expect(written == "120,000")
        #expect(try Self.turnover.value(parsing: written, language: language) == .number(120_000))
        #expect(reason(Self.turnover, "1,5", language) == .decimalComma)
    }

    @Test("Ukrainian writes and reads numbers as Swedish does: 120 000 and 2,5")
    func ukrainianWritesADecimalComma() throws {
        #expect(FactValue.format(number: 120_000.5, in: .uk) == "120 000,5")
        #expect(try Self.turnover.value(parsing: "120 000,5", language: .uk) == .number(120_000.5))
        #expect(try Self.turnover.value(parsing: "2.5", language: .uk) == .number(2.5))
    }

    @Test("digits typed on an Arabic or Persian keyboard are read as 0-9, in numbers, dates and identity numbers; text is kept as typed")
    func easternArabicDigits() throws {
        #expect(try Self.turnover.value(parsing: "١٥٠٠", language: .ar) == .number(1500))
        #expect(try Self.turnover.value(parsing: "۲٫۵", language: .fa) == .number(2.5))
        #expect(try Self.turnover.value(parsing: "۱۲۰٬۰۰۰", language: .fa) == .number(120_000))
        #expect(try FactValue.parse("۲۰۲۶-۰۱-۱۵", as: .date) == .date(CalendarDate(iso: "2026-01-15")!))
        #expect(try FactValue.parse("١٩٩٠٠١٠١-٢٣٨٥", as: .personnummer) == FactValue.parse(OfficialTestNumbers.personnummer, as: .personnummer))
        #expect(try FactValue.parse("شارع ١٢", as: .text) == .text("شارع ١٢"))
    }

    @Test("yes and no are understood in every language's words and shown in the reader's", arguments: [
        (Language.ar, "نعم", "لا"), (.fa, "بله", "نه"), (.so, "haa", "maya"), (.ti, "እወ", "ኣይፋል"), (.uk, "так", "ні"), (.sv, "ja", "nej"), (.en, "yes", "no"),
    ])
    func yesAndNoInEveryLanguage(language: Language, yes: String, no: String) throws {
        #expect(try FactValue.parse(yes, as: .bool) == .bool(true))
        #expect(try FactValue.parse(no, as: .bool) == .bool(false))
        #expect(try FactValue.parse(yes.uppercased(), as: .bool) == .bool(true))
        #expect(FactValue.bool(true).display(in: language) == yes)
        #expect(FactValue.bool(false).display(in: language) == no)
    }

    @Test("forms that are not numbers a person types are refused", arguments: ["1e5", "0x10", "inf", "nan", "1.2.3", "1,2,3", "--1", "12a", ".", "-"])
    func notNumbers(input: String) {
        #expect(reason(Self.turnover, input, .sv) == .notNumber)
    }

    @Test("a text answer with ESC, BEL, CR/LF, NUL or a bidi override is refused, naming the character and where it is",
        arguments: [("\u{1B}[2J", "U+001B", 1), ("a\u{07}", "U+0007", 2), ("a\r\nb", "U+000D", 2), ("ab\u{0}", "U+0000", 3), ("x\u{202E}y", "U+202E", 2),
            ("\t", nil, 0)])
    func controlCharactersRefused(input: String, name: String?, position: Int) {
        // A lone tab is trimmed away like any surrounding whitespace: the answer is then empty.
        let expected: FactValueError.Reason = name.map { .controlCharacter($0, position: position) } ?? .empty
        #expect(reason(Self.fullName, input) == expected)
    }

    @Test("the attack from the issue is refused with a message that does not repeat it")
    func hostileNameRefused() throws {
        let error = try #require(throws: FactValueError.self) { try Self.fullName.value(parsing: Self.hostile, language: .en) }
        #expect(error.message(in: .en) == "character 1 is a control character (U+001B), which cannot be stored")
        #expect(error.message(in: .sv) == "tecken 1 är ett styrtecken (U+001B), som inte kan sparas")
        #expect(!error.description.contains("pwned"))
    }

    @Test("a text answer longer than its fact allows is refused; without maxLength the limit is 500")
    func textLength() throws {
        #expect(reason(Self.fullName, String(repeating: "a", count: 500)) == nil)
        #expect(reason(Self.fullName, String(repeating: "a", count: 501)) == .tooLong(500))
        let short = FactDefinition(id: "childName", type: .text, bounds: FactBounds(maxLength: 10))
        #expect(reason(short, "Alexandra Maria") == .tooLong(10))
        // Combining marks count: one grapheme cannot hide a megabyte.
        #expect(reason(short, "a" + String(repeating: "\u{301}", count: 20)) == .tooLong(10))
    }

    @Test("an agency's value is checked against the same bounds")
    func agencyValuesChecked() {
        #expect(throws: FactValueError.self) { try Self.employees.check(.number(-3)) }
        #expect(throws: FactValueError.self) { try Self.fullName.check(.text("Tolvan\u{1B}[2J")) }
        #expect(AgencyValue.string("Tolvan\u{1B}[2J").factValue(as: .text) == nil)
    }

    @Test("control characters print as visible escapes, and JSON stays the same document")
    func visibleEscapes() {
        #expect(ControlCharacters.visible(Self.hostile) == #"\u{1B}[2J\u{1B}[31mRED\u{1B}]0;pwned\u{07} x\u{0D}\u{0A}fake: line"#)
        #expect(ControlCharacters.visible("Tolvan Tolvansson, Testgatan 1 – åäö") == "Tolvan Tolvansson, Testgatan 1 – åäö")
        #expect(ControlCharacters.visible("a\u{9B}b\u{7F}\u{2028}") == #"a\u{9B}b\u{7F}\u{2028}"#)
        #expect(ControlCharacters.visibleJSON("{\"a\":\"x\u{9B}y\u{2066}\"}") == #"{"a":"x\u009by\u2066"}"#)
        #expect(ControlCharacters.visibleJSON("{\n\t\"a\" : 1\n}") == "{\n\t\"a\" : 1\n}")
    }

    @Test("the shipped journey counts employees as a whole number from 0")
    func shippedEmployees() throws {
        let library = JourneyLibrary.load(journeyFiles: [ValidatorFixtures.journeysDirectory.appendingPathComponent("starting-a-business.yaml")],
            adapterFiles: ValidatorFixtures.adapterFiles, displayRoot: ValidatorFixtures.packageRoot)
        let employees = try #require(library.journey("starting-a-business")?.fact("employees"))
        #expect(employees.bounds.minimum == 0)
        #expect(employees.bounds.wholeNumber)
        #expect(throws: FactValueError.self) { try employees.value(parsing: "-1", language: .sv) }
    }
}
