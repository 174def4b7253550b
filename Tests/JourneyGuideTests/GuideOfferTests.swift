import Foundation
import JourneyEngine
import JourneyGuide
import JourneyModel
import JourneyStore
import Testing

/// Offers in the guide: a journey an agency's life event offers, on the first screen, before the list.
@Suite("Offers in the guide")
struct GuideOfferTests {
    let fixture: GuideFixture

    init() throws { fixture = try GuideFixture() }

    static let proof = IdentityProof(method: .eid, issuer: "https://idp.test", assurance: nil, provenAt: GuideFixture.now)

    /// A proven person, not on any journey, whom a birth Skatteverket registered has offered 'Becoming a parent'.
    func offered() async throws -> PersonID {
        let number = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let person = try await fixture.engine.prove(ProvenIdentity(number: number, proof: Self.proof)).id
        let event = try #require(AgencyLifeEvent.named(agency: "skatteverket", kind: "birth-registered"))
        let receipt = try await fixture.engine.receive(LifeEventMessage(messageID: "birth-1", event: event, person: number,
            fields: ["birthDate": .date(CalendarDate(year: 2026, month: 12, day: 1)!), "parentsMarried": .bool(true)]))
        #expect(receipt.offers.count == 1)
        return person
    }

    @Test("an offer shows first, with what the agency proved; starting it opens the journey with the birth date filled in", arguments: Language.authoring)
    func acceptOnFirstScreen(language: Language) async throws {
        let person = try await offered()
        let terminal = ScriptedTerminal(["1", "q"])
        await #expect(fixture.converse(terminal, language: language, person: person.rawValue) == .finished)
        try Golden.check(terminal.transcript, "offer-\(language).txt")
        let view = try await fixture.view(.id(person), "becoming-a-parent")
        #expect(view.enrollment.steps["child-name"]?.due != nil)
        #expect(try await fixture.engine.openOffers(of: person).isEmpty)
    }

    @Test("declining says so and goes on to the list; the offer is not shown again", arguments: Language.authoring)
    func declineThenList(language: Language) async throws {
        let person = try await offered()
        let terminal = ScriptedTerminal(["2", "q"])
        await fixture.converse(terminal, language: language, person: person.rawValue)
        #expect(terminal.transcript.contains(language == .sv ? "Du tackade nej" : "You said no"))
        #expect(try await fixture.engine.offers(of: person).first?.status == .declined)
        let again = ScriptedTerminal(["q"])
        await fixture.converse(again, language: language, person: person.rawValue)
        #expect(!again.transcript.contains(language == .sv ? "registrerat en födsel" : "registered a birth"))
    }
}
