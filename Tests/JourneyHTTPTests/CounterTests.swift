import Foundation
import HTTPTypes
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

/// A caseworker at a counter acts for the person present, with a token made for that person, and it shows as theirs.
@Suite("Counter tokens: a caseworker at a counter acts for the one person present, recorded as the counter, never as the person")
struct CounterTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test("a counter token reads, answers and moves steps for its person; events and journal entries name the counter and its token")
    func counterActsForThePersonPresent() async throws {
        try await harness.test { client async throws in
            let a = try await harness.citizen(identity: OfficialTestNumbers.personnummer, client: client)
            let counter = try await harness.token(.counter, person: a.person)
            let tokenID = try #require(try await harness.store.tokens().first { $0.role == .counter }?.id)
            let enrollment = "/v1/enrollments/\(a.enrollment)"
            let before = try await harness.store.events(enrollment: a.enrollment).count
            #expect(try await client.send(.get, enrollment, token: counter).status == .ok)
            #expect(try await client.send(.post, "\(enrollment)/facts", token: counter, json: ["answers": ["citizenship": "USA", "fullName": "Test Testsson", "passportNumber": "X1234567", "permitGround": "work"]]).status == .ok)
            #expect(try await client.send(.post, "\(enrollment)/steps/residence-permit/start", token: counter).status == .ok)

            let events = try await harness.store.events(enrollment: a.enrollment).dropFirst(before)
            #expect(events.contains { $0.kind == .factRecorded } && events.contains { $0.kind == .stepProgressed })
            #expect(events.allSatisfy { $0.actor == .caseworker && $0.representation == nil })

            let journal = AccessJournalTests.items(try await client.send(.get, "/v1/people/\(a.person)/journal", token: a.token))
            let atCounter = journal.filter { $0["role"] as? String == "counter" }
            #expect(atCounter.map { $0["action"] as? String } == ["read", "change", "change"])
            #expect(atCounter.allSatisfy { $0["token"] as? String == tokenID && $0["actor"] as? String == "caseworker" })
            // Only the person's own start of the journey and read of the journal are theirs.
            #expect(journal.filter { $0["role"] as? String == "person" }.count == 1)
        }
    }

    @Test("attack: a counter token made for one person cannot touch another's journeys, start journeys or read their journal; it lapses")
    func counterIsBoundToItsPerson() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let a = try await harness.citizen(identity: OfficialTestNumbers.personnummer, client: client)
            let b = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
            let counter = try await harness.token(.counter, person: a.person)
            let other = "/v1/enrollments/\(b.enrollment)"
            #expect(try await client.send(.get, other, token: counter).status == .forbidden)
            #expect(try await client.send(.post, "\(other)/facts", token: counter, json: ["answers": ["citizenship": "USA", "fullName": "Test Testsson", "passportNumber": "X1234567", "permitGround": "work"]]).status == .forbidden)
            #expect(try await client.send(.post, "\(other)/steps/residence-permit/start", token: counter).status == .forbidden)
            let refused = try await harness.requests(about: b.person).filter { $0.outcome == .refused }
            #expect(refused.count == 3 && refused.allSatisfy { $0.requester?.role == .counter })
            #expect(try await client.send(.post, "/v1/enrollments", token: counter, json: ["journey": "new-in-sweden"]).status == .forbidden)
            #expect(try await client.send(.get, "/v1/people/\(a.person)/journal", token: counter).status == .forbidden)
            // A caseworker's own token still acts for no one.
            #expect(try await client.send(.post, "/v1/enrollments/\(a.enrollment)/facts", token: caseworker,
                json: ["answers": ["citizenship": "USA", "fullName": "Test Testsson", "passportNumber": "X1234567", "permitGround": "work"]]).status == .forbidden)

            // A counter token made for one visit lapses.
            let (secret, hash) = TokenSecret.generate()
            try await harness.store.insertToken(StoredToken(id: TokenSecret.newID(), role: .counter, person: a.person, createdAt: Date(timeIntervalSince1970: 1_767_225_600),
                expiresAt: Date(timeIntervalSince1970: 1_767_225_600 + 3_600)), secretHash: hash)
            #expect(try await client.send(.get, "/v1/enrollments/\(a.enrollment)", token: secret).status == .ok)
            harness.advance(days: 1.0 / 12)
            #expect(try await client.send(.get, "/v1/enrollments/\(a.enrollment)", token: secret).status == .unauthorized)
        }
    }
}
