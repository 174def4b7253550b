import Testing

@testable import JourneyModel

@Suite("Condition satisfiability")
struct ConditionSatisfiabilityTests {
    private func canHold(_ source: String) throws -> Bool {
        try ConditionTestFacts.condition(source).canHold(factTypes: ConditionTestFacts.types)
    }

    @Test("conditions that can never hold", arguments: [
        "false",
        "hasChildren and not hasChildren",
        "hasChildren == true and hasChildren == false",
        "age < 18 and age > 65",
        "age >= 18 and age < 18",
        "age > 18 and age < 18.0",
        #"arrivalDate > "2026-01-01" and arrivalDate < "2026-01-02""#,
        #"arrivalDate >= "2026-03-01" and arrivalDate <= "2026-02-28""#,
        "citizenship in EU and citizenship not in EU_EEA",
        #"citizenship == "DE" and citizenship not in EU"#,
        #"citizenship in ["DE", "FR"] and citizenship in NORDIC"#,
        // The Nordic countries outside the EEA are exactly Åland, the Faroe Islands and Greenland.
        #"citizenship in NORDIC and citizenship not in EU_EEA and citizenship not in ["AX", "FO", "GL"]"#,
        "businessForm == 'aktiebolag' and businessForm == 'handelsbolag'",
        "businessForm not in ['enskildFirma', 'aktiebolag', 'handelsbolag']",
        "municipality == 'a' and municipality == 'b'",
        "personnummer is known and personnummer is not known",
        "age is not known and age > 5",
        "age < income and income < age",
        "arrivalDate < departureDate and departureDate < arrivalDate",
        "citizenship == residenceCountry and citizenship != residenceCountry",
        "citizenship in EU and residenceCountry not in EU_EEA and citizenship == residenceCountry",
        "(hasChildren or hasJob) and not hasChildren and not hasJob",
    ])
    func neverHolds(source: String) throws {
        #expect(try !canHold(source))
    }

    @Test("conditions that can hold", arguments: [
        "true",
        "hasChildren",
        "citizenship not in EU_EEA and (hasChildren or movingWithFamily)",
        "age >= 18 and age <= 18",
        "age > 17.5 and age < 17.6",
        #"arrivalDate > "2026-01-01" and arrivalDate < "2026-01-03""#,
        #"arrivalDate > "2026-02-28" and arrivalDate < "2026-03-01" or arrivalDate == "2028-02-29""#,
        "citizenship in NORDIC and citizenship not in EU_EEA",
        "citizenship in EU_EEA_CH and citizenship not in EU_EEA",
        "citizenship not in EU_EEA_CH and citizenship not in NORDIC",
        #"citizenship in EU and citizenship not in ["DE", "FR", "SE"]"#,
        "businessForm != 'aktiebolag' and businessForm != 'handelsbolag'",
        "municipality != 'a' and municipality != 'b'",
        "personnummer is not known",
        "age is not known or age > 5",
        "age < income",
        "age != income and age > 65 and income > 65",
        // Three different EU countries: each region needs as many countries as there are facts comparing them.
        "citizenship != residenceCountry and residenceCountry != birthCountry and citizenship != birthCountry and citizenship in NORDIC and residenceCountry in NORDIC and birthCountry in NORDIC",
        "arrivalDate < departureDate",
        // Facts compared with each other share their classes: here both must be a Nordic EU country.
        "citizenship in EU and residenceCountry in NORDIC and citizenship == residenceCountry",
        #"age > 65 and income < 18 and age == income or municipality == employer and employer == "x""#,
        "(age > 18) == hasChildren and not hasChildren",
    ])
    func canHold(source: String) throws {
        #expect(try canHold(source))
    }

    @Test("beyond the limit of combinations it assumes the condition can hold")
    func limit() async throws {
        let condition = try ConditionTestFacts.condition("hasChildren and not hasChildren and hasJob and movingWithFamily")
        #expect(!condition.canHold(factTypes: ConditionTestFacts.types))
        #expect(condition.canHold(factTypes: ConditionTestFacts.types, limit: 4))
    }

    @Test("many facts finish quickly: the default limit caps the enumeration")
    func manyFacts() async throws {
        var types: [FactID: FactType] = [:]
        for index in 0..<30 { types[FactID("f\(index)")] = .bool }
        let source = (0..<30).map { "f\($0)" }.joined(separator: " and ") + " and not f0"
        let condition = try Condition.parse(source).check(against: types).get()
        #expect(condition.canHold(factTypes: types))  // 2^30 combinations: assumed satisfiable
    }

    @Test("a choice's options come from the fact types; without them the literals stand in")
    func choiceWithoutTypes() async throws {
        let condition = try ConditionTestFacts.condition("businessForm not in ['enskildFirma', 'aktiebolag', 'handelsbolag']")
        #expect(!condition.canHold(factTypes: ConditionTestFacts.types))
        #expect(condition.canHold(factTypes: [:]))
    }

    @Test("day numbers round-trip through dates, across leap days and centuries", arguments: [
        "1970-01-01", "1969-12-31", "2000-02-29", "1900-03-01", "2026-01-31", "2400-12-31", "0001-01-01",
    ])
    func dayNumbers(iso: String) throws {
        let date = try #require(CalendarDate(iso: iso))
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(CalendarDate(dayNumber: date.dayNumber + 1) > date)
    }

    @Test("day number 0 is 1970-01-01")
    func epoch() async {
        #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(CalendarDate(iso: "2000-01-01")?.dayNumber == 10_957)
    }
}
