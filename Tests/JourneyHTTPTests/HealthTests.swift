import Foundation
import HTTPTypes
import JourneyModel
import JourneyStore
import Testing

/// `/health` and `/live` on the real router over a real SQLite file that is deleted under it.
@Suite("Health, liveness, and changes refused while the database cannot take them")
struct HealthTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test("/health and /live say ok while the database file is in place")
    func healthy() async throws {
        try await harness.test { client async throws in
            let health = try await client.send(.get, "/health")
            #expect(health.status == .ok)
            #expect(health.string("status") == "ok")
            #expect(health.json["reason"] == nil)
            let live = try await client.send(.get, "/live")
            #expect(live.status == .ok)
            #expect(live.string("status") == "ok")
        }
    }

    @Test("with the database file deleted, /health is 503 with the reason, changes and reads of a person's data (which need their journal entry) are 503 and write nothing, the catalogue and /live go on")
    func deletedFile() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            try FileManager.default.removeItem(atPath: harness.store.path)

            let health = try await client.send(.get, "/health")
            #expect(health.status == .serviceUnavailable)
            #expect(health.string("status") == "unavailable")
            #expect(health.string("reason") == "deleted")
            #expect(health.error["code"] as? String == "unavailable")
            #expect((health.error["message"] as? String)?.contains("deleted") == true)
            #expect(health.error["hint"] != nil)
            #expect(!health.text.contains(harness.store.path))
            #expect(health.headers[.retryAfter] == nil, "a deleted file does not come back by itself")

            let answered = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": ["citizenship": "USA", "fullName": "Test Testsson", "passportNumber": "X1234567", "permitGround": "work"]])
            #expect(answered.status == .serviceUnavailable)
            #expect(answered.errorCode == "unavailable")
            let started = try await client.send(.post, "/v1/enrollments", token: citizen.token, json: ["journey": "starting-a-business"])
            #expect(started.status == .serviceUnavailable)

            // A read of the person's data is not served when its journal entry cannot be written.
            let read = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(read.status == .serviceUnavailable)
            #expect(read.errorCode == "unavailable")
            #expect(try await client.send(.get, "/v1/journeys", token: citizen.token).status == .ok)
            let snapshot = try #require(try await harness.store.snapshot(person: citizen.person))
            #expect(snapshot.facts[FactID("citizenship")] == nil, "the refused answer was not written, not even to the deleted file")
            #expect(snapshot.enrollments.count == 1)
            #expect(try await client.send(.get, "/live").status == .ok)
        }
    }

    @Test("an unknown token is still 401 while the database cannot take changes")
    func authenticationComesFirst() async throws {
        try await harness.test { client async throws in
            try FileManager.default.removeItem(atPath: harness.store.path)
            let refused = try await client.send(.post, "/v1/enrollments", token: "lotsen_nothing", json: ["journey": "new-in-sweden"])
            #expect(refused.status == .unauthorized)
        }
    }
}
