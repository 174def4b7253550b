import Foundation
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

@testable import JourneyEngine

/// Issue 15, "Why" 1 and 5: a number someone typed is a claim, never an identity, and once-only never runs on it.
/// Each test failed on the code before proven identity.
@Suite("Proven identity: a number is bound by a login or by the agency of record, never by typing it")
struct ProvenIdentityTests {
    static let victim = SandboxSeed.registeredPerson

    @Test("an attacker's newcomer reference that reports someone else's number at receive-personnummer is not linked to it")
    func typedNumberAtReceivePersonnummerLinksNothing() async throws {
        try await ExchangeHarness.with { h in
            let attacker = try await h.enroll(nil, answers: ExchangeHarness.euNewcomer + [("fullName", "Testa Testsson"), ("address", "Provgatan 2, 543 21 Provstad")])
            try await h.complete(["population-registration", "identity-visit"], attacker)
            _ = try await h.engine.apply(.complete, step: "receive-personnummer", person: attacker, produced: [("personnummer", Self.victim)])
            let number = try Personnummer(parsing: Self.victim)

            // Kept as the attacker said it, for planning; never the identity.
            let attackerView = try await h.engine.overview(.id(attacker))
            #expect(attackerView.facts["personnummer"]?.source == .step("receive-personnummer"))
            #expect(attackerView.person.identity == nil)
            let unknown = try await #require(throws: EngineError.self) { try await h.engine.person(.identity(number)) }
            #expect(unknown.code == .unknownPerson)

            // The real owner logs in and gets their own record: none of the attacker's journey.
            let owner = try await h.engine.prove(ProvenIdentity(number: number, proof: ExchangeHarness.login))
            #expect(owner.id != attacker)
            #expect(try await h.engine.overview(.id(owner.id)).enrollments.isEmpty)
            #expect(try await h.engine.person(.identity(number)).id == owner.id)
        }
    }

    @Test("the agency of record's decision binds the number it gives; the same number reported by the person does not")
    func agencyOfRecordBindsTheNumber() async throws {
        try await ExchangeHarness.with { h in
            let shortStay: [(fact: FactID, text: String)] = [("citizenship", "Germany"), ("stayAtLeastOneYear", "no"), ("alreadyRegistered", "no")]
            let said = try await h.enroll(nil, answers: shortStay)
            _ = try await h.engine.apply(.complete, step: "coordination-number", person: said, produced: [("personnummer", SandboxSeed.coordinationNumberPerson)])
            #expect(try await h.engine.person(.id(said)).identity == nil)

            let decided = try await h.enroll(nil, answers: shortStay)
            _ = try await h.engine.apply(.complete, step: "coordination-number", person: decided,
                produced: [("personnummer", SandboxSeed.coordinationNumberPerson)], actor: .agency)
            let bound = try await h.engine.person(.id(decided))
            let number = try Personnummer(parsing: SandboxSeed.coordinationNumberPerson)
            #expect(bound.identity == number)
            #expect(bound.proof?.method == .agencyOfRecord && bound.proof?.issuer == "skatteverket")
            #expect(bound.isProven)
        }
    }

    @Test("once-only refuses a number nobody proved: no lookup is offered, a fetch or a submission is refused, and no agency is called")
    func onceOnlyNeedsProof() async throws {
        try await ExchangeHarness.with { h in
            let typed = try await h.enroll(Self.victim, answers: ExchangeHarness.euNewcomer, proven: false)
            #expect(try await h.exchange.lookupOffers(person: typed, journey: "new-in-sweden").isEmpty)

            // An offer made for someone who did log in, replayed for the typed number, is refused all the same.
            let proven = try await h.enroll(SandboxSeed.coordinationNumberPerson, answers: ExchangeHarness.euNewcomer)
            let offer = try await h.onlyOffer(proven)
            let refused = try await #require(throws: EngineError.self) { try await h.exchange.fetch(offer, for: typed, decision: .granted) }
            #expect(refused.code == .notProven)
            #expect(refused.hint?.contains("lotsen login") == true)
            #expect(!refused.description.contains(Self.victim))
            #expect(try await h.store.journal(person: typed).isEmpty)
            #expect(try await h.store.consents(person: typed).isEmpty)

            _ = try await h.engine.answer(person: typed, answers: [("fullName", "Tolvan Tolvansson"), ("address", "Testgatan 1, 123 45 Exempelstad")])
            let submission = try await h.exchange.submissionOffer(step: "population-registration", person: typed, journey: "new-in-sweden")
            let notSent = try await #require(throws: EngineError.self) { try await h.exchange.submit(submission, for: typed, decision: .granted) }
            #expect(notSent.code == .notProven)
            #expect(try await h.store.submissions(person: typed).isEmpty)
            #expect(try await h.sandbox.cases().isEmpty)
        }
    }

    @Test("after a login, an application sends the proven number, not the one the person typed")
    func provenNumberIsSentNotTheClaim() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(nil, in: "starting-a-business", answers: [
                ("businessForm", "enskildFirma"), ("companyName", "Test Konsult"), ("industry", "consulting"), ("handlesFood", "no"),
                ("expectedAnnualTurnover", "90000"), ("employees", "0"), ("personnummer", SandboxSeed.child), ("expectedProfit", "250000"),
            ])
            try await h.complete(["name-check", "register-sole-trader"], person, "starting-a-business")
            let proven = try Personnummer(parsing: SandboxSeed.registeredPerson)
            _ = try await h.engine.prove(ProvenIdentity(number: proven, proof: ExchangeHarness.login), person: person)
            // The typed number stays what the person said; the application carries the proven one.
            #expect(try await h.facts(of: person)["personnummer"]?.value == .personnummer(try Personnummer(parsing: SandboxSeed.child)))
            let offer = try await h.exchange.submissionOffer(step: "f-skatt", person: person, journey: "starting-a-business")
            #expect(offer.fields.first { $0.fact.id == "personnummer" }?.value == .personnummer(proven))
            _ = try await h.submit("f-skatt", person, "starting-a-business")
        }
    }
}
