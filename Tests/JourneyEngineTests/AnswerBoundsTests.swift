import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyEngine

/// The engine is where every front's answers are checked, so the bounds hold for the command line, the guide and
/// the API alike: nothing out of bounds is stored, and the refusal names the fact.
@Suite("Engine: answers keep their fact's bounds")
struct AnswerBoundsTests {
    static let source = """
        id: business
        version: 1
        lifeEvent: startingBusiness
        title: { sv: Företag, en: Business }
        summary: { sv: Starta, en: Start }
        facts:
          companyName: { type: text, maxLength: 40, ask: { sv: Namn?, en: Name? } }
          employees: { type: number, min: 0, max: 1000, whole: true, ask: { sv: Anställda?, en: Employees? } }
          turnover: { type: number, min: 0, ask: { sv: Omsättning?, en: Turnover? } }
        steps:
          - id: employer
            title: { sv: Arbetsgivare, en: Employer }
            when: employees > 0
            needs: [companyName, turnover]
        """

    let database = TemporaryDatabase()
    let engine: JourneyEngine

    init() throws {
        engine = try JourneyEngine.testing([try TestJourneys.load(Self.source)], sources: ["business": Self.source], database: database)
    }

    private func person() async throws -> PersonID {
        try await engine.enroll(.new, in: "business").enrollment.person
    }

    @Test("-1 employees is refused naming the fact, and nothing of the batch is stored")
    func negativeEmployees() async throws {
        let person = try await person()
        do {
            _ = try await engine.answer(person: person, answers: [("companyName", "Testbolaget AB"), ("employees", "-1")], language: .en)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == .invalidValue)
            #expect(error.field == "employees")
            #expect(error.message == "nothing was recorded: 'employees': the smallest answer allowed is 0")
        }
        #expect(try await engine.overview(.id(person)).facts.isEmpty)
    }

    @Test("1,5 employees is refused in Swedish as not whole; 2,5 is a Swedish decimal for a fact that allows it")
    func decimalComma() async throws {
        let person = try await person()
        await #expect(throws: EngineError(.invalidValue, "'employees': svaret ska vara ett heltal", hint: "skriv det utan decimaler, till exempel 3",
            field: "employees")) {
            try await engine.answer(person: person, answers: [("employees", "1,5")], language: .sv)
        }
        _ = try await engine.answer(person: person, answers: [("turnover", "2,5")], language: .sv)
        #expect(try await engine.overview(.id(person)).facts["turnover"]?.value == .number(2.5))
        await #expect(throws: EngineError.self) { try await engine.answer(person: person, answers: [("turnover", "1,5")], language: .en) }
    }

    @Test("a text with control characters or over its maxLength is refused naming the fact", arguments: [
        "\u{1B}[2J\u{1B}[31mRED\u{1B}]0;pwned\u{07} x\r\nfake: line", String(repeating: "A", count: 41),
    ])
    func hostileText(text: String) async throws {
        let person = try await person()
        do {
            _ = try await engine.answer(person: person, answers: [("companyName", text)])
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == .invalidValue)
            #expect(error.field == "companyName")
            #expect(!error.description.contains("pwned"))
        }
        #expect(try await engine.overview(.id(person)).facts.isEmpty)
    }

    @Test("an agency's value out of bounds is refused before it is stored")
    func agencyValueOutOfBounds() async throws {
        let person = try await person()
        await #expect(throws: EngineError.self) {
            try await engine.record([(fact: "employees", value: .number(-4))], source: .agency("bolagsverket.company-record"), validUntil: nil,
                person: person, journey: "business", actor: .agency)
        }
        #expect(try await engine.overview(.id(person)).facts.isEmpty)
    }
}
