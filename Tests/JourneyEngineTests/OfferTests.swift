import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyEngine

@Suite("Offers: who a life event offers a journey to, and what accepting fills in")
struct OfferTests {
    /// Offered by a birth, to parents not known to get the allowance from abroad.
    static let family = """
        id: family
        version: 1
        lifeEvent: familyChild
        title: { sv: Familj, en: Family }
        summary: { sv: Barn, en: Child }
        offeredBy:
          - agency: skatteverket
            event: birth-registered
            proves: { birthDate: childBirthDate }
            when: allowanceAbroad is not known or not allowanceAbroad
            lasts: P30D
        facts:
          childBirthDate: { type: date, ask: { sv: Född?, en: Born? } }
          allowanceAbroad: { type: bool, ask: { sv: Bidrag utomlands?, en: Allowance abroad? } }
        steps:
          - id: name
            title: { sv: Namn, en: Name }
            needs: [childBirthDate]
            due: { within: P3M, from: childBirthDate }
          - id: allowance
            title: { sv: Bidrag, en: Allowance }
            when: allowanceAbroad
        """

    static let proof = IdentityProof(method: .eid, issuer: "https://idp.test", assurance: nil, provenAt: Date(timeIntervalSince1970: 1_790_000_000))

    static func birth(_ id: String, _ number: Personnummer) -> LifeEventMessage {
        LifeEventMessage(messageID: id, event: AgencyLifeEvent.named(agency: "skatteverket", kind: "birth-registered")!, person: number,
            fields: ["birthDate": .date(CalendarDate(year: 2026, month: 9, day: 10)!), "parentsMarried": .bool(true)])
    }

    @Test("the offer is decided over the event's facts and what Lotsen knows: a person whose known facts rule them out gets none")
    func onlyThoseWhoQualify() async throws {
        let database = TemporaryDatabase()
        let engine = try JourneyEngine.testing([try TestJourneys.load(Self.family)], database: database)
        let qualifies = try Personnummer(parsing: OfficialTestNumbers.personnummer)
        let ruledOut = try Personnummer(parsing: OfficialTestNumbers.leapDayPersonnummer)
        let first = try await engine.prove(ProvenIdentity(number: qualifies, proof: Self.proof))
        let second = try await engine.prove(ProvenIdentity(number: ruledOut, proof: Self.proof))
        // What the second person said before, on another journey: a fact Lotsen knows about them.
        _ = try await engine.store.transact(person: second.id) { snapshot in
            snapshot.facts["allowanceAbroad"] = KnownFact(value: .bool(true), source: .person, recordedAt: Date(timeIntervalSince1970: 1_790_000_000))
            return []
        }

        let made = try await engine.receive(Self.birth("b-1", qualifies))
        #expect(made.offers.map(\.journey) == ["family"] && made.person == first.id)
        #expect(made.offers.first?.facts == [Offer.ProvenFact(fact: "childBirthDate", value: .date(CalendarDate(year: 2026, month: 9, day: 10)!))])
        #expect(try await engine.receive(Self.birth("b-2", ruledOut)).offers.isEmpty)

        let accepted = try await engine.acceptOffer(made.offers[0].id, of: first.id)
        let snapshot = try await engine.snapshot(of: first.id)
        #expect(snapshot.facts["childBirthDate"]?.source == .agency("skatteverket.birth-record"))
        let enrollment = try #require(snapshot.enrollments.first { $0.id == accepted.enrollment })
        // Born 10 September 2026: due by the end of 10 December.
        #expect(enrollment.steps["name"]?.due == ISODuration("P3M")!.date(after: Date(timeIntervalSince1970: 1_789_084_800)))
        await #expect(throws: EngineError.self) { _ = try await engine.declineOffer(made.offers[0].id, of: first.id) }
    }
}
