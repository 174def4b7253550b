import Testing

@testable import JourneyModel

@Suite("Condition evaluation")
struct ConditionEvaluationTests {
    private func evaluate(_ source: String, _ facts: [FactID: FactValue]) throws -> ConditionResult {
        try ConditionTestFacts.condition(source).evaluate(facts)
    }

    private static func date(_ iso: String) -> FactValue { .date(CalendarDate(iso: iso)!) }
    private static func country(_ code: String) -> FactValue { .country(CountryCode(code)!) }

    /// A bool fact that is true, false or unknown (`nil`).
    static let bools: [Bool?] = [true, false, nil]

    private static func truth(_ value: Bool?, _ fact: FactID) -> ConditionResult {
        value.map(ConditionResult.init) ?? .undecided(missing: [fact])
    }

    private static func facts(_ values: [FactID: Bool?]) -> [FactID: FactValue] {
        values.compactMapValues { $0.map(FactValue.bool) }
    }

    @Test("and follows Kleene's truth table", arguments: bools, bools)
    func and(a: Bool?, b: Bool?) async throws {
        let result = try evaluate("hasChildren and hasJob", Self.facts(["hasChildren": a, "hasJob": b]))
        let expected: ConditionResult =
            switch (a, b) {
            case (false, _), (_, false): .false
            case (true, true): .true
            case (nil, true): .undecided(missing: ["hasChildren"])
            case (true, nil): .undecided(missing: ["hasJob"])
            default: .undecided(missing: ["hasChildren", "hasJob"])
            }
        #expect(result == expected)
    }

    @Test("or follows Kleene's truth table", arguments: bools, bools)
    func or(a: Bool?, b: Bool?) async throws {
        let result = try evaluate("hasChildren or hasJob", Self.facts(["hasChildren": a, "hasJob": b]))
        let expected: ConditionResult =
            switch (a, b) {
            case (true, _), (_, true): .true
            case (false, false): .false
            case (nil, false): .undecided(missing: ["hasChildren"])
            case (false, nil): .undecided(missing: ["hasJob"])
            default: .undecided(missing: ["hasChildren", "hasJob"])
            }
        #expect(result == expected)
    }

    @Test("not flips a decided value and keeps an undecided one", arguments: bools)
    func not(a: Bool?) async throws {
        let result = try evaluate("not hasChildren", Self.facts(["hasChildren": a]))
        #expect(result == (a.map { ConditionResult(!$0) } ?? .undecided(missing: ["hasChildren"])))
    }

    @Test("a bare bool fact is its value", arguments: bools)
    func bareFact(a: Bool?) async throws {
        #expect(try evaluate("hasChildren", Self.facts(["hasChildren": a])) == Self.truth(a, "hasChildren"))
    }

