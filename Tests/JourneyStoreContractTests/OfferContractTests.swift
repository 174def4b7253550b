import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: a life event is recorded once per message id, and makes at most one open offer per person and journey")
struct OfferContractTests {
    static func event(_ messageID: String, person: PersonID?, at moment: Date = Moment.day(1)) -> ReceivedLifeEvent {
        ReceivedLifeEvent(agency: "skatteverket", messageID: messageID, kind: "birth-registered", fingerprint: "f-\(messageID)", person: person,
            receivedAt: moment, expiresAt: moment.addingTimeInterval(30 * 86_400))
    }

    static func offer(_ person: PersonID, journey: JourneyID = "becoming-a-parent", messageID: String, at moment: Date = Moment.day(1),
        lasting days: Double = 60) -> Offer
    {
        Offer(id: 0, person: person, journey: journey, agency: "skatteverket", event: "birth-registered", messageID: messageID,
            vouchedBy: "skatteverket.birth-record",
            facts: [Offer.ProvenFact(fact: "childBirthDate", value: .date(CalendarDate(year: 2026, month: 11, day: 30)!)),
                    Offer.ProvenFact(fact: "parentsMarried", value: .bool(false))],
            createdAt: moment, expiresAt: moment.addingTimeInterval(days * 86_400))
    }

    @Test("an event and its offer round-trip, facts in order, newest offer first", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await store.newPerson("p-1")
            let made = try await store.receive(Self.event("m-1", person: "p-1"), offers: [Self.offer("p-1", messageID: "m-1"),
                Self.offer("p-1", journey: "new-in-sweden", messageID: "m-1")])
            #expect(made.count == 2)
            let reopened = try await database.open()
            let offers = try await reopened.offers(of: "p-1")
            #expect(offers.map(\.journey) == ["new-in-sweden", "becoming-a-parent"])
            #expect(offers.map(\.id) == made.map(\.id).reversed())
            #expect(offers[1] == Offer(id: made[0].id, person: "p-1", journey: "becoming-a-parent", agency: "skatteverket", event: "birth-registered",
                messageID: "m-1", vouchedBy: "skatteverket.birth-record", facts: Self.offer("p-1", messageID: "m-1").facts, createdAt: Moment.day(1),
                expiresAt: Moment.day(61), status: .open))
            let kept = try #require(try await reopened.lifeEvent(agency: "skatteverket", messageID: "m-1"))
            #expect(kept == Self.event("m-1", person: "p-1"))
            #expect(try await reopened.offers(of: "p-2").isEmpty)
        }
    }

    @Test("the same message id twice is a conflict and makes no second offer", arguments: StoreKind.allCases)
    func sameMessageOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await store.newPerson("p-1")
            _ = try await store.receive(Self.event("m-1", person: "p-1"), offers: [Self.offer("p-1", messageID: "m-1")])
            await #expect(throws: StorageError.self) {
                _ = try await store.receive(Self.event("m-1", person: "p-1"), offers: [Self.offer("p-1", messageID: "m-1")])
            }
            #expect(try await store.offers(of: "p-1").count == 1)
        }
    }

    @Test("a second event while an offer stands makes none; once it has expired, a new one replaces it", arguments: StoreKind.allCases)
    func oneOpenOfferPerJourney(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await store.newPerson("p-1")
            _ = try await store.receive(Self.event("m-1", person: "p-1"), offers: [Self.offer("p-1", messageID: "m-1", lasting: 10)])
            #expect(try await store.receive(Self.event("m-2", person: "p-1", at: Moment.day(5)),
                offers: [Self.offer("p-1", messageID: "m-2", at: Moment.day(5))]).isEmpty)
            let replaced = try await store.receive(Self.event("m-3", person: "p-1", at: Moment.day(20)),
                offers: [Self.offer("p-1", messageID: "m-3", at: Moment.day(20))])
            #expect(replaced.count == 1)
            let offers = try await store.offers(of: "p-1")
            #expect(offers.map(\.messageID) == ["m-3", "m-1"])
            #expect(offers.map(\.status) == [.open, .expired])
        }
    }

    @Test("deciding: the person's own open offer only, once, and never after it expires", arguments: StoreKind.allCases)
    func decide(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await store.newPerson("p-1")
            try await store.newPerson("p-2")
            let made = try await store.receive(Self.event("m-1", person: "p-1"), offers: [Self.offer("p-1", messageID: "m-1", lasting: 10),
                Self.offer("p-1", journey: "new-in-sweden", messageID: "m-1", lasting: 10)])
            #expect(try await store.decideOffer(made[0].id, of: "p-2", .accepted, enrollment: "e-1", at: Moment.day(2)) == nil)
            let accepted = try #require(try await store.decideOffer(made[0].id, of: "p-1", .accepted, enrollment: "e-1", at: Moment.day(2)))
            #expect(accepted.status == .accepted && accepted.enrollment == "e-1" && accepted.decidedAt == Moment.day(2))
            // Deciding again changes nothing.
            let again = try #require(try await store.decideOffer(made[0].id, of: "p-1", .declined, enrollment: nil, at: Moment.day(3)))
            #expect(again == accepted)
            let late = try #require(try await store.decideOffer(made[1].id, of: "p-1", .declined, enrollment: nil, at: Moment.day(11)))
            #expect(late.status == .open && late.standing(at: Moment.day(11)) == .expired)
        }
    }

    @Test("an unmatched life event is kept without offers until it expires; a matched one stays", arguments: StoreKind.allCases)
    func unmatchedExpires(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await store.newPerson("p-1")
            _ = try await store.receive(Self.event("m-1", person: nil), offers: [])
            _ = try await store.receive(Self.event("m-2", person: "p-1"), offers: [])
            #expect(try await store.lifeEvent(agency: "skatteverket", messageID: "m-1")?.person == nil)
            #expect(try await store.expireAgencyEvents(now: Moment.day(40)) == 1)
            #expect(try await store.lifeEvent(agency: "skatteverket", messageID: "m-1") == nil)
            #expect(try await store.lifeEvent(agency: "skatteverket", messageID: "m-2") != nil)
        }
    }

    @Test("two nodes receiving the same event at once make its offer once", arguments: StoreKind.allCases)
    func twoNodesOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await store.newPerson("p-1")
            let other = try await database.open()
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for node in [store, other] {
                    group.addTask {
                        do {
                            _ = try await node.receive(Self.event("m-1", person: "p-1"), offers: [Self.offer("p-1", messageID: "m-1")])
                            return true
                        } catch let error as StorageError where error.code == .conflict {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1 && outcomes.count == 2)
            #expect(try await store.offers(of: "p-1").count == 1)
        }
    }
}
