import Foundation
import HTTPTypes
import JourneyHTTP
import JourneyModel
import JourneyStore
import Testing

/// Everyone who touched a person's data through the API is in the person's journal, and the person reads it there.
@Suite("The access journal: every read, change and refused attempt on a person's data, read back by the person")
struct AccessJournalTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    /// The journal's entries as the API returns them.
    static func items(_ reply: Client.Reply) -> [[String: Any]] { reply.json["items"] as? [[String: Any]] ?? [] }

    @Test("attack 4: a caseworker's read and another citizen's refused attempt on A's journey are in A's journal, with no values")
    func caseworkerReadAndRefusedAttemptAreJournaled() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let a = try await harness.citizen(identity: OfficialTestNumbers.personnummer, client: client)
            let b = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
            #expect(try await client.send(.post, "/v1/enrollments/\(a.enrollment)/facts", token: a.token,
                json: ["answers": ["citizenship": "Tyskland"]]).status == .ok)
            #expect(try await client.send(.get, "/v1/enrollments/\(a.enrollment)", token: caseworker).status == .ok)
            #expect(try await client.send(.get, "/v1/enrollments/\(a.enrollment)", token: b.token).status == .notFound)

            // In the store, as `lotsen journal --person` reads it.
            let stored = try await harness.store.journal(person: a.person)
            let read = try #require(stored.first { $0.action == .read && $0.outcome == .completed })
            #expect(read.actor == .caseworker && read.requester?.role == .caseworker && read.journey == "new-in-sweden")
            #expect(read.requester?.purpose == "GET /v1/enrollments/{enrollmentId}")
            let refused = try #require(stored.first { $0.outcome == .refused })
            #expect(refused.action == .read && refused.requester?.role == .citizen && refused.detail == "forbidden")
            #expect(refused.requester?.purpose == "GET /v1/enrollments/{enrollmentId}")
            #expect(try await harness.store.verifyJournal(expectedHead: nil).isIntact)

            // Through the API, for A.
            let journal = try await client.send(.get, "/v1/people/\(a.person)/journal", token: a.token)
            #expect(journal.status == .ok)
            let items = Self.items(journal)
            #expect(items.map { $0["action"] as? String } == ["change", "change", "read", "read"])
            #expect(items.map { $0["role"] as? String } == ["person", "person", "caseworker", "citizen"])
            #expect(items.map { $0["outcome"] as? String } == ["completed", "completed", "completed", "refused"])
            #expect(items.allSatisfy { ($0["purpose"] as? String)?.hasPrefix("/") == false && ($0["fields"] as? [Any])?.isEmpty == true })
            #expect(!journal.text.contains("Tyskland") && !journal.text.contains(OfficialTestNumbers.personnummer.filter(\.isNumber)))
            // Reading the journal is in the journal too.
            let after = try await harness.requests(about: a.person)
            #expect(after.last?.requester?.purpose == "GET /v1/people/{personId}/journal")
        }
    }

    @Test("the journal comes a page at a time, oldest first; a cursor belongs to one person's journal")
    func journalPages() async throws {
        try await harness.test { client async throws in
            let a = try await harness.citizen(client: client)
            let b = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
            for _ in 0..<4 { #expect(try await client.send(.get, "/v1/enrollments/\(a.enrollment)", token: a.token).status == .ok) }
            var sequences: [Int] = []
            var cursor: String?
            repeat {
                let query = cursor.map { "&cursor=\($0)" } ?? ""
                let page = try await client.send(.get, "/v1/people/\(a.person)/journal?limit=2\(query)", token: a.token)
                #expect(page.status == .ok)
                let items = Self.items(page)
                #expect(items.count <= 2)
                sequences += items.compactMap { $0["sequence"] as? Int }
                cursor = page.json["nextCursor"] as? String
                if sequences.count > 20 { break }
            } while cursor != nil
            // The start, four reads, and the journal pages read before the last.
            #expect(sequences == sequences.sorted() && Set(sequences).count == sequences.count && sequences.count >= 5)

            let first = try await client.send(.get, "/v1/people/\(a.person)/journal?limit=1", token: a.token)
            let foreign = try #require(first.json["nextCursor"] as? String)
            let elsewhere = try await client.send(.get, "/v1/people/\(b.person)/journal?cursor=\(foreign)", token: b.token)
            #expect(elsewhere.status == .badRequest && elsewhere.errorField == "cursor")
            #expect(try await client.send(.get, "/v1/people/\(a.person)/journal?limit=0", token: a.token).errorField == "limit")
            #expect(try await client.send(.get, "/v1/people/\(a.person)/journal?since=1", token: a.token).errorCode == "unknownParameter")
        }
    }

    @Test("journal, facts, consents and news: the person and caseworkers read them, another citizen gets the 404 of no one, an agency 403")
    func whoReadsPersonData() async throws {
        let caseworker = try await harness.token(.caseworker)
        let agency = try await harness.token(.agency, agency: "skatteverket")
        try await harness.test { client async throws in
            let a = try await harness.citizen(client: client)
            let b = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
            for route in ["journal", "facts", "consents", "news"] {
                let path = "/v1/people/\(a.person)/\(route)"
                #expect(try await client.send(.get, path, token: a.token).status == .ok, "\(route)")
                #expect(try await client.send(.get, path, token: caseworker).status == .ok, "\(route)")
                #expect(try await client.send(.get, path, token: agency).status == .forbidden, "\(route)")
                let hidden = try await client.send(.get, path, token: b.token)
                let absent = try await client.send(.get, "/v1/people/lp-0000000000/\(route)", token: b.token)
                #expect(hidden.status == .notFound && hidden.text.replacingOccurrences(of: a.person.rawValue, with: "lp-0000000000") == absent.text)
                #expect(try await client.send(.get, "/v1/people/lp-0000000000/\(route)", token: caseworker).status == .notFound)
                #expect(try await client.send(.get, "/v1/people/\(OfficialTestNumbers.personnummer)/\(route)", token: caseworker).status == .badRequest)
            }
            let entries = try await harness.requests(about: a.person)
            #expect(entries.filter { $0.outcome == .completed && $0.action == .read }.count == 8)
            #expect(entries.filter { $0.outcome == .refused }.map { $0.requester?.role } == Array(repeating: [.agency, .citizen], count: 4).flatMap { $0 })
        }
    }

    @Test("facts come with where each came from")
    func factsWithProvenance() async throws {
        try await harness.test { client async throws in
            let a = try await harness.citizen(client: client)
            #expect(try await client.send(.post, "/v1/enrollments/\(a.enrollment)/facts", token: a.token,
                json: ["answers": ["citizenship": "Tyskland"]]).status == .ok)
            let reply = try await client.send(.get, "/v1/people/\(a.person)/facts", token: a.token)
            let facts = reply.json["facts"] as? [[String: Any]] ?? []
            let citizenship = try #require(facts.first { $0["id"] as? String == "citizenship" })
            #expect(citizenship["value"] as? String == "DE")
            #expect(citizenship["type"] as? String == "country")
            #expect(citizenship["source"] as? String == "person")
            #expect(citizenship["recordedAt"] is String)
        }
    }

    @Test("the person lists and withdraws their consents; a caseworker may not withdraw, another citizen finds nothing")
    func consentsListAndWithdraw() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let a = try await harness.citizen(client: client)
            let b = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
            let consent = Consent(person: a.person, journey: "new-in-sweden", step: "population-registration", service: "skatteverket.population-record",
                direction: .fetch, fields: ["fullName"], decision: .granted, decidedAt: Date())
            try await harness.store.recordConsent(consent, journal: AccessEntry(at: Date(), person: a.person, actor: .person, journey: "new-in-sweden",
                step: nil, service: consent.service, action: .consentGranted, fields: consent.fields, outcome: .completed, detail: consent.id))
            let listed = try await client.send(.get, "/v1/people/\(a.person)/consents", token: a.token)
            #expect(Self.items(listed).map { $0["id"] as? String } == [consent.id])
            #expect(Self.items(listed).first?["withdrawnAt"] == nil)

            let path = "/v1/people/\(a.person)/consents/\(consent.id)/withdraw"
            #expect(try await client.send(.post, path, token: caseworker).status == .forbidden)
            #expect(try await client.send(.post, path, token: b.token).errorCode == "unknownPerson")
            #expect(try await client.send(.post, "/v1/people/\(a.person)/consents/c-none/withdraw", token: a.token).errorCode == "unknownConsent")
            let withdrawn = try await client.send(.post, path, token: a.token)
            #expect(withdrawn.status == .ok && withdrawn.json["withdrawnAt"] is String)
            let entries = try await harness.store.journal(person: a.person)
            #expect(entries.contains { $0.action == .consentWithdrawn && $0.detail == consent.id })
            #expect(entries.contains { $0.action == .change && $0.requester?.purpose == "POST /v1/people/{personId}/consents/{consentId}/withdraw" })
        }
    }

    @Test("identical refusals are journaled once a minute; refusals about no one are not journaled at all")
    func refusalsAreBounded() async throws {
        try await harness.test { client async throws in
            let a = try await harness.citizen(client: client)
            let b = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
            for _ in 0..<20 { #expect(try await client.send(.get, "/v1/people/\(a.person)/journal", token: b.token).status == .notFound) }
            #expect(try await harness.requests(about: a.person).filter { $0.outcome == .refused }.count == 1)
            harness.advance(days: 1.0 / 1440)
            #expect(try await client.send(.get, "/v1/people/\(a.person)/journal", token: b.token).status == .notFound)
            #expect(try await harness.requests(about: a.person).filter { $0.outcome == .refused }.count == 2)

            let before = try await harness.store.journal(person: nil).count
            for index in 0..<10 { _ = try await client.send(.get, "/v1/people/lp-000000000\(index)/journal", token: b.token) }
            _ = try await client.send(.get, "/v1/enrollments/le-0000000000", token: b.token)
            #expect(try await harness.store.journal(person: nil).count == before)
        }
    }
}
