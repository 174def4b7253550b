import FuzzSupport
import JourneyModel

/// Facts of every type, named as the journeys and the condition tests name them, so the corpus's conditions type-check.
let facts: [FactID: FactType] = [
    "citizenship": .country, "drivingLicenceCountry": .country, "residenceCountry": .country,
    "hasChildren": .bool, "stayAtLeastOneYear": .bool, "handlesFood": .bool, "servesAlcohol": .bool, "lookingForWork": .bool,
    "hasForeignDrivingLicence": .bool,
    "employees": .number, "expectedAnnualTurnover": .number, "age": .number,
    "arrivalDate": .date, "municipality": .text, "personnummer": .personnummer, "orgNumber": .organisationsnummer,
    "businessForm": .choice(["enskildFirma", "aktiebolag", "handelsbolag"].map { ChoiceOption(value: $0, label: LocalizedText($0)) }),
    "industry": .choice(["restaurant", "construction", "retail"].map { ChoiceOption(value: $0, label: LocalizedText($0)) }),
]

/// One value of each fact, for evaluating a condition that checked.
let known: [FactID: FactValue] = [
    "citizenship": .country(CountryCode("DE")!), "hasChildren": .bool(true), "stayAtLeastOneYear": .bool(false),
    "employees": .number(3), "expectedAnnualTurnover": .number(-0.5), "arrivalDate": .date(CalendarDate(year: 2026, month: 2, day: 29) ?? CalendarDate(dayNumber: 0)),
    "municipality": .text("Malmö"), "businessForm": .choice("aktiebolag"), "industry": .choice("retail"),
]

/// The condition language end to end: the lexer and parser, the type checker (every error, with its offsets),
/// satisfiability, and three-valued evaluation with some facts known and the rest unknown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Condition.mentionedFacts(in: source)
    switch Condition.compile(source, facts: facts) {
    case .success(let condition):
        _ = condition.description
        _ = condition.canHold(factTypes: facts, limit: 10_000)
        _ = condition.evaluate(known)
        _ = condition.evaluate([:])
    case .failure(let errors):
        let length = source.count
        for error in errors.errors {
            _ = error.description
            // The validator turns these offsets into a line and column of the journey file.
            precondition(error.range.lowerBound >= 0 && error.range.upperBound <= length, "an error's range lies outside the condition")
        }
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer(fuzz) }
}
