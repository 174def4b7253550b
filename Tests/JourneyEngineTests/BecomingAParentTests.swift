import Foundation
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

@testable import JourneyEngine

/// "Bli förälder" (journeys/becoming-a-parent.yaml) driven to completion, answered in Swedish and in English, with the
/// deadlines counted from the child's birth date and the parenthood step only for parents who are not married.
extension RealJourneyTests {
    static let parent: JourneyID = "becoming-a-parent"

    static func date(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    @Test("unmarried, answered in Swedish: pregnancy benefit, parenthood confirmed online, the name, automatic child allowance")
    func unmarriedParentInSwedish() async throws {
        let outcome = try await drive(Self.parent, profile: [
            "carriesChild": "ja", "demandingWork": "ja", "parentsMarried": "nej", "childBirthDate": "2026-11-30",
            "familyAbroad": "nej", "address": "Testgatan 1, 123 45 Exempelstad",
        ], person: .identity(try Personnummer(parsing: OfficialTestNumbers.personnummer)))
        #expect(outcome.done.isSuperset(of: ["pregnancy-benefit", "parental-benefit", "birth", "confirm-parenthood",
            "confirm-parenthood-online", "child-name", "child-allowance-automatic", "child-health-care"]))
        // The preschool queue is optional: still open when everything else is done.
        #expect(outcome.available.contains("preschool-queue"))
        // The 10 days are for the parent who did not give birth; the other alternatives no longer apply.
        #expect(outcome.notApplicable.isSuperset(of: ["temporary-parental-benefit", "child-allowance-abroad", "confirm-parenthood-in-person"]))
        #expect(Set(outcome.asked).count == outcome.asked.count)
    }

    @Test("married, answered in English: no parenthood step, the 10 days, child allowance applied for with a family abroad")
    func marriedPartnerInEnglish() async throws {
        let outcome = try await drive(Self.parent, profile: [
            "carriesChild": "no", "parentsMarried": "yes", "childBirthDate": "2026-11-30", "familyAbroad": "yes",
            "address": "Testgatan 1, 123 45 Exempelstad",
        ], skip: ["preschool-queue"], person: .identity(try Personnummer(parsing: OfficialTestNumbers.personnummer)))
        #expect(outcome.done.isSuperset(of: ["parental-benefit", "birth", "temporary-parental-benefit", "child-name",
            "child-allowance-abroad", "child-health-care"]))
        #expect(outcome.notApplicable.isSuperset(of: ["pregnancy-benefit", "confirm-parenthood", "confirm-parenthood-online",
            "confirm-parenthood-in-person", "child-allowance-automatic"]))
        // Not pregnant: whether the work is demanding never matters, so it is never asked.
        #expect(!outcome.asked.contains("demandingWork"))
    }

    @Test("the name is due three months after the birth date, and online parenthood 14 days after it, for unmarried parents only")
    func deadlinesCountFromTheBirthDate() async throws {
        let unmarried = try await engine.enroll(.new, in: Self.parent).enrollment.person
        #expect(try await engine.overview(.id(unmarried)).enrollments[0].enrollment.steps["child-name"]?.due == nil)
        let answered = try await engine.answer(person: unmarried, journey: Self.parent,
            answers: [("childBirthDate", "2026-11-30"), ("parentsMarried", "no")])
        let steps = answered.enrollments[0].enrollment.steps
        // The end of 30 November, plus three months: the last day is 28 February.
        #expect(steps["child-name"]?.due == Self.date("2027-03-01T00:00:00Z"))
        #expect(steps["confirm-parenthood-online"]?.due == Self.date("2026-12-15T00:00:00Z"))
        #expect(answered.enrollments[0].plan.status(of: "confirm-parenthood")?.state != .notApplicable)

        let married = try await engine.enroll(.new, in: Self.parent).enrollment.person
        let view = try await engine.answer(person: married, journey: Self.parent,
            answers: [("childBirthDate", "2026-11-30"), ("parentsMarried", "yes")]).enrollments[0]
        #expect(view.plan.status(of: "confirm-parenthood")?.state == .notApplicable)
        #expect(view.plan.status(of: "confirm-parenthood-online")?.state == .notApplicable)
        #expect(view.enrollment.steps["confirm-parenthood-online"]?.due == nil)
        #expect(view.enrollment.steps["child-name"]?.due == Self.date("2027-03-01T00:00:00Z"))
    }
}

@Suite("Bli förälder: the birth facts Skatteverket holds are fetched once, with consent")
struct BirthRecordLookupTests {
    @Test("Skatteverket's birth record gives the birth date and whether the parents are married; the name is due from it")
    func birthRecordIsFetchedOnce() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(SandboxSeed.registeredPerson, in: "becoming-a-parent",
                answers: [("carriesChild", "yes"), ("demandingWork", "no")])
            let offers = try await h.exchange.lookupOffers(person: person, journey: "becoming-a-parent")
            let offer = try #require(offers.first { $0.service.id == "skatteverket.birth-record" }, "offers: \(offers.map(\.service.id))")
            #expect(offer.facts.map(\.id).contains("childBirthDate"))

            let outcome = try await h.exchange.fetch(offer, for: person, decision: .granted)
            guard case .recorded(let recorded) = outcome else {
                Issue.record("not recorded: \(outcome)")
                return
            }
            #expect(recorded.contains("childBirthDate"))
            let facts = try await h.facts(of: person)
            #expect(facts["childBirthDate"]?.value.canonical == "2019-01-01")
            #expect(facts["childBirthDate"]?.source == .agency("skatteverket.birth-record"))

            // Fetched, not asked again; the name's deadline runs from the fetched date (end of 1 January 2019 + 3 months).
            let view = try await h.view(person, "becoming-a-parent")
            #expect(!view.plan.factsToAnswer.contains("childBirthDate"))
            #expect(view.enrollment.steps["child-name"]?.due == RealJourneyTests.date("2019-04-02T00:00:00Z"))
            try await h.expectJournalHoldsNoPersonalData(person)
        }
    }
}
