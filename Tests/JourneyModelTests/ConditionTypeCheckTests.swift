import Testing

@testable import JourneyModel

/// Facts the condition tests are checked against: one or more of every type.
enum ConditionTestFacts {
    static let businessForms = ["enskildFirma", "aktiebolag", "handelsbolag"]

    static let types: [FactID: FactType] = [
        "citizenship": .country,
        "residenceCountry": .country,
        "birthCountry": .country,
        "hasChildren": .bool,
        "movingWithFamily": .bool,
        "hasJob": .bool,
        "age": .number,
        "income": .number,
        "arrivalDate": .date,
        "departureDate": .date,
        "municipality": .text,
        "employer": .text,
        "businessForm": .choice(businessForms.map { ChoiceOption(value: $0, label: LocalizedText($0)) }),
        "personnummer": .personnummer,
        "orgNumber": .organisationsnummer,
    ]

    /// Parses and checks `source`, failing the test on any error.
    static func condition(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Condition {
        switch Condition.compile(source, facts: types) {
        case .success(let condition):
            return condition
        case .failure(let errors):
            Issue.record("\(source): \(errors)", sourceLocation: sourceLocation)
            throw errors
        }
    }

    /// The type errors of a syntactically valid `source`; empty when it checks.
    static func typeErrors(_ source: String) throws -> [ConditionError] {
        switch try Condition.parse(source).check(against: types) {
        case .success: []
        case .failure(let errors): Array(errors)
        }
    }
}

@Suite("Condition type checking")
struct ConditionTypeCheckTests {
    @Test("well-typed conditions check and print in normalised form", arguments: [
        ("citizenship not in EU_EEA and (hasChildren or movingWithFamily)", "citizenship not in EU_EEA and (hasChildren or movingWithFamily)"),
        ("  hasChildren   and(age>=18)", "hasChildren and age >= 18"),
        ("citizenship == 'de'", #"citizenship == "DE""#),
        (#"citizenship in ['de', "FR"]"#, #"citizenship in ["DE", "FR"]"#),
        ("not (hasChildren and movingWithFamily)", "not (hasChildren and movingWithFamily)"),
        ("not age > 18", "not (age > 18)"),
        ("not not hasChildren", "not not hasChildren"),
        ("(hasChildren and movingWithFamily) and age > 1", "hasChildren and movingWithFamily and age > 1"),
        ("hasChildren or (movingWithFamily or hasJob)", "hasChildren or movingWithFamily or hasJob"),
        ("(hasChildren or movingWithFamily) and hasJob", "(hasChildren or movingWithFamily) and hasJob"),
        ("hasChildren or movingWithFamily and hasJob", "hasChildren or movingWithFamily and hasJob"),
        ("18 <= age", "18 <= age"),
        ("age == 18.50", "age == 18.5"),
        ("age != income", "age != income"),
        (#"arrivalDate >= "2026-01-01""#, #"arrivalDate >= "2026-01-01""#),
        ("arrivalDate < departureDate", "arrivalDate < departureDate"),
        ("businessForm in ['aktiebolag', \"handelsbolag\"]", #"businessForm in ["aktiebolag", "handelsbolag"]"#),
        ("businessForm == 'enskildFirma'", #"businessForm == "enskildFirma""#),
        (#"municipality == 'say "hi"'"#, #"municipality == "say \"hi\"""#),
        ("municipality not in ['a', 'b', 'a']", #"municipality not in ["a", "b"]"#),
        ("hasChildren == true", "hasChildren == true"),
        ("hasChildren != movingWithFamily", "hasChildren != movingWithFamily"),
        ("(age > 18) == hasChildren", "(age > 18) == hasChildren"),
        ("personnummer is known", "personnummer is known"),
        ("orgNumber is not known and age is known", "orgNumber is not known and age is known"),
        ("not citizenship in EU", "not (citizenship in EU)"),
        ("true", "true"),
        ("citizenship == residenceCountry", "citizenship == residenceCountry"),
        // Numbers never print with an exponent, which would not parse back.
        ("age < 100000000000000000000", "age < 100000000000000000000"),
        ("age > 0.00000015", "age > 0.00000015"),
        ("income >= 12345678901234567.5", "income >= 12345678901234568"),
    ])
    func normalisedDescription(source: String, expected: String) throws {
        let condition = try ConditionTestFacts.condition(source)
        #expect(condition.description == expected)
        #expect(condition.source == source)
        // The normalised form means the same: it checks to the same tree.
        #expect(try ConditionTestFacts.condition(condition.description).root == condition.root)
    }

    @Test("referencedFacts lists every fact read, including by 'is known' and on either side of a comparison")
    func referencedFacts() async throws {
        let condition = try ConditionTestFacts.condition(
            "citizenship not in EU_EEA and (hasChildren or 18 < age) and personnummer is known and arrivalDate < departureDate")
        #expect(condition.referencedFacts == ["citizenship", "hasChildren", "age", "personnummer", "arrivalDate", "departureDate"])
        #expect(try ConditionTestFacts.condition("true").referencedFacts.isEmpty)
    }

    struct TypeErrorCase: Sendable, CustomTestStringConvertible {
        let source: String
        let range: Range<Int>
        let message: String
        let hint: String?
        var testDescription: String { source }
    }

    @Test("type errors point at the offending part with a message and a hint", arguments: [
        // Unknown names.
        TypeErrorCase(source: #"citizenshp == "DE""#, range: 0..<10, message: "unknown fact 'citizenshp'", hint: "did you mean 'citizenship'?"),
        TypeErrorCase(source: "hasChildren and numberOfPets > 2", range: 16..<28, message: "unknown fact 'numberOfPets'",
            hint: "declare it under 'facts:' in the journey"),
        TypeErrorCase(source: "citizenship in EU_EA", range: 15..<20, message: "unknown set 'EU_EA'", hint: "did you mean 'EU_EEA'?"),
        TypeErrorCase(source: "citizenship in SCHENGEN", range: 15..<23, message: "unknown set 'SCHENGEN'", hint: "known sets: EU, EU_EEA, EU_EEA_CH, NORDIC"),
        // Literals of the wrong type.
        TypeErrorCase(source: #"hasChildren == "yes""#, range: 15..<20, message: #"'hasChildren' is a bool, but "yes" is text"#,
            hint: "compare with true or false, or use 'hasChildren' alone"),
        TypeErrorCase(source: #"age == "18""#, range: 7..<11, message: #"'age' is a number, but "18" is text"#,
            hint: "write a number without quotes, for example 18"),
        TypeErrorCase(source: "age > true", range: 6..<10, message: "'age' is a number, but true is a bool",
            hint: "write a number without quotes, for example 18"),
        TypeErrorCase(source: "arrivalDate > 2026", range: 14..<18, message: "'arrivalDate' is a date, but 2026 is a number",
            hint: #"write a date in quotes, for example "2026-01-31""#),
        TypeErrorCase(source: #"arrivalDate >= "2026-13-01""#, range: 15..<27, message: "'2026-13-01' is not a date",
            hint: #"write dates as "YYYY-MM-DD", for example "2026-01-31""#),
        TypeErrorCase(source: "citizenship == 46", range: 15..<17, message: "'citizenship' is a country, but 46 is a number",
            hint: #"write a country code in quotes, for example "DE""#),
        TypeErrorCase(source: "municipality == 5", range: 16..<17, message: "'municipality' is text, but 5 is a number", hint: "write text in quotes"),
        TypeErrorCase(source: "businessForm == 1", range: 16..<17, message: "'businessForm' is a choice, but 1 is a number",
            hint: #"write one of its options in quotes: "enskildFirma", "aktiebolag", "handelsbolag""#),
        // Choices and countries.
        TypeErrorCase(source: "businessForm == 'enskildfirma'", range: 16..<30, message: "'enskildfirma' is not an option of 'businessForm'",
            hint: "did you mean 'enskildFirma'?"),
        TypeErrorCase(source: "businessForm in ['aktiebolag', 'kommanditbolag']", range: 31..<47,
            message: "'kommanditbolag' is not an option of 'businessForm'", hint: "its options are: enskildFirma, aktiebolag, handelsbolag"),
        TypeErrorCase(source: #"citizenship == "XX""#, range: 15..<19, message: "unknown country code 'XX'",
            hint: "write an ISO 3166-1 alpha-2 code, for example 'DE'"),
        TypeErrorCase(source: #"citizenship != "UK""#, range: 15..<19, message: "unknown country code 'UK'",
            hint: "the ISO 3166-1 code for United Kingdom is 'GB'"),
        TypeErrorCase(source: #"citizenship in ["SE", "Germany"]"#, range: 22..<31, message: "unknown country code 'Germany'",
            hint: "write the code 'DE' for Germany"),
        // Operators on the wrong types.
        TypeErrorCase(source: #"citizenship < "DE""#, range: 12..<13, message: "'<' compares only numbers and dates, but 'citizenship' is a country",
            hint: "use '==', '!=' or 'in'"),
        TypeErrorCase(source: "hasChildren >= true", range: 12..<14, message: "'>=' compares only numbers and dates, but 'hasChildren' is a bool",
            hint: "use '==' or '!='"),
        TypeErrorCase(source: "municipality <= employer", range: 13..<15, message: "'<=' compares only numbers and dates, but 'municipality' is text",
            hint: "use '==' or '!='"),
        TypeErrorCase(source: "age in [18, 19]", range: 4..<6, message: "'in' tests only countries, choices and text, but 'age' is a number",
            hint: "compare it instead, for example 'age >= 18 and age < 65'"),
        TypeErrorCase(source: "arrivalDate not in ['2026-01-01']", range: 12..<18,
            message: "'not in' tests only countries, choices and text, but 'arrivalDate' is a date",
            hint: #"compare it instead, for example 'arrivalDate >= "2026-01-01"'"#),
        TypeErrorCase(source: "hasChildren in [true]", range: 12..<14, message: "'in' tests only countries, choices and text, but 'hasChildren' is a bool",
            hint: "use 'hasChildren' or 'not hasChildren'"),
        TypeErrorCase(source: "businessForm in EU", range: 16..<18, message: "named sets hold countries, but 'businessForm' is a choice",
            hint: #"list the values instead, for example ["enskildFirma", "aktiebolag"]"#),
        TypeErrorCase(source: "citizenship in [46]", range: 16..<18, message: "'citizenship' is a country, but 46 is a number",
            hint: #"write a country code in quotes, for example "DE""#),
        TypeErrorCase(source: #""DE" in EU"#, range: 0..<4, message: "the left side of 'in' must be a fact",
            hint: "for example 'citizenship in EU_EEA'"),
        TypeErrorCase(source: "age == citizenship", range: 0..<18, message: "cannot compare 'age' (a number) with 'citizenship' (a country)",
            hint: "compare facts of the same type"),
        TypeErrorCase(source: "hasChildren == age", range: 0..<18, message: "cannot compare 'hasChildren' (a bool) with 'age' (a number)",
            hint: "compare facts of the same type"),
        TypeErrorCase(source: "(age > 1) == income", range: 0..<19, message: "cannot compare a condition with 'income' (a number)",
            hint: "compare 'income' with a value of its type"),
        TypeErrorCase(source: "(age > 1) == 'yes'", range: 0..<18,
            message: #"a condition can only be compared with true, false or another condition, but "yes" is text"#, hint: "compare with true or false"),
        // Two literals.
        TypeErrorCase(source: "18 < 65", range: 0..<7, message: "both sides of '<' are values", hint: "compare a fact with a value, for example 'age >= 18'"),
        TypeErrorCase(source: "true == false", range: 0..<13, message: "both sides of '==' are values",
            hint: "compare a fact with a value, for example 'age >= 18'"),
        // Identity numbers.
        TypeErrorCase(source: "personnummer == 'x'", range: 0..<12, message: "'personnummer' is a personnummer and cannot be compared",
            hint: "a condition can only test whether it is known: 'personnummer is known'"),
        TypeErrorCase(source: "orgNumber in ['1']", range: 0..<9, message: "'orgNumber' is an organisationsnummer and cannot be compared",
            hint: "a condition can only test whether it is known: 'orgNumber is known'"),
        TypeErrorCase(source: "personnummer", range: 0..<12, message: "'personnummer' is a personnummer, not a condition",
            hint: "test whether it is known: 'personnummer is known'"),
        TypeErrorCase(source: "18 is known", range: 0..<2, message: "only a fact can be known or unknown",
            hint: "write a fact before 'is known', for example 'personnummer is known'"),
        // Non-bool where a condition belongs.
        TypeErrorCase(source: "age", range: 0..<3, message: "'age' is a number, not a condition", hint: "compare it, for example 'age >= 18'"),
        TypeErrorCase(source: "citizenship", range: 0..<11, message: "'citizenship' is a country, not a condition",
            hint: #"test it, for example 'citizenship in EU_EEA' or 'citizenship == "SE"'"#),
        TypeErrorCase(source: "'yes'", range: 0..<5, message: #""yes" is text, not a condition"#,
            hint: "a condition is a bool fact, a comparison, an 'in' test or an 'is known' test"),
        TypeErrorCase(source: "(18)", range: 0..<4, message: "18 is a number, not a condition",
            hint: "a condition is a bool fact, a comparison, an 'in' test or an 'is known' test"),
        TypeErrorCase(source: "hasChildren and age", range: 16..<19, message: "'and' needs a condition, but 'age' is a number",
            hint: "compare it, for example 'age >= 18'"),
        TypeErrorCase(source: "municipality or hasChildren", range: 0..<12, message: "'or' needs a condition, but 'municipality' is text",
            hint: #"compare it, for example 'municipality == "text"'"#),
        TypeErrorCase(source: "not arrivalDate", range: 4..<15, message: "'not' needs a condition, but 'arrivalDate' is a date",
            hint: #"compare it, for example 'arrivalDate >= "2026-01-01"'"#),
        TypeErrorCase(source: "not businessForm", range: 4..<16, message: "'not' needs a condition, but 'businessForm' is a choice",
            hint: #"compare it, for example 'businessForm == "enskildFirma"'"#),
    ])
    func typeErrors(_ example: TypeErrorCase) throws {
        let errors = try ConditionTestFacts.typeErrors(example.source)
        #expect(errors.count == 1, "\(errors)")
        guard let error = errors.first else { return }
        #expect(error.range == example.range)
        #expect(error.message == example.message)
        #expect(error.hint == example.hint)
    }

    @Test("every type error is reported, in source order, not just the first")
    func allErrors() async throws {
        let errors = try ConditionTestFacts.typeErrors(#"hasChildren == "yes" or citizenshp in EU_EA and agee > 18"#)
        #expect(errors.map(\.message) == [
            #"'hasChildren' is a bool, but "yes" is text"#,
            "unknown fact 'citizenshp'",
            "unknown set 'EU_EA'",
            "unknown fact 'agee'",
        ])
        #expect(errors.map(\.range.lowerBound) == [15, 24, 38, 48])
    }

    @Test("one mistake gives one error: nothing cascades from an unknown fact")
    func noCascade() async throws {
        #expect(try ConditionTestFacts.typeErrors("not (citizenshp < 5) and citizenshp").map(\.message)
            == ["unknown fact 'citizenshp'", "unknown fact 'citizenshp'"])
        #expect(try ConditionTestFacts.typeErrors("agee is known").map(\.message) == ["unknown fact 'agee'"])
    }

    @Test("every bad element of a list is reported")
    func badListElements() async throws {
        let errors = try ConditionTestFacts.typeErrors(#"citizenship in ["XX", "DE", "YY"]"#)
        #expect(errors.map(\.message) == ["unknown country code 'XX'", "unknown country code 'YY'"])
    }

    @Test("is known applies to facts of every type", arguments: ConditionTestFacts.types.keys.sorted())
    func knownForEveryType(fact: FactID) async throws {
        #expect(try ConditionTestFacts.typeErrors("\(fact) is known and \(fact) is not known").isEmpty)
    }

    @Test("compile reports a syntax error alone, and type errors all together")
    func compile() async {
        guard case .failure(let syntax) = Condition.compile("age >", facts: ConditionTestFacts.types) else {
            Issue.record("expected failure")
            return
        }
        #expect(syntax.map(\.message) == ["missing operand after '>'"])
        guard case .failure(let types) = Condition.compile("agee > 1 and x", facts: ConditionTestFacts.types) else {
            Issue.record("expected failure")
            return
        }
        #expect(types.count == 2)
        #expect(types.description == "unknown fact 'agee' (did you mean 'age'?)\nunknown fact 'x' (declare it under 'facts:' in the journey)")
    }

    @Test("an error prints as 'message (hint)'")
    func errorDescription() async {
        #expect(ConditionError(range: 0..<1, message: "m", hint: "h").description == "m (h)")
        #expect(ConditionError(range: 0..<1, message: "m").description == "m")
    }
}
