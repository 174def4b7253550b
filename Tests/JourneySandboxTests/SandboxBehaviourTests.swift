import Foundation
import JourneyAdapters
import JourneySandbox
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Sandbox behaviours")
struct SandboxBehaviourTests {
    static var person: [String: Any] { ["personnummer": SandboxSeed.registeredPerson, "estimatedProfit": 250_000] }

    @Test func failNextAnswers503WithoutOpeningACaseThenRecovers() async throws {
        try await SandboxHarness.with { sandbox in
            try sandbox.sandbox.setBehaviour(SandboxBehaviour(failNext: 2), agency: "skatteverket")
            let key = UUID().uuidString
            for _ in 0..<2 {
                let failed = try await sandbox.apply("skatteverket", "f-skatt", key: key, fields: Self.person)
                #expect(failed.refusal == "503 unavailable")
            }
            #expect(try await sandbox.sandbox.cases().isEmpty)
            let recovered = try await sandbox.apply("skatteverket", "f-skatt", key: key, fields: Self.person)
            #expect(recovered.status == 201)
            #expect(sandbox.sandbox.behaviours.first?.behaviour.failNext == 0)
        }
    }

    @Test func aDelaySlowsEveryAnswer() async throws {
        try await SandboxHarness.with { sandbox in
            try sandbox.sandbox.setBehaviour(SandboxBehaviour(delayMilliseconds: 300), agency: "skatteverket", service: "population-record")
            let clock = ContinuousClock()
            let start = clock.now
            let answer = try await sandbox.lookup("skatteverket", "population-record", personnummer: SandboxSeed.registeredPerson)
            #expect(answer.status == 200)
            #expect(clock.now - start >= .milliseconds(300))
        }
    }

    @Test func aClientThatGivesUpFindsItsCaseOpenedWhenItRetriesWithTheSameKey() async throws {
        try await SandboxHarness.with { sandbox in
            // Times with room for a loaded machine: the client gives up after 3 s, the answer is held for 30 s, and the
            // case must show within 20 s of sending.
            try sandbox.sandbox.setBehaviour(SandboxBehaviour(delayMilliseconds: 30_000), agency: "migrationsverket")
            let key = UUID().uuidString
            let clock = ContinuousClock()
            let sent = clock.now
            await #expect(throws: URLError.self) {
                _ = try await sandbox.apply("migrationsverket", "residence-permit", key: key, fields: SandboxHarness.permit, timeout: 3)
            }
            // The case was opened before the answer was held back: it is there long before the delay is over.
            var opened: [SandboxCaseSummary] = []
            while opened.isEmpty, clock.now - sent < .seconds(20) {
                opened = try await sandbox.sandbox.cases()
                if opened.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(opened.map(\.idempotencyKey) == [key])
            sandbox.sandbox.clearBehaviour()
            let retried = try await sandbox.apply("migrationsverket", "residence-permit", key: key, fields: SandboxHarness.permit)
            #expect(retried.status == 200)
            #expect(retried.json["caseId"] as? String == opened.first?.caseId)
            #expect(try await sandbox.sandbox.cases().count == 1)
        }
    }

    @Test(arguments: SandboxBehaviour.Malformation.allCases)
    func malformedNextGarblesTheNextAnswers(malformation: SandboxBehaviour.Malformation) async throws {
        try await SandboxHarness.with { sandbox in
            try sandbox.sandbox.setBehaviour(
                SandboxBehaviour(malformedNext: 1, malformation: malformation), agency: "skatteverket", service: "population-record")
            let garbled = try await sandbox.lookup("skatteverket", "population-record", personnummer: SandboxSeed.registeredPerson)
            #expect(garbled.status == 200)
            #expect(garbled.json["matches"] == nil)
            switch malformation {
            case .truncated: #expect((try? JSONSerialization.jsonObject(with: garbled.data)) == nil)
            case .wrongShape: #expect(garbled.json["unexpected"] as? Bool == true)
            }
            let fine = try await sandbox.lookup("skatteverket", "population-record", personnummer: SandboxSeed.registeredPerson)
            #expect((fine.json["matches"] as? [Any])?.count == 1)
        }
    }

