import Foundation
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

@testable import JourneyEngine

/// Issue 15, "Why" 2 and 3 in the engine, whichever front end asks: facts only agencies supply are not answers, an
/// agency's value is not replaced by what the person says, and the agency of record's number tells an unproven caller
/// nothing about who else uses it.
@Suite("Agency facts are the agency's, in the engine")
struct AgencyFactsTests {
    @Test("the journey files say which facts only agencies supply: never asked, and fetched or produced by a service")
    func suppliedOnlyByAgenciesFollowsTheFiles() throws {
        let library = try ExchangeHarness.library(endpoints: [:])
        let journey = try #require(library.journey("new-in-sweden"))
        #expect(journey.isSuppliedOnlyByAgencies("personnummer"))
        #expect(journey.isSuppliedOnlyByAgencies("hasResidencePermit"))
        #expect(journey.suppliers(of: "hasResidencePermit") == ["migrationsverket.permit-record", "migrationsverket.residence-permit"])
        // Asked as well as fetched: the person may answer it until an agency supplies it.
        #expect(!journey.isSuppliedOnlyByAgencies("fullName"))
        #expect(!journey.isSuppliedOnlyByAgencies("citizenship"))
    }

    @Test("on the command line and in the guide too, a fact only agencies supply is refused; a typed number stays a claim")
    func agencyOnlyFactsAreNotAnswersAnywhere() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(nil, answers: ExchangeHarness.euNewcomer)
            let refused = try await #require(throws: EngineError.self) {
                try await h.engine.answer(person: person, answers: [("hasResidencePermit", "yes")])
            }
            #expect(refused.code == .agencySupplied && refused.field == "hasResidencePermit")
            #expect(refused.hint?.contains("migrationsverket.permit-record") == true)
            #expect(try await h.facts(of: person)["hasResidencePermit"] == nil)
            // Part 1's claim: what the person says their number is, for planning only; over the API it is refused.
            _ = try await h.engine.answer(person: person, answers: [("personnummer", SandboxSeed.child)])
            #expect(try await h.facts(of: person)["personnummer"]?.source == .person)
            let overAPI = try await #require(throws: EngineError.self) {
                try await h.engine.answer(person: person, answers: [("personnummer", SandboxSeed.child)], identityClaims: false)
            }
            #expect(overAPI.code == .agencySupplied)
        }
    }

    @Test("a claim against an agency's value is kept beside it; the agency's value again, from the person or the agency, settles it")
    func claimsBesideAgencyValues() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(nil, answers: ExchangeHarness.euNewcomer)
            let agency: FactSource = .agency("skatteverket.population-record")
            try await h.engine.record([(fact: "fullName", value: .text("Tolvan Tolvansson"))], source: agency, validUntil: nil, person: person,
                journey: "new-in-sweden", actor: .system)
            let disputed = try await h.engine.answer(person: person, answers: [("fullName", "Tolvan Testsson")])
            #expect(disputed.facts["fullName"]?.value == .text("Tolvan Tolvansson") && disputed.facts["fullName"]?.source == agency)
            #expect(disputed.claims["fullName"]?.value == .text("Tolvan Testsson") && disputed.claims["fullName"]?.source == .person)
            #expect(disputed.enrollments[0].claims["fullName"]?.value == .text("Tolvan Testsson"))
            let history = try await h.engine.history(of: disputed.enrollments[0].enrollment.id).compactMap(\.detail)
            #expect(history.contains("claim person"))

            // The agency corrects its record to what the person said: the claim is settled.
            try await h.engine.record([(fact: "fullName", value: .text("Tolvan Testsson"))], source: agency, validUntil: nil, person: person,
                journey: "new-in-sweden", actor: .system)
            let settled = try await h.engine.overview(.id(person))
            #expect(settled.claims.isEmpty && settled.facts["fullName"]?.value == .text("Tolvan Testsson"))
        }
    }

    @Test("Skatteverket's answer with a number another record has binds nothing and tells the unproven caller nothing")
    func agencyOfRecordConflictRevealsNothing() async throws {
        try await ExchangeHarness.with { h in
            let shortStay: [(fact: FactID, text: String)] = [("citizenship", "Germany"), ("stayAtLeastOneYear", "no"), ("alreadyRegistered", "no")]
            _ = try await h.enroll(SandboxSeed.coordinationNumberPerson, answers: shortStay)
            let other = try await h.enroll(nil, answers: shortStay)
            _ = try await h.engine.apply(.complete, step: "coordination-number", person: other,
                produced: [("personnummer", SandboxSeed.coordinationNumberPerson)], actor: .agency)
            let record = try await h.engine.person(.id(other))
            #expect(record.identity == nil && !record.isProven)
            #expect(try await h.facts(of: other)["personnummer"]?.source == .agency("skatteverket.coordination-number"))
            await #expect(try h.status(of: "coordination-number", other).state == .done)
            // A login proves the number, so the one who logs in may learn it has its own record.
            let number = try Personnummer(parsing: SandboxSeed.coordinationNumberPerson)
            let login = try await #require(throws: EngineError.self) {
                try await h.engine.prove(ProvenIdentity(number: number, proof: ExchangeHarness.login), person: other)
            }
            #expect(login.code == .identityConflict)
        }
    }
}
