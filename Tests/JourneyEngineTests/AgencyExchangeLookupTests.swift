import Foundation
import JourneyAdapters
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

@testable import JourneyEngine

/// Once-only lookups: facts an agency already holds are fetched with the person's consent instead of asked,
/// against the sandbox agencies over loopback and a real database file.
@Suite("Lookups fetch what an agency knows, with consent, and journal every step")
struct AgencyExchangeLookupTests {
    static let populationRecord: ServiceID = "skatteverket.population-record"
    static let purpose = CallPurpose(journey: "new-in-sweden", step: "population-registration")

    @Test("a registered person is offered Skatteverket's record for the name and address folkbokföring needs, and after consent is not asked for them")
    func fetchWithConsent() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(SandboxSeed.registeredPerson, answers: ExchangeHarness.euNewcomer)
            await #expect(try h.view(person).plan.factsToAnswer == ["fullName", "address"])

            let offer = try await h.onlyOffer(person)
            #expect(offer.service.id == Self.populationRecord)
            #expect(offer.agency.id == "skatteverket")
            #expect(offer.facts.map(\.id) == ["fullName", "address"])
            #expect(offer.step?.id == "population-registration")
            #expect(offer.purpose == Self.purpose)

            #expect(try await h.exchange.fetch(offer, for: person, decision: .granted) == .recorded(["fullName", "address"]))
            let facts = try await h.facts(of: person)
            #expect(facts["fullName"]?.value == .text("Tolvan Tolvansson"))
            #expect(facts["address"]?.value == .text("Testgatan 1, 123 45 Exempelstad"))
            for fact: FactID in ["fullName", "address"] {
                #expect(facts[fact]?.source == .agency(Self.populationRecord), "\(fact)")
                // validFor: P90D in adapters/skatteverket.yaml.
                #expect(facts[fact]?.validUntil == h.clock.now.addingTimeInterval(90 * 86_400), "\(fact)")
            }
            // The number came with the person; the lookup did not replace it.
            #expect(facts["personnummer"]?.source == .person)

            // Known now: neither asked nor offered again.
            await #expect(try h.view(person).plan.factsToAnswer.isEmpty)
            await #expect(try h.exchange.lookupOffers(person: person, journey: "new-in-sweden").isEmpty)

            let consents = try await h.exchange.consents(of: person)
            #expect(consents.count == 1)
            #expect(consents.first?.decision == .granted)
            #expect(consents.first?.direction == .fetch)
            #expect(consents.first?.service == Self.populationRecord)
            #expect(consents.first?.fields == ["address", "fullName"])