    @Test("precedence: not binds tighter than and, and tighter than or")
    func precedence() async throws {
        // If 'or' bound tighter, 'hasChildren or hasJob and movingWithFamily' would be false here.
        #expect(try evaluate("hasChildren or hasJob and movingWithFamily",
            Self.facts(["hasChildren": true, "hasJob": false, "movingWithFamily": false])) == .true)
        #expect(try evaluate("(hasChildren or hasJob) and movingWithFamily",
            Self.facts(["hasChildren": true, "hasJob": false, "movingWithFamily": false])) == .false)
        // 'not hasChildren and hasJob' is '(not hasChildren) and hasJob'.
        #expect(try evaluate("not hasChildren and hasJob", Self.facts(["hasChildren": false, "hasJob": false])) == .false)
        #expect(try evaluate("not (hasChildren and hasJob)", Self.facts(["hasChildren": false, "hasJob": false])) == .true)
    }

    @Test("the missing set names exactly the unknown facts that could still change the outcome", arguments: [
        // A decided operand removes its side's facts from consideration.
        ("citizenship not in EU_EEA and (hasChildren or movingWithFamily)", ["citizenship": .country(CountryCode("DE")!)], nil as Set<FactID>?),
        ("citizenship not in EU_EEA and (hasChildren or movingWithFamily)", ["citizenship": .country(CountryCode("US")!)], ["hasChildren", "movingWithFamily"]),
        ("citizenship not in EU_EEA and (hasChildren or movingWithFamily)", [:], ["citizenship", "hasChildren", "movingWithFamily"]),
        ("citizenship not in EU_EEA and (hasChildren or movingWithFamily)", ["hasChildren": .bool(true)], ["citizenship"]),
        ("citizenship not in EU_EEA and (hasChildren or movingWithFamily)", ["hasChildren": .bool(false)], ["citizenship", "movingWithFamily"]),
        ("(hasChildren and age > 18) or hasJob", ["hasChildren": .bool(false)], ["hasJob"]),
        ("(hasChildren and age > 18) or hasJob", ["age": .number(30)], ["hasChildren", "hasJob"]),
        ("age < income", ["age": .number(30)], ["income"]),
        ("age < income", [:], ["age", "income"]),
        ("hasChildren == (age > 18)", ["hasChildren": .bool(true)], ["age"]),
        ("hasChildren != hasJob", [:], ["hasChildren", "hasJob"]),
        ("personnummer is known or age > 65", [:], ["age"]),
        ("not (hasChildren or hasJob)", ["hasJob": .bool(false)], ["hasChildren"]),
    ] as [(String, [FactID: FactValue], Set<FactID>?)])
    func missingFacts(source: String, facts: [FactID: FactValue], missing: Set<FactID>?) throws {
        let result = try evaluate(source, facts)
        if let missing {
            #expect(result == .undecided(missing: missing))
            #expect(result.missing == missing)
            #expect(!result.isDecided)
        } else {
            #expect(result.isDecided)
            #expect(result.missing.isEmpty)
        }
    }

    @Test("number comparisons, with the fact on either side", arguments: [
        ("age == 18", true), ("age != 18", false), ("age < 18", false), ("age <= 18", true), ("age > 18", false), ("age >= 18", true),
        ("18 == age", true), ("17 < age", true), ("18 < age", false), ("18.5 > age", true), ("age > 17.99", true),
    ])
    func numbers(source: String, expected: Bool) throws {
        #expect(try evaluate(source, ["age": .number(18)]) == ConditionResult(expected))
    }

    @Test("date comparisons with date strings", arguments: [
        (#"arrivalDate >= "2026-01-01""#, true), (#"arrivalDate > "2026-01-31""#, false), (#"arrivalDate < "2026-02-01""#, true),
        (#"arrivalDate <= "2026-01-30""#, false), (#"arrivalDate == "2026-01-31""#, true), (#"arrivalDate != "2026-01-31""#, false),
        (#""2025-12-31" < arrivalDate"#, true), ("arrivalDate < departureDate", true), ("arrivalDate >= departureDate", false),
    ])
    func dates(source: String, expected: Bool) throws {
        let facts: [FactID: FactValue] = ["arrivalDate": Self.date("2026-01-31"), "departureDate": Self.date("2027-01-01")]
        #expect(try evaluate(source, facts) == ConditionResult(expected))
    }

    @Test("countries: equality, named sets and lists", arguments: [
        ("DE", "citizenship in EU", true), ("NO", "citizenship in EU", false), ("NO", "citizenship in EU_EEA", true),
        ("CH", "citizenship in EU_EEA", false), ("CH", "citizenship in EU_EEA_CH", true), ("GL", "citizenship in NORDIC", true),
        ("US", "citizenship not in EU_EEA", true), ("SE", "citizenship not in EU_EEA", false),
        ("DE", #"citizenship == "DE""#, true), ("DE", "citizenship == 'de'", true), ("DE", #"citizenship != "DE""#, false),
        ("FR", #"citizenship in ["DE", "FR"]"#, true), ("SE", #"citizenship in ["DE", "FR"]"#, false), ("SE", #"citizenship not in ["DE", "FR"]"#, true),
        ("SE", "citizenship == residenceCountry", true), ("DE", "citizenship != residenceCountry", true),
    ])
    func countries(code: String, source: String, expected: Bool) throws {
        let facts: [FactID: FactValue] = ["citizenship": Self.country(code), "residenceCountry": Self.country("SE")]
        #expect(try evaluate(source, facts) == ConditionResult(expected))
    }

    @Test("named sets agree with CountrySet for every country", arguments: CountrySet.all.keys.sorted())
    func namedSetsMatchCountrySet(name: String) async throws {
        let condition = try ConditionTestFacts.condition("citizenship in \(name)")
        let set = try #require(CountrySet.all[name])
        for entry in CountryTable.entries {
            let code = try #require(CountryCode(entry.code))
            #expect(condition.evaluate(["citizenship": .country(code)]) == ConditionResult(set.contains(code)), "\(entry.code)")
        }
    }

    @Test("choices and text compare by exact value")
    func choicesAndText() async throws {
        let facts: [FactID: FactValue] = ["businessForm": .choice("aktiebolag"), "municipality": .text("Malmö")]
        #expect(try evaluate("businessForm == 'aktiebolag'", facts) == .true)
        #expect(try evaluate("businessForm != 'aktiebolag'", facts) == .false)
        #expect(try evaluate("businessForm in ['enskildFirma', 'aktiebolag']", facts) == .true)
        #expect(try evaluate("businessForm not in ['enskildFirma', 'handelsbolag']", facts) == .true)
        #expect(try evaluate("municipality == 'Malmö'", facts) == .true)
        #expect(try evaluate("municipality == 'malmö'", facts) == .false)
        #expect(try evaluate("municipality in ['Lund', 'Malmö']", facts) == .true)
        #expect(try evaluate("municipality == employer", facts) == .undecided(missing: ["employer"]))
    }

    @Test("bool equality compares truth values, including of whole conditions")
    func boolEquality() async throws {
        #expect(try evaluate("hasChildren == true", ["hasChildren": .bool(true)]) == .true)
        #expect(try evaluate("hasChildren != false", ["hasChildren": .bool(false)]) == .false)
        #expect(try evaluate("hasChildren == hasJob", ["hasChildren": .bool(false), "hasJob": .bool(false)]) == .true)
        #expect(try evaluate("(age >= 18) == hasJob", ["age": .number(16), "hasJob": .bool(false)]) == .true)
        #expect(try evaluate("hasChildren == true", [:]) == .undecided(missing: ["hasChildren"]))
    }

    @Test("is known and is not known are always decided", arguments: [true, false])
    func known(isKnown: Bool) async throws {
        let facts: [FactID: FactValue] = isKnown ? ["age": .number(40)] : [:]
        #expect(try evaluate("age is known", facts) == ConditionResult(isKnown))
        #expect(try evaluate("age is not known", facts) == ConditionResult(!isKnown))
        #expect(try evaluate("not age is known", facts) == ConditionResult(!isKnown))
        #expect(try evaluate("personnummer is not known", [:]) == .true)
    }

    @Test("constants")
    func constants() async throws {
        #expect(try evaluate("true", [:]) == .true)
        #expect(try evaluate("false or hasChildren", [:]) == .undecided(missing: ["hasChildren"]))
        #expect(try evaluate("false and hasChildren", [:]) == .false)
    }

    @Test("a value of another type than declared counts as unknown, so the guide asks again")
    func wrongKindIsUnknown() async throws {
        #expect(try evaluate("hasChildren", ["hasChildren": .text("yes")]) == .undecided(missing: ["hasChildren"]))
        #expect(try evaluate("age > 18", ["age": .text("40")]) == .undecided(missing: ["age"]))
        #expect(try evaluate("citizenship in EU", ["citizenship": .text("DE")]) == .undecided(missing: ["citizenship"]))
        // 'is known' only asks whether there is a value.
        #expect(try evaluate("age is known", ["age": .text("40")]) == .true)
    }

    @Test("evaluate takes a lookup function as well as a dictionary")
    func lookupFunction() async throws {
        let condition = try ConditionTestFacts.condition("age >= 18 and hasChildren")
        var asked: [FactID] = []
        let result = condition.evaluate { id in
            asked.append(id)
            return id == "age" ? .number(20) : nil
        }
        #expect(result == .undecided(missing: ["hasChildren"]))
        #expect(asked.contains("age") && asked.contains("hasChildren"))
        // A decided result reads each fact once: no second pass.
        asked = []
        _ = condition.evaluate { id in
            asked.append(id)
            return id == "age" ? .number(10) : nil
        }
        #expect(asked == ["age"])
    }

    @Test("the example from the design: residence permit for non-EEA citizens moving with family")
    func designExample() async throws {
        let condition = try ConditionTestFacts.condition("citizenship not in EU_EEA and (hasChildren or movingWithFamily)")
        #expect(condition.evaluate(["citizenship": Self.country("IN"), "movingWithFamily": .bool(true)]) == .true)
        #expect(condition.evaluate(["citizenship": Self.country("IN"), "hasChildren": .bool(false), "movingWithFamily": .bool(false)]) == .false)
        #expect(condition.evaluate(["citizenship": Self.country("FI")]) == .false)
    }
}
