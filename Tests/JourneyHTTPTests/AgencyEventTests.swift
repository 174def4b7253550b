import Foundation
import HTTPTypes
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

@Suite("Agency case events: typed, applied once, kept until the person gets there")
struct AgencyEventTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static func event(_ messageID: String, agency: String = "migrationsverket", service: String = "migrationsverket.residence-permit",
        person: String, type: String, decision: String? = nil, extra: [String: Any] = [:]) -> [String: Any]
    {
        var body: [String: Any] = ["messageId": messageID, "agency": agency, "service": service, "person": person, "type": type, "language": "sv"]
        if let decision { body["decision"] = decision }
        return body.merging(extra) { $1 }
    }

    /// A newcomer who needs a residence permit and has answered everything the first steps need.
    func newcomer(_ client: Client) async throws -> Citizen {
        let citizen = try await harness.citizen(client: client)
        let answered = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
            json: ["answers": EnrollmentTests.newcomerAnswers])
        #expect(answered.status == .ok)
        return citizen
    }

    @Test("an agency pushes received, then an approval, and the person's step moves to waiting, then done")
    func decisionMovesTheStep() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await newcomer(client)
            // The certificates can be gathered while the permit is decided; skipped here, the agency alone has the ball.
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/steps/family-documents/skip", token: citizen.token)
            let received = try await client.send(.post, "/v1/agency-events", token: agency,
                json: Self.event("mig-1", person: OfficialTestNumbers.personnummer, type: "received", extra: ["caseReference": "MIG-2026-1"]))
            #expect(received.status == .accepted)
            #expect(received.string("status") == "accepted")
            #expect(received.json["duplicate"] as? Bool == false)
            let waiting = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(waiting.steps["residence-permit"] == "waitingOnAgency")
            #expect(waiting.string("ball") == "agency")
            let approved = try await client.send(.post, "/v1/agency-events", token: agency,
                json: Self.event("mig-2", person: citizen.person.rawValue, type: "decided", decision: "approved"))
            #expect(approved.status == .accepted)
            let done = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(done.steps["residence-permit"] == "done")
            #expect(done.steps["population-registration"] == "available")
        }
        let history = try await harness.engine.history(of: try #require(harness.store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden"), after: nil).items.first?.id))
        #expect(history.filter { $0.actor == .agency }.map(\.detail) == ["waitingOnAgency", "completed"])
    }

    @Test("needs action and a rejection reach the person with the agency's message")
    func needsActionAndRejection() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await newcomer(client)
            let early = try await client.send(.post, "/v1/agency-events", token: agency,
                json: Self.event("mig-0", person: citizen.person.rawValue, type: "needsAction", extra: ["message": "Skicka passkopia"]))
            // Not allowed before the application was received: kept, then refused, and the agency is not told which.
            #expect(early.status == .accepted)
            _ = try await client.send(.post, "/v1/agency-events", token: agency, json: Self.event("mig-1", person: citizen.person.rawValue, type: "received"))
            _ = try await client.send(.post, "/v1/agency-events", token: agency,
                json: Self.event("mig-2", person: citizen.person.rawValue, type: "needsAction", extra: ["message": "Skicka passkopia"]))
            let asked = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(asked.steps["residence-permit"] == "needsAction")
            let step = (asked.json["steps"] as? [[String: Any]])?.first { $0["id"] as? String == "residence-permit" }
            #expect(step?["detail"] as? String == "Skicka passkopia")
            _ = try await client.send(.post, "/v1/agency-events", token: agency,
                json: Self.event("mig-3", person: citizen.person.rawValue, type: "decided", decision: "rejected", extra: ["message": "Avslag"]))
            let rejected = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(rejected.steps["residence-permit"] == "rejected")
            #expect(rejected.string("status") == "blocked")
        }
    }

    @Test("the same message id is applied once however often it is sent; reused for another event it is a conflict")
    func deduplication() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await newcomer(client)
            let body = Self.event("mig-1", person: citizen.person.rawValue, type: "received")
            let first = try await client.send(.post, "/v1/agency-events", token: agency, json: body)
            for _ in 0..<3 {
                let again = try await client.send(.post, "/v1/agency-events", token: agency, json: body)
                #expect(again.status == .accepted)
                #expect(again.json["duplicate"] as? Bool == true)
                #expect(again.string("receivedAt") == first.string("receivedAt"))
            }
            let different = try await client.send(.post, "/v1/agency-events", token: agency,
                json: Self.event("mig-1", person: citizen.person.rawValue, type: "decided", decision: "approved"))
            #expect(different.status == .conflict)
            #expect(different.errorCode == "conflict")
            let state = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(state.steps["residence-permit"] == "waitingOnAgency")
            // Another agency may use the same message id for its own event.
            let skatteverket = try await harness.token(.agency, agency: "skatteverket")
            let other = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("mig-1", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue, type: "received"))
            #expect(other.json["duplicate"] as? Bool == false)
        }
        let enrollment = try await #require(harness.store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden"), after: nil).items.first?.id)
        await #expect(try harness.engine.history(of: enrollment).filter { $0.actor == .agency && $0.step == "residence-permit" }.count == 1)
    }

    @Test("an event for a step the person has not reached is kept, and applied in order when they get there")
    func earlyArrival() async throws {
        let skatteverket = try await harness.token(.agency, agency: "skatteverket")
        let migrationsverket = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await newcomer(client)
            let received = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("skv-1", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue, type: "received"))
            #expect(received.status == .accepted)
            #expect(try await harness.store.agencyEvent(agency: "skatteverket", messageID: "skv-1")?.status == .pending)
            let decided = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("skv-2", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue,
                    type: "decided", decision: "approved"))
            #expect(decided.status == .accepted)
            let resent = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("skv-1", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue, type: "received"))
            #expect(resent.status == .accepted)
            #expect(resent.json["duplicate"] as? Bool == true)
            let locked = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(locked.steps["population-registration"] == "locked")

            _ = try await client.send(.post, "/v1/agency-events", token: migrationsverket,
                json: Self.event("mig-1", person: citizen.person.rawValue, type: "decided", decision: "approved"))
            let reached = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(reached.steps["residence-permit"] == "done")
            #expect(reached.steps["population-registration"] == "done")
            let after = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("skv-1", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue, type: "received"))
            #expect(after.status == .accepted)
            #expect(after.json["duplicate"] as? Bool == true)
            #expect(try await harness.store.agencyEvent(agency: "skatteverket", messageID: "skv-1")?.status == .applied)
        }
        let enrollment = try await #require(harness.store.enrollmentPage(EnrollmentQuery(journey: "new-in-sweden"), after: nil).items.first?.id)
        let agencySteps = try await harness.engine.history(of: enrollment).filter { $0.actor == .agency }.map { "\($0.step!):\($0.detail!)" }
        #expect(agencySteps == ["residence-permit:completed", "population-registration:waitingOnAgency", "population-registration:completed"])
    }

    @Test("a kept event that the step no longer allows when the person gets there is refused, not lost")
    func earlyEventRefusedLater() async throws {
        let skatteverket = try await harness.token(.agency, agency: "skatteverket")
        try await harness.test { client async throws in
            let citizen = try await newcomer(client)
            let kept = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("skv-1", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue,
                    type: "needsAction", extra: ["message": "Boka tid"]))
            #expect(kept.status == .accepted)
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/steps/residence-permit/complete", token: citizen.token)
            let reached = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(reached.steps["population-registration"] == "available")
            let receipt = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("skv-1", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue,
                    type: "needsAction", extra: ["message": "Boka tid"]))
            #expect(receipt.json["duplicate"] as? Bool == true)
            let refusedLater = try await harness.store.agencyEvent(agency: "skatteverket", messageID: "skv-1")
            #expect(refusedLater?.status == .refused && refusedLater?.outcome == "invalidTransition")
        }
    }

    @Test("kept events are applied by the sweep when the person moves on through another front end")
    func sweepAppliesEventsAfterCommandLineChanges() async throws {
        let skatteverket = try await harness.token(.agency, agency: "skatteverket")
        try await harness.test { client async throws in
            let citizen = try await newcomer(client)
            _ = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("skv-1", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue, type: "received"))
            // As `lotsen complete residence-permit` would: straight through the engine, which does not look at agency events.
            _ = try await harness.engine.apply(.complete, step: "residence-permit", person: citizen.person)
            let sweeper = PendingEventSweeper(services: harness.services, logger: harness.logger)
            await #expect(sweeper.sweep() == 1)
            await #expect(sweeper.sweep() == 0)
            let state = try await harness.store.enrollment(id: citizen.enrollment)
            #expect(state?.steps["population-registration"]?.state == .waitingOnAgency)
        }
    }

    @Test("a status read finds the events kept for a step another front end unlocked, applies them before showing the journey")
    func statusReadAppliesKeptEvents() async throws {
        let skatteverket = try await harness.token(.agency, agency: "skatteverket")
        try await harness.test { client async throws in
            let citizen = try await newcomer(client)
            await #expect(try harness.store.snapshot(containing: "en-unknown") == nil)
            await #expect(try harness.store.snapshot(containing: citizen.enrollment)?.hasPendingAgencyEvents == false)
            _ = try await client.send(.post, "/v1/agency-events", token: skatteverket,
                json: Self.event("skv-1", agency: "skatteverket", service: "skatteverket.folkbokforing", person: citizen.person.rawValue, type: "received"))
            _ = try await harness.engine.apply(.complete, step: "residence-permit", person: citizen.person)
            let loaded = try await #require(try harness.store.snapshot(containing: citizen.enrollment))
            #expect(loaded.hasPendingAgencyEvents)
            #expect(loaded.snapshot.enrollments.map(\.id) == [citizen.enrollment])
            #expect(loaded.snapshot.enrollments.first?.steps["population-registration"]?.state == .available)
            let shown = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(shown.steps["population-registration"] == "waitingOnAgency")
            await #expect(try harness.store.snapshot(containing: citizen.enrollment)?.hasPendingAgencyEvents == false)
            let again = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(again.text == shown.text)
        }
    }

    @Test("malformed and invalid events are refused naming the field")
    func invalidEvents() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let person = citizen.person.rawValue
            func send(_ body: [String: Any]) async throws -> Client.Reply { try await client.send(.post, "/v1/agency-events", token: agency, json: body) }

            let noDecision = try await send(Self.event("m", person: person, type: "decided"))
            #expect(noDecision.status == .badRequest)
            #expect(noDecision.errorField == "decision")
            let strayDecision = try await send(Self.event("m", person: person, type: "received", decision: "approved"))
            #expect(strayDecision.errorField == "decision")
            let badType = try await send(Self.event("m", person: person, type: "opened"))
            #expect(badType.status == .badRequest)
            #expect(badType.errorField == "type")
            let badLanguage = try await send(Self.event("m", person: person, type: "received", extra: ["language": "de"]))
            #expect(badLanguage.errorField == "language")
            let unknownField = try await send(Self.event("m", person: person, type: "received", extra: ["priority": 1]))
            #expect(unknownField.errorField == "priority")
            let blankID = try await send(Self.event("  ", person: person, type: "received"))
            #expect(blankID.errorField == "messageId")
            let unknownService = try await send(Self.event("m", service: "migrationsverket.moon-visa", person: person, type: "received"))
            #expect(unknownService.status == .unprocessableContent)
            #expect(unknownService.errorField == "service")
            let badPerson = try await send(Self.event("m", person: "19900101-0000", type: "received"))
            #expect(badPerson.status == .unprocessableContent)
            #expect(badPerson.errorField == "person")
            #expect(!badPerson.text.contains("19900101"))
            // Said from the journey files alone, the same for every person.
            let noSuchStep = try await send(Self.event("m", service: "migrationsverket.residence-permit", person: person, type: "received",
                extra: ["journey": "starting-a-business"]))
            #expect(noSuchStep.status == .unprocessableContent)
            #expect(noSuchStep.errorField == "journey")
        }
    }
}