    @Test func aHangingAgencyAnswersOnceTheBehaviourIsCleared() async throws {
        try await SandboxHarness.with { sandbox in
            try sandbox.sandbox.setBehaviour(SandboxBehaviour(hang: true), agency: "skatteverket")
            let request = Task {
                try await sandbox.lookup("skatteverket", "population-record", personnummer: SandboxSeed.registeredPerson)
            }
            try await Task.sleep(for: .milliseconds(300))
            let cleared = try await sandbox.send("DELETE", "_sandbox/behaviour?agency=skatteverket")
            #expect(cleared.status == 204)
            #expect(try await request.value.status == 200)
        }
    }

    @Test func stoppingEndsAHangingRequest() async throws {
        let sandbox = try SandboxAgencies(statePath: nil)
        let root = try await sandbox.start()
        let harness = SandboxHarness(sandbox: sandbox, root: root)
        try sandbox.setBehaviour(SandboxBehaviour(hang: true), agency: "kommun")
        let request = Task { try await harness.apply("kommun", "school-place", key: UUID().uuidString, fields: SandboxHarness.schoolPlace) }
        try await Task.sleep(for: .milliseconds(200))
        let clock = ContinuousClock()
        let start = clock.now
        await sandbox.stop()
        // The proof is the answer: the hanging request is answered (201), not cut off by the shutdown's own 5 s limit.
        // The bound only says stop did not wait the hang out; a full test run on two cores has taken 11 s here.
        #expect(clock.now - start < .seconds(30), "a hang lasts until stop ends it")
        #expect(try await request.value.status == 201)
        #expect(sandbox.url == nil)
    }

    @Test func aServicesOwnBehaviourWinsOverItsAgencys() async throws {
        try await SandboxHarness.with { sandbox in
            try sandbox.sandbox.setBehaviour(SandboxBehaviour(failNext: 5), agency: "bolagsverket")
            try sandbox.sandbox.setBehaviour(SandboxBehaviour(), agency: "bolagsverket", service: "company-record")
            let lookup = try await sandbox.lookup("bolagsverket", "company-record", personnummer: SandboxSeed.registeredPerson)
            #expect(lookup.status == 200)
            let status = try await sandbox.caseStatus("bolagsverket", "BV-2026-000001")
            #expect(status.status == 503)
            let other = try await sandbox.lookup("skatteverket", "population-record", personnummer: SandboxSeed.registeredPerson)
            #expect(other.status == 200)
        }
    }

    @Test func behavioursCanBeSetListedAndClearedOverHTTP() async throws {
        try await SandboxHarness.with { sandbox in
            let set = try await sandbox.send("PUT", "_sandbox/behaviour",
                json: ["agency": "forsakringskassan", "service": "case-status", "failNext": 1, "delayMilliseconds": 10])
            #expect(set.status == 200)
            #expect(sandbox.sandbox.behaviours == [
                SandboxBehaviourRule(agency: "forsakringskassan", service: "case-status",
                    behaviour: SandboxBehaviour(delayMilliseconds: 10, failNext: 1))
            ])
            #expect(try await sandbox.caseStatus("forsakringskassan", "FK-2026-000001").status == 503)
            let listed = try await sandbox.send("GET", "_sandbox/behaviour")
            let rules = try #require(listed.json["behaviours"] as? [[String: Any]])
            #expect((rules.first?["behaviour"] as? [String: Any])?["failNext"] as? Int == 0)
            #expect(try await sandbox.send("DELETE", "_sandbox/behaviour").status == 204)
            #expect(sandbox.sandbox.behaviours.isEmpty)
        }
    }

    @Test func badBehavioursAreRefused() async throws {
        try await SandboxHarness.with { sandbox in
            let typo = try await sandbox.send("PUT", "_sandbox/behaviour", json: ["agency": "kommun", "failnext": 1])
            #expect(typo.status == 400)
            #expect(typo.errorMessage?.contains("failnext") == true)
            let agency = try await sandbox.send("PUT", "_sandbox/behaviour", json: ["agency": "polisen", "failNext": 1])
            #expect(agency.status == 404)
            let negative = try await sandbox.send("PUT", "_sandbox/behaviour", json: ["agency": "kommun", "failNext": -1])
            #expect(negative.status == 400)
            #expect(throws: SandboxError.self) { try sandbox.sandbox.setBehaviour(SandboxBehaviour(), agency: "kommun", service: "tarot") }
            #expect(throws: SandboxError.self) {
                try sandbox.sandbox.setBehaviour(SandboxBehaviour(delayMilliseconds: -5), agency: "kommun")
            }
            #expect(sandbox.sandbox.behaviours.isEmpty)
        }
    }
}
