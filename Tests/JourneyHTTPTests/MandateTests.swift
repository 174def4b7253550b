import Foundation
import HTTPTypes
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

/// A representative acts for a person under a mandate, inside its scope and time only, and the person sees it.
@Suite("Mandates: an ombud acts for a person within the mandate's scope and time, recorded as acting for them")
struct MandateTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static let login = IdentityProof(method: .eid, issuer: "https://idp.test", assurance: "http://id.elegnamnden.se/loa/1.0/loa3",
        provenAt: Date(timeIntervalSince1970: 1_767_225_600))

    /// A citizen with a journey started and their number proven, as after an eID login.
    func provenCitizen(_ number: String, journey: String = "new-in-sweden", client: Client) async throws -> Citizen {
        let citizen = try await harness.citizen(identity: number, journey: journey, client: client)
        _ = try await harness.engine.prove(ProvenIdentity(number: try Personnummer(parsing: number), proof: Self.login), person: citizen.person)
        return citizen
    }

    /// Grants a mandate through the API and returns its id.
    func grant(_ grantor: Citizen, to representative: Citizen, _ scope: [String: Any], client: Client) async throws -> String {
        var body = scope
        body["representative"] = representative.person.rawValue
        let reply = try await client.send(.post, "/v1/people/\(grantor.person)/mandates", token: grantor.token, json: body)
        #expect(reply.status == .created, "\(reply.text)")
        return reply.string("id")
    }

    static func under(_ mandate: String) -> HTTPFields { [HTTPField.Name("Lotsen-Mandate")!: mandate] }

    @Test("inside the scope the representative reads, answers and moves steps; each event and journal entry names them and the mandate")
    func representativeActsWithinScope() async throws {
        try await harness.test { client async throws in
            let a = try await provenCitizen(OfficialTestNumbers.personnummer, client: client)
            let b = try await provenCitizen(OfficialTestNumbers.leapDayPersonnummer, journey: "starting-a-business", client: client)
            let mandate = try await grant(a, to: b, ["journeys": ["new-in-sweden"], "until": "2026-06-30"], client: client)
            #expect(mandate.hasPrefix("md-"))

            // Without naming the mandate, B is any other citizen.
            #expect(try await client.send(.get, "/v1/enrollments/\(a.enrollment)", token: b.token).status == .notFound)
            let read = try await client.send(.get, "/v1/enrollments/\(a.enrollment)", token: b.token, headers: Self.under(mandate))
            #expect(read.status == .ok && read.string("person") == a.person.rawValue)
            let answered = try await client.send(.post, "/v1/enrollments/\(a.enrollment)/facts", token: b.token,
                json: ["answers": ["citizenship": "USA", "fullName": "Test Testsson", "passportNumber": "X1234567", "permitGround": "work"]], headers: Self.under(mandate))
            #expect(answered.status == .ok, "\(answered.text)")
            let started = try await client.send(.post, "/v1/enrollments/\(a.enrollment)/steps/residence-permit/start", token: b.token,
                headers: Self.under(mandate))
            #expect(started.status == .ok, "\(started.text)")

            let acting = Representation(representative: b.person, mandate: mandate)
            let events = try await harness.store.events(enrollment: a.enrollment)
            let byB = events.filter { $0.representation != nil }
            #expect(byB.contains { $0.kind == .factRecorded } && byB.contains { $0.kind == .stepProgressed && $0.step == "residence-permit" })
            #expect(byB.allSatisfy { $0.representation == acting })
            #expect(events.first?.representation == nil)

            // A reads who acted for them.
            let journal = try await client.send(.get, "/v1/people/\(a.person)/journal", token: a.token)
            let items = AccessJournalTests.items(journal)
            #expect(items.contains { $0["action"] as? String == "mandateGranted" && $0["detail"] as? String == mandate })
            let acted = items.filter { $0["role"] as? String == "representative" }
            #expect(acted.map { $0["action"] as? String } == ["read", "change", "change"])
            #expect(acted.allSatisfy { $0["representative"] as? String == b.person.rawValue && $0["mandate"] as? String == mandate })
            // B is told too.
            #expect(try await harness.store.journal(person: b.person).contains { $0.action == .mandateGranted && $0.detail == mandate })
            #expect(try await harness.store.verifyJournal(expectedHead: nil).isIntact)
        }
    }

    @Test("attack: outside the scope, before the start, after the end, after withdrawal or under another's mandate, the representative gets the 404 of no enrollment")
    func representativeRefusedOutsideTheMandate() async throws {
        try await harness.test { client async throws in
            let a = try await provenCitizen(OfficialTestNumbers.personnummer, client: client)
            let b = try await provenCitizen(OfficialTestNumbers.leapDayPersonnummer, journey: "starting-a-business", client: client)
            let c = try await provenCitizen(OfficialTestNumbers.samordningsnummer, journey: "starting-a-business", client: client)
            #expect(try await client.send(.post, "/v1/enrollments/\(a.enrollment)/facts", token: a.token,
                json: ["answers": ["citizenship": "USA", "fullName": "Test Testsson", "passportNumber": "X1234567", "permitGround": "work"]]).status == .ok)
            let unrelated = try await client.send(.get, "/v1/enrollments/\(a.enrollment)", token: c.token)
            #expect(unrelated.status == .notFound)

            func refused(_ method: HTTPRequest.Method, _ path: String, by citizen: Citizen, under mandate: String, json: Any? = nil) async throws {
                let reply = try await client.send(method, path, token: citizen.token, json: json, headers: Self.under(mandate))
                #expect(reply.status == .notFound && reply.text == unrelated.text, "\(method) \(path): \(reply.status) \(reply.text)")
            }
            let enrollment = "/v1/enrollments/\(a.enrollment)"

            // Another journey only: nothing of new-in-sweden.
            let otherJourney = try await grant(a, to: b, ["journeys": ["starting-a-business"], "until": "2026-06-30"], client: client)
            try await refused(.get, enrollment, by: b, under: otherJourney)
            try await refused(.post, "\(enrollment)/facts", by: b, under: otherJourney, json: ["answers": ["citizenship": "Tyskland"]])
            // One service: that step moves, no other.
            let permitOnly = try await grant(a, to: b, ["services": ["migrationsverket.residence-permit"], "until": "2026-06-30"], client: client)
            try await refused(.post, "\(enrollment)/steps/id-card/skip", by: b, under: permitOnly)
            #expect(try await client.send(.post, "\(enrollment)/steps/residence-permit/start", token: b.token,
                headers: Self.under(permitOnly)).status == .ok)
            // Not started yet.
            let later = try await grant(a, to: b, ["journeys": ["new-in-sweden"], "from": "2026-02-01", "until": "2026-06-30"], client: client)
            try await refused(.get, enrollment, by: b, under: later)
            // Forged: C names B's mandate; B names one that does not exist.
            let full = try await grant(a, to: b, ["journeys": ["new-in-sweden"], "until": "2026-01-10"], client: client)
            try await refused(.get, enrollment, by: c, under: full)
            try await refused(.get, enrollment, by: b, under: "md-doesnotexist")
            #expect(try await client.send(.get, enrollment, token: b.token, headers: Self.under(full)).status == .ok)
            // Withdrawn.
            let withdrawn = try await client.send(.post, "/v1/people/\(a.person)/mandates/\(later)/withdraw", token: a.token)
            #expect(withdrawn.status == .ok && withdrawn.string("status") == "withdrawn")
            harness.advance(days: 40)
            try await refused(.get, enrollment, by: b, under: later)
            // Ended: the last day was 2026-01-10.
            try await refused(.get, enrollment, by: b, under: full)
            try await refused(.post, "\(enrollment)/steps/id-card/skip", by: b, under: full)

            let refusals = try await harness.requests(about: a.person).filter { $0.outcome == .refused }
            #expect(!refusals.isEmpty && refusals.allSatisfy { $0.requester?.role == .citizen && $0.requester?.representation == nil })
        }
    }

    @Test("only a proven person grants, to a proven person; the API tells no one whether a reference exists")
    func grantingNeedsProof() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let a = try await harness.citizen(identity: OfficialTestNumbers.personnummer, client: client)
            let b = try await provenCitizen(OfficialTestNumbers.leapDayPersonnummer, journey: "starting-a-business", client: client)
            let scope: [String: Any] = ["journeys": ["new-in-sweden"], "until": "2026-06-30"]
            // A has not proved their number.
            let unproven = try await client.send(.post, "/v1/people/\(a.person)/mandates", token: a.token,
                json: scope.merging(["representative": b.person.rawValue]) { $1 })
            #expect(unproven.status == .forbidden && unproven.errorCode == "notProven")
            _ = try await harness.engine.prove(ProvenIdentity(number: try Personnummer(parsing: OfficialTestNumbers.personnummer), proof: Self.login),
                person: a.person)
            // An unknown reference and an unproven person get the same answer.
            let c = try await harness.citizen(identity: OfficialTestNumbers.samordningsnummer, journey: "starting-a-business", client: client)
            let toUnproven = try await client.send(.post, "/v1/people/\(a.person)/mandates", token: a.token,
                json: scope.merging(["representative": c.person.rawValue]) { $1 })
            let toNobody = try await client.send(.post, "/v1/people/\(a.person)/mandates", token: a.token,
                json: scope.merging(["representative": "lp-nobody00000"]) { $1 })
            #expect(toUnproven.status == .unprocessableContent && toUnproven.errorField == "representative")
            #expect(toUnproven.text == toNobody.text)
            // Nobody grants for someone else.
            let byB = try await client.send(.post, "/v1/people/\(a.person)/mandates", token: b.token,
                json: scope.merging(["representative": b.person.rawValue]) { $1 })
            #expect(byB.status == .notFound)
            let byCaseworker = try await client.send(.post, "/v1/people/\(a.person)/mandates", token: caseworker,
                json: scope.merging(["representative": b.person.rawValue]) { $1 })
            #expect(byCaseworker.status == .forbidden)
            // Nor withdraws: B cannot withdraw what A granted.
            let mandate = try await grant(a, to: b, scope, client: client)
            #expect(try await client.send(.post, "/v1/people/\(b.person)/mandates/\(mandate)/withdraw", token: b.token).status == .notFound)
            #expect(try await harness.store.mandate(id: mandate)?.withdrawnAt == nil)
        }
    }

    @Test("both people and caseworkers list a mandate; one ending within 14 days says it expires soon")
    func listingShowsExpiry() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let a = try await provenCitizen(OfficialTestNumbers.personnummer, client: client)
            let b = try await provenCitizen(OfficialTestNumbers.leapDayPersonnummer, journey: "starting-a-business", client: client)
            let soon = try await grant(a, to: b, ["journeys": ["new-in-sweden"], "until": "2026-01-10"], client: client)
            harness.advance(days: 1.0 / 24)
            let long = try await grant(a, to: b, ["services": ["skatteverket.id-card"], "until": "2026-12-31"], client: client)
            for (person, token) in [(a.person, a.token), (b.person, b.token), (a.person, caseworker)] {
                let list = try await client.send(.get, "/v1/people/\(person)/mandates", token: token)
                #expect(list.status == .ok)
                let items = AccessJournalTests.items(list)
                #expect(items.map { $0["id"] as? String } == [soon, long])
                #expect(items.map { $0["expiresSoon"] as? Bool } == [true, false])
                #expect(items.first?["from"] as? String == "2026-01-01" && items.first?["until"] as? String == "2026-01-10")
            }
            let c = try await provenCitizen(OfficialTestNumbers.samordningsnummer, journey: "starting-a-business", client: client)
            #expect(try await client.send(.get, "/v1/people/\(a.person)/mandates", token: c.token).status == .notFound)
        }
    }
}
