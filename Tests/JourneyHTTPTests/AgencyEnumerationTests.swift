import Foundation
import HTTPTypes
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

/// Issue 15, "Why" 3: an agency token learnt from the answer to an event whether a person uses Lotsen (404
/// unknownPerson), which journeys they had not started (422 notEnrolled), their answers ("its condition does not
/// hold for you") and a step's state. Each test failed before every accepted event got the same answer.
@Suite("No enumeration: an agency's answer is the same whoever the event is about")
struct AgencyEnumerationTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static func event(_ messageID: String, person: String, type: String = "received") -> [String: Any] {
        AgencyEventTests.event(messageID, person: person, type: type)
    }

    /// A person enrolled in `journey` through the engine, with `answers`; their Lotsen reference.
    func person(in journey: JourneyID = "new-in-sweden", answers: [(fact: FactID, text: String)] = []) async throws -> String {
        let person = try await harness.engine.enroll(.new, in: journey).enrollment.person
        if !answers.isEmpty { _ = try await harness.engine.answer(person: person, answers: answers) }
        return person.rawValue
    }

    /// The answer with what differs between any two events by design (the message id) taken out.
    static func shape(_ reply: Client.Reply, messageID: String) -> String {
        reply.text.replacingOccurrences(of: messageID, with: "MESSAGE")
    }

    /// Header names, without the request's own id.
    static func headerNames(_ reply: Client.Reply) -> Set<String> {
        Set(reply.headers.map { $0.name.canonicalName.lowercased() }).subtracting(["x-request-id"])
    }

    @Test("an event about someone unknown, not enrolled, or whose step does not apply is answered as one that is applied or waits")
    func everyEventGetsTheSameAnswer() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let reachable = try await person(answers: [("citizenship", "India"), ("fullName", "Test Testsson"), ("passportNumber", "X1234567"),
                ("permitGround", "work")])
            let locked = try await person()
            let notApplicable = try await person(answers: [("citizenship", "Germany")])
            let notEnrolled = try await person(in: "starting-a-business")
            let people: [(String, String)] = [
                ("applied", reachable), ("waiting", locked), ("notApplicable", notApplicable), ("notEnrolled", notEnrolled),
                ("unknownReference", "lp-nobody"), ("unknownNumber", OfficialTestNumbers.centenarianPersonnummer),
            ]
            var shapes: [String: String] = [:]
            var headers: [String: Set<String>] = [:]
            for (name, person) in people {
                let reply = try await client.send(.post, "/v1/agency-events", token: agency, json: Self.event("mig-\(name)", person: person))
                #expect(reply.status == .accepted, "\(name): \(reply.status)")
                #expect(reply.json["duplicate"] as? Bool == false, "\(name)")
                let shape = Self.shape(reply, messageID: "mig-\(name)")
                for leak in ["enrollment", "step", "outcome", "lp-", OfficialTestNumbers.centenarianPersonnummer, "pending", "applied"] {
                    #expect(!shape.contains(leak), "\(name) says '\(leak)': \(reply.text)")
                }
                shapes[name] = shape
                headers[name] = Self.headerNames(reply)
                let again = try await client.send(.post, "/v1/agency-events", token: agency, json: Self.event("mig-\(name)", person: person))
                #expect(again.status == .accepted && again.json["duplicate"] as? Bool == true, "\(name) again")
                #expect(again.string("receivedAt") == reply.string("receivedAt"), "\(name) again")
            }
            #expect(Set(shapes.values).count == 1, "\(shapes)")
            #expect(Set(headers.values).count == 1, "\(headers)")

            // Applied all the same, and kept where it cannot be: nothing was refused or lost.
            let applied = try await harness.engine.overview(.id(PersonID(reachable)))
            #expect(applied.enrollments.first?.plan.status(of: "residence-permit")?.state == .waitingOnAgency)
            #expect(try await harness.store.agencyEvent(agency: "migrationsverket", messageID: "mig-waiting")?.status == .pending)
            #expect(try await harness.store.agencyEvent(agency: "migrationsverket", messageID: "mig-notApplicable")?.status == .pending)
            for name in ["notEnrolled", "unknownReference", "unknownNumber"] {
                #expect(try await harness.store.unmatchedAgencyEvent(agency: "migrationsverket", messageID: "mig-\(name)") != nil, "\(name)")
            }
        }
    }

    @Test("a refused transition is not the agency's answer either: a request for action on a step never sent is kept, then refused quietly")
    func refusedTransitionsSayNothing() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let reachable = try await person(answers: [("citizenship", "India"), ("fullName", "Test Testsson"), ("passportNumber", "X1234567"),
                ("permitGround", "work")])
            let reply = try await client.send(.post, "/v1/agency-events", token: agency,
                json: AgencyEventTests.event("mig-early", person: reachable, type: "needsAction", extra: ["message": "Skicka passkopia"]))
            #expect(reply.status == .accepted)
            #expect(!reply.text.contains("invalidTransition") && !reply.text.contains("available"))
            _ = try await harness.engine.applyPendingAgencyEvents(person: PersonID(reachable), events: harness.store)
            let kept = try await harness.store.agencyEvent(agency: "migrationsverket", messageID: "mig-early")
            #expect(kept?.status == .refused && kept?.outcome == "invalidTransition")
        }
    }

    @Test("an event kept for someone Lotsen did not know applies once they start the journey; kept events expire after their time")
    func keptEventsMatchLaterOrExpire() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let sweeper = PendingEventSweeper(services: harness.services, logger: harness.logger)
            let later = OfficialTestNumbers.samordningsnummer
            _ = try await client.send(.post, "/v1/agency-events", token: agency, json: Self.event("mig-later", person: later))
            _ = try await client.send(.post, "/v1/agency-events", token: agency, json: Self.event("mig-never", person: OfficialTestNumbers.leapDayPersonnummer))
            let locked = try await person()
            _ = try await client.send(.post, "/v1/agency-events", token: agency, json: Self.event("mig-locked", person: locked))
            await #expect(sweeper.sweep() == 0)

            let citizen = try await harness.citizen(identity: later, client: client)
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token, json: ["answers": ["citizenship": "India", "fullName": "Test Testsson", "passportNumber": "X1234567", "permitGround": "work"]])
            await #expect(sweeper.sweep() == 1)
            #expect(try await harness.store.unmatchedAgencyEvent(agency: "migrationsverket", messageID: "mig-later") == nil)
            let matched = try await harness.store.agencyEvent(agency: "migrationsverket", messageID: "mig-later")
            #expect(matched?.person == citizen.person && matched?.status == .applied)
            let shown = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(shown.steps["residence-permit"] == "waitingOnAgency")

            harness.advance(days: 31)
            await #expect(sweeper.sweep() == 2)
            #expect(try await harness.store.unmatchedAgencyEvent(agency: "migrationsverket", messageID: "mig-never") == nil)
            let expired = try await harness.store.agencyEvent(agency: "migrationsverket", messageID: "mig-locked")
            #expect(expired?.status == .refused && expired?.outcome == StoredAgencyEvent.expired)
        }
    }
}
