import Foundation
import JourneyModel
import JourneyStore
import Testing

/// Agency events no one's step matched, kept apart until they match or expire, and the expiry of events that wait.
@Suite("Contract: unmatched and expiring agency events")
struct UnmatchedAgencyEventContractTests {
    static func unmatched(_ messageID: String, agency: AgencyID = "skatteverket", person: String = "202301612392", day: Int = 1, expiresDay: Int = 31)
        -> UnmatchedAgencyEvent
    {
        UnmatchedAgencyEvent(agency: agency, messageID: messageID, person: person, service: "skatteverket.folkbokforing", journey: "new-in-sweden",
            kind: "decided", decision: "approved", caseReference: "SKV-2026-9", message: "Klart", language: .sv, receivedAt: Moment.day(day),
            expiresAt: Moment.day(expiresDay))
    }

    @Test("an unmatched event is kept as it came, once per (agency, message id) across matched and unmatched events", arguments: StoreKind.allCases)
    func keptOncePerMessageID(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            _ = try await AgencyEventContractTests.prepare(store)
            try await store.keep(unmatched: Self.unmatched("u-1"))
            #expect(try await store.unmatchedAgencyEvent(agency: "skatteverket", messageID: "u-1") == Self.unmatched("u-1"))
            #expect(try await store.unmatchedAgencyEvent(agency: "migrationsverket", messageID: "u-1") == nil)
            // Another agency may use the same message id.
            try await store.keep(unmatched: Self.unmatched("u-1", agency: "migrationsverket"))

            let again = try await #require(throws: StorageError.self) { try await store.keep(unmatched: Self.unmatched("u-1", day: 2)) }
            #expect(again.code == .conflict)
            // A message id a matched event has is taken too.
            try await store.commit([], received: [AgencyEventContractTests.event("m-1")], resolved: [])
            let taken = try await #require(throws: StorageError.self) { try await store.keep(unmatched: Self.unmatched("m-1")) }
            #expect(taken.code == .conflict)
            #expect(try await database.count("unmatched_agency_event") == 2)

            try await store.keep(unmatched: Self.unmatched("u-2", expiresDay: 10))
            #expect(try await store.unmatchedAgencyEvents(limit: 10).map(\.messageID) == ["u-2", "u-1", "u-1"])
            #expect(try await store.unmatchedAgencyEvents(limit: 1).map(\.messageID) == ["u-2"])
            try await store.forgetUnmatchedAgencyEvent(agency: "skatteverket", messageID: "u-2")
            #expect(try await store.unmatchedAgencyEvent(agency: "skatteverket", messageID: "u-2") == nil)
        }
    }

    @Test("expiry refuses the pending events and forgets the unmatched ones whose time is up, and nothing else", arguments: StoreKind.allCases)
    func expiry(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            _ = try await AgencyEventContractTests.prepare(store)
            var soon = AgencyEventContractTests.event("m-soon")
            soon = StoredAgencyEvent(agency: soon.agency, messageID: soon.messageID, person: soon.person, enrollment: soon.enrollment, step: soon.step,
                service: soon.service, kind: soon.kind, decision: soon.decision, caseReference: soon.caseReference, message: soon.message,
                language: soon.language, receivedAt: soon.receivedAt, status: .pending, expiresAt: Moment.day(5))
            let late = StoredAgencyEvent(agency: soon.agency, messageID: "m-late", person: soon.person, enrollment: soon.enrollment, step: soon.step,
                service: soon.service, kind: soon.kind, decision: soon.decision, caseReference: soon.caseReference, message: soon.message,
                language: soon.language, receivedAt: soon.receivedAt, status: .pending, expiresAt: Moment.day(50))
            // Kept before expiry existed: waits as before.
            let unbounded = AgencyEventContractTests.event("m-old")
            try await store.commit([], received: [soon, late, unbounded], resolved: [])
            try await store.keep(unmatched: Self.unmatched("u-soon", expiresDay: 5))
            try await store.keep(unmatched: Self.unmatched("u-late", expiresDay: 50))

            #expect(try await store.expireAgencyEvents(now: Moment.day(4)) == 0)
            #expect(try await store.expireAgencyEvents(now: Moment.day(5)) == 2)
            let expired = try #require(try await store.agencyEvent(agency: "skatteverket", messageID: "m-soon"))
            #expect(expired.status == .refused && expired.outcome == StoredAgencyEvent.expired && expired.resolvedAt == Moment.day(5))
            #expect(expired.expiresAt == Moment.day(5))
            #expect(try await store.pendingAgencyEvents(person: "p-1").map(\.messageID) == ["m-late", "m-old"])
            #expect(try await store.agencyEvent(agency: "skatteverket", messageID: "m-old")?.expiresAt == nil)
            #expect(try await store.unmatchedAgencyEvents(limit: 10).map(\.messageID) == ["u-late"])
            #expect(try await store.expireAgencyEvents(now: Moment.day(6)) == 0)
        }
    }

    @Test("a pending event at a step that does not apply is not reachable: it waits like one at a locked step", arguments: StoreKind.allCases)
    func notApplicableStepsWait(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            _ = try await AgencyEventContractTests.prepare(store)
            _ = try await store.transact(person: "p-1") { snapshot in
                snapshot.enrollments[0].steps["registration"] = StoredStep(progress: nil, state: .notApplicable, since: Moment.day(1))
                snapshot.enrollments[0].revision += 1
                return []
            }
            try await store.commit([], received: [AgencyEventContractTests.event("m-1")], resolved: [])
            #expect(try await store.peopleWithReachablePendingEvents(limit: 10) == [])
        }
    }
}

/// A person's claims against facts an agency supplied: written, changed and withdrawn with the snapshot.
@Suite("Contract: claims beside agency facts")
struct ClaimContractTests {
    @Test("claims are stored with the snapshot in the same transaction, changed and withdrawn, apart from the facts", arguments: StoreKind.allCases)
    func claimsRoundTrip(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let (before, _) = try await AgencyEventContractTests.prepare(store)
            var after = before
            after.facts["fullName"] = KnownFact(value: .text("Tolvan Tolvansson"), source: .agency("skatteverket.population-record"),
                recordedAt: Moment.day(1), validUntil: Moment.day(30))
            after.claims["fullName"] = KnownFact(value: .text("Tolvan Testsson"), source: .person, recordedAt: Moment.day(2))
            after.claims["hasResidencePermit"] = KnownFact(value: .bool(true), source: .step("residence-permit"), recordedAt: Moment.day(2))
            try await store.commit([SnapshotChange(before: before, after: after, events: [])])
            #expect(try await store.snapshot(person: "p-1") == after)
            #expect(try await store.snapshot(containing: "e-1")?.snapshot.claims == after.claims)
            #expect(try await database.count("fact_claim") == 2)

            var changed = after
            changed.claims["fullName"] = KnownFact(value: .text("Tolvan Provsson"), source: .person, recordedAt: Moment.day(3))
            changed.claims["hasResidencePermit"] = nil
            try await store.commit([SnapshotChange(before: after, after: changed, events: [])])
            #expect(try await store.snapshot(person: "p-1") == changed)
            #expect(try await database.count("fact_claim") == 1)
            #expect(try await store.snapshot(person: "p-2")?.claims == [:])
        }
    }
}