            let journal = try await h.exchange.journal(of: person)
            #expect(journal.map(\.action) == [.consentGranted, .fetch, .fetch])
            #expect(journal.map(\.outcome) == [.completed, .intended, .completed])
            #expect(journal.allSatisfy { $0.service == Self.populationRecord && $0.step == "population-registration" && $0.journey == "new-in-sweden" })
            #expect(journal.allSatisfy { $0.fields == ["fullName", "address"] })
            #expect(journal.first?.detail == consents.first?.id)
            try await h.expectJournalHoldsNoPersonalData(person)
            await #expect(try h.store.verifyJournal(expectedHead: nil).isIntact)
        }
    }

    @Test("fetched facts count for the service's validFor; after that the lookup is offered again")
    func fetchedFactsExpire() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.registeredNewcomer()
            h.clock.advance(days: 89)
            await #expect(try h.exchange.lookupOffers(person: person, journey: "new-in-sweden").isEmpty)
            h.clock.advance(days: 2)
            let again = try await h.onlyOffer(person)
            #expect(again.service.id == Self.populationRecord)
            #expect(again.facts.map(\.id) == ["fullName", "address"])
        }
    }

    @Test("a refused lookup calls no agency, is journaled, and is not offered again: the person answers instead")
    func refusedLookup() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(SandboxSeed.registeredPerson, answers: ExchangeHarness.euNewcomer)
            // Had Skatteverket been called, this would have been used up.
            try h.sandbox.setBehaviour(SandboxBehaviour(failNext: 1), agency: "skatteverket", service: "population-record")

            #expect(try await h.exchange.fetch(try h.onlyOffer(person), for: person, decision: .refused) == .refused)
            #expect(h.sandbox.behaviours.map(\.behaviour.failNext) == [1])
            await #expect(try h.facts(of: person)["fullName"] == nil)

            let consents = try await h.exchange.consents(of: person)
            #expect(consents.map(\.decision) == [.refused])
            let journal = try await h.exchange.journal(of: person)
            #expect(journal.map(\.action) == [.consentRefused])
            #expect(journal.first?.fields == ["fullName", "address"])
            #expect(journal.first?.detail == consents.first?.id)

            await #expect(try h.exchange.lookupOffers(person: person, journey: "new-in-sweden").isEmpty)
            await #expect(try h.view(person).plan.factsToAnswer == ["fullName", "address"])
            _ = try await h.engine.answer(person: person, journey: "new-in-sweden", answers: [("fullName", "Tolvan Tolvansson"), ("address", "Testgatan 1")])
            await #expect(try h.facts(of: person)["fullName"]?.source == .person)
            await #expect(try h.exchange.journal(of: person).count == 1)
        }
    }

    @Test("no record, or several records, for the number is reported and journaled, and nothing is recorded", arguments: [
        (SandboxSeed.unknownPerson, LookupOutcome.noMatch, AccessEntry.Outcome.noMatch),
        (SandboxSeed.ambiguousPerson, LookupOutcome.severalMatches, AccessEntry.Outcome.severalMatches),
    ])
    func noSingleMatch(number: String, expected: LookupOutcome, journaled: AccessEntry.Outcome) async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(number, answers: ExchangeHarness.euNewcomer)
            #expect(try await h.exchange.fetch(try h.onlyOffer(person), for: person, decision: .granted) == expected)
            let facts = try await h.facts(of: person)
            #expect(facts["fullName"] == nil)
            #expect(facts["address"] == nil)
            let journal = try await h.exchange.journal(of: person)
            #expect(journal.map(\.action) == [.consentGranted, .fetch, .fetch])
            #expect(journal.map(\.outcome) == [.completed, .intended, journaled])
            #expect(journal.last?.fields == ["fullName", "address"])
            try await h.expectJournalHoldsNoPersonalData(person)
            // The person answers instead.
            await #expect(try h.view(person).plan.factsToAnswer == ["fullName", "address"])
        }
    }

    /// Ways Skatteverket fails a lookup, each with an adapter file allowing two attempts.
    enum Failure: String, CaseIterable, Sendable {
        case unavailable, slow, truncated, wrongShape

        var behaviour: SandboxBehaviour {
            switch self {
            case .unavailable: SandboxBehaviour(failNext: 5)
            case .slow: SandboxBehaviour(delayMilliseconds: 3_000)
            case .truncated: SandboxBehaviour(malformedNext: 1, malformation: .truncated)
            case .wrongShape: SandboxBehaviour(malformedNext: 1, malformation: .wrongShape)
            }
        }

        /// A short timeout only where the test waits it out: elsewhere a busy machine must not turn an answer into a timeout.
        var endpoint: String { "timeout: \(self == .slow ? "400ms" : "30s")\nretry: { attempts: 2, backoff: 10ms }" }

        var code: EngineError.Code { self == .unavailable || self == .slow ? .agencyFailed : .agencyRefused }

        /// The journal's detail: the adapter's error code.
        var detail: String {
            switch self {
            case .unavailable: "rejected-503"
            case .slow: "timeout"
            case .truncated, .wrongShape: "malformed-response"
            }
        }
    }

    @Test("a lookup the agency fails throws an error naming the agency, without personal data, and journals the error code",
        arguments: Failure.allCases)
    func failedLookup(failure: Failure) async throws {
        try await ExchangeHarness.with(endpoints: ["skatteverket": failure.endpoint]) { h in
            let person = try await h.enroll(SandboxSeed.registeredPerson, answers: ExchangeHarness.euNewcomer)
            let offer = try await h.onlyOffer(person)
            try h.sandbox.setBehaviour(failure.behaviour, agency: "skatteverket", service: "population-record")
            let error = await #expect(throws: EngineError.self) { try await h.exchange.fetch(offer, for: person, decision: .granted) }
            #expect(error?.code == failure.code)
            #expect(error?.message.contains("Swedish Tax Agency") == true, "\(String(describing: error))")
            if let error { expectNoPersonalData(in: error) }
            if failure == .unavailable {
                // Both attempts the adapter file allows were answered 503; no more.
                #expect(h.sandbox.behaviours.map(\.behaviour.failNext) == [3])
            }
            let journal = try await h.exchange.journal(of: person)
            #expect(journal.map(\.action) == [.consentGranted, .fetch, .fetch])
            #expect(journal.map(\.outcome) == [.completed, .intended, .failed])
            #expect(journal.last?.detail == failure.detail)
            await #expect(try h.facts(of: person)["fullName"] == nil)
        }
    }

    @Test("a withdrawn lookup consent shows as withdrawn and is journaled; withdrawing it again changes nothing")
    func withdrawConsent() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.registeredNewcomer()
            let granted = try await #require(try h.exchange.consents(of: person).first)
            h.clock.advance(days: 1)
            let withdrawn = try await h.exchange.withdrawConsent(granted.id, of: person)
            #expect(withdrawn.withdrawnAt == h.clock.now)
            await #expect(try h.exchange.consents(of: person) == [withdrawn])
            #expect(withdrawn.allows(["fullName"]) == false)

            let last = try await #require(try h.exchange.journal(of: person).last)
            #expect(last.action == .consentWithdrawn)
            #expect(last.detail == granted.id)
            #expect(last.fields == ["address", "fullName"])
            #expect(last.service == Self.populationRecord)

            h.clock.advance(days: 1)
            await #expect(try h.exchange.withdrawConsent(granted.id, of: person) == withdrawn)
            await #expect(try h.exchange.journal(of: person).filter { $0.action == .consentWithdrawn }.count == 1)

            // Nobody else can withdraw it.
            let other = try await h.enroll(SandboxSeed.child, answers: ExchangeHarness.euNewcomer)
            let error = await #expect(throws: EngineError.self) { try await h.exchange.withdrawConsent(granted.id, of: other) }
            #expect(error?.code == .unknownPerson)
            await #expect(try h.store.verifyJournal(expectedHead: nil).isIntact)
        }
    }
}
