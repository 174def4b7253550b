import JourneyModel
import Testing

/// Inputs the fuzz targets (`scripts/fuzz`, docs/fuzzing.md) found to crash or mislead a parser, kept as tests.
@Suite("Fuzz findings: hostile input to the model's parsers")
struct FuzzFindingsTests {
    private static let today = CalendarDate(year: 2026, month: 3, day: 1)!

    /// `FuzzIdentityNumber`, crash-f6ef0444: a digit followed by a combining mark is one `Character` that sorted
    /// between "0" and "9", so it passed as a digit and its `wholeNumberValue!` trapped.
    @Test("a digit with a combining mark is refused as a personnummer character, not a crash", arguments: [
        "2019021013\u{36E}\u{36E}1", "19900101-238\u{301}5", "199001012385\u{20DD}", "0\u{301}",
    ])
    func digitWithCombiningMarkInPersonnummer(input: String) {
        #expect(throws: IdentityNumberError.self) { try Personnummer(parsing: input, today: Self.today) }
    }

    @Test("a digit with a combining mark is refused as an organisationsnummer character, not a crash", arguments: [
        "202100-544\u{301}8", "2021005448\u{36E}",
        "16\u{659}202100-5448",  // crash-8f4eaf8a: a 6 with an Arabic combining mark
    ])
    func digitWithCombiningMarkInOrganisationsnummer(input: String) {
        #expect(throws: IdentityNumberError.self) { try Organisationsnummer(parsing: input) }
    }

    /// The same mistake made the condition lexer read `1\u{301}` as a number whose text did not convert, silently 0.
    @Test("a number with a combining mark in a condition is a syntax error, not the number 0")
    func digitWithCombiningMarkInCondition() throws {
        #expect(throws: ConditionError.self) { try Condition.parse("employees > 1\u{301}") }
    }

    @Test("only the ten ASCII digits are ASCII digits", arguments: [
        ("0", true), ("9", true), ("5\u{301}", false), ("٣", false), ("\r\n", false), ("/", false), (":", false),
    ] as [(Character, Bool)])
    func asciiDigits(character: Character, expected: Bool) {
        #expect(character.isASCIIDigit == expected)
    }

    /// `FuzzAdapterFile`, crash-7f5dbb05: libyaml ends a last line without a line break with one of its own, so a
    /// flow mapping left open there was reported on line 11 of a 10-line file.
    @Test("a YAML syntax error at the end of a file without a final line break points just after its last character", arguments: [
        ("agency: kommun\nname: { sv: Din kommun", 2, 23), ("agency: kommun\r\nname: [a, b", 2, 12), ("name: { sv: x\n", 2, 1),
    ])
    func syntaxErrorAtTheEnd(text: String, line: Int, column: Int) throws {
        let adapter = AgencyFileLoader.load(text, file: "adapters/kommun.yaml").diagnostics
        let journey = JourneyLoader.load(text, file: "journeys/x.yaml", catalog: nil).diagnostics
        for diagnostics in [adapter, journey] {
            let syntax = try #require(diagnostics.first { $0.message.hasPrefix("YAML syntax error") })
            #expect((syntax.line, syntax.column) == (line, column))
        }
    }

    /// `FuzzAdapterFile`, crash-de4c77ca: an explicit key (`? key`) on a last line without a line break gets its empty
    /// value marked on the line after it, so a diagnostic named line 14 of a 13-line file.
    @Test("a node libyaml marks past the end of the file is reported at the file's end")
    func nodePastTheEnd() throws {
        let text = "agency: skatteverket\nname: { sv: Skatteverket, en: Swedish Tax Agency }\nservices:\n  population-record:\n    kind: lookup\n  ?     applic"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let adapter = AgencyFileLoader.load(text, file: "adapters/skatteverket.yaml").diagnostics
        let journey = JourneyLoader.load(text, file: "journeys/x.yaml", catalog: nil).diagnostics
        #expect(!adapter.isEmpty)
        for diagnostic in adapter + journey {
            #expect(diagnostic.line <= lines, "\(diagnostic)")
        }
    }
}
