import Foundation
import HTTPTypes
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

/// A guardian acts for their child under 18 while Skatteverket's population register, asked at each request over
/// loopback HTTP (the sandbox), shows their custody; both guardians may; everyone else gets the 404 of a stranger.
@Suite("Guardians: a parent with custody acts for their child under 18, checked against the register at each request")
struct GuardianTests {
    /// Both guardians of the sandbox's child, proven, with their tokens, and the child's record as the register links it.
    struct Family {
        let first: Citizen
        let second: Citizen
        let child: PersonID
    }

    static func forChild(_ child: PersonID) -> HTTPFields { [HTTPField.Name("Lotsen-Guardian-For")!: child.rawValue] }

    /// A proven citizen with no journey yet, as after an eID login, and their token.
    static func proven(_ number: String, harness: Harness) async throws -> Citizen {
        let person = try await harness.engine.prove(ProvenIdentity(number: try Personnummer(parsing: number), proof: MandateTests.login))
        return Citizen(token: try await harness.token(.citizen, person: person.id), person: person.id, enrollment: "")
    }

    /// The two guardians log in, list their children, and find the same child; the child has a journey a guardian started.
    static func family(_ harness: Harness, client: Client) async throws -> Family {
        let first = try await proven(SandboxSeed.registeredPerson, harness: harness)
        let second = try await proven(SandboxSeed.secondGuardian, harness: harness)
        let listed = try await client.send(.get, "/v1/people/\(first.person)/children", token: first.token)
        #expect(listed.status == .ok, "\(listed.text)")
        #expect(!listed.text.contains(SandboxSeed.child), "the answer names the child by reference only")
        let items = try #require(listed.json["items"] as? [[String: Any]])
        #expect(items.count == 1 && items.first?["adultOn"] as? String == "2037-01-01")
        let child = PersonID(try #require(items.first?["person"] as? String))
        let started = try await client.send(.post, "/v1/enrollments", token: first.token, json: ["journey": "new-in-sweden"], headers: forChild(child))
        #expect(started.status == .created, "\(started.text)")
        #expect(started.string("person") == child.rawValue)
        return Family(first: first, second: second, child: child)
    }

    /// The child's enrollment id.
    static func enrollment(of child: PersonID, _ harness: Harness) async throws -> EnrollmentID {
        try #require(try await harness.engine.overview(.id(child)).enrollments.first).enrollment.id
    }

    @Test("both guardians act for the child; every event and journal entry names the guardian, and the child's journal shows it")
    func bothGuardiansAct() async throws {
        try await SandboxRegisterOnLoopback.with { register in
            let harness = try Harness(custody: register.custody)
            try await harness.test { client async throws in
                let family = try await Self.family(harness, client: client)
                let listed = try await client.send(.get, "/v1/people/\(family.second.person)/children", token: family.second.token)
                let secondsChildren = (listed.json["items"] as? [[String: Any]] ?? []).compactMap { $0["person"] as? String }
                #expect(secondsChildren.contains(family.child.rawValue) && secondsChildren.count == 2, "the second guardian has two children")
                let enrollment = try await Self.enrollment(of: family.child, harness)
                let answered = try await client.send(.post, "/v1/enrollments/\(enrollment)/facts", token: family.second.token,
                    json: ["answers": ["citizenship": "USA"]], headers: Self.forChild(family.child))
                #expect(answered.status == .ok, "\(answered.text)")
                let read = try await client.send(.get, "/v1/enrollments/\(enrollment)", token: family.first.token, headers: Self.forChild(family.child))
                #expect(read.status == .ok)

                let events = try await harness.store.events(enrollment: enrollment)
                #expect(events.first { $0.kind == .enrolled }?.representation == .guardian(family.first.person))
                #expect(events.contains { $0.kind == .factRecorded && $0.representation == .guardian(family.second.person) })
                #expect(events.allSatisfy { $0.representation?.isGuardian == true })

                let requests = try await harness.requests(about: family.child)
                #expect(!requests.isEmpty && requests.allSatisfy { $0.requester?.role == .guardian && $0.requester?.representation?.isGuardian == true })
                #expect(Set(requests.compactMap { $0.requester?.representation?.representative }) == [family.first.person, family.second.person])

                // The child's journal, read by a guardian for them, says who acted and as what.
                let journal = try await client.send(.get, "/v1/people/\(family.child)/journal", token: family.first.token,
                    headers: Self.forChild(family.child))
                #expect(journal.status == .ok)
                let roles = (journal.json["items"] as? [[String: Any]] ?? []).compactMap { $0["role"] as? String }
                #expect(roles.contains("guardian") && !roles.contains("person"))
                #expect(try await harness.store.verifyJournal(expectedHead: nil).isIntact)
            }
        }
    }

    @Test("a citizen who is no one's guardian gets for the child what a stranger gets: 404, journaled for the child")
    func notAGuardianIsRefused() async throws {
        try await SandboxRegisterOnLoopback.with { register in
            let harness = try Harness(custody: register.custody)
            try await harness.test { client async throws in
                let family = try await Self.family(harness, client: client)
                let enrollment = try await Self.enrollment(of: family.child, harness)
                // Sam has a population record and no custody of anyone.
                let stranger = try await Self.proven(SandboxSeed.coordinationNumberPerson, harness: harness)
                let plain = try await client.send(.get, "/v1/enrollments/\(enrollment)", token: stranger.token)
                let claiming = try await client.send(.get, "/v1/enrollments/\(enrollment)", token: stranger.token, headers: Self.forChild(family.child))
                #expect(claiming.status == .notFound && claiming.text == plain.text)
                let starting = try await client.send(.post, "/v1/enrollments", token: stranger.token, json: ["journey": "new-in-sweden"],
                    headers: Self.forChild(family.child))
                #expect(starting.status == .notFound)
                #expect(try await harness.requests(about: family.child).contains { $0.outcome == .refused && $0.requester?.role == .citizen })
            }
        }
    }

    @Test("a parent naming another parent's child is refused with the same 404")
    func anotherParentsChildIsRefused() async throws {
        try await SandboxRegisterOnLoopback.with { register in
            let harness = try Harness(custody: register.custody)
            try await harness.test { client async throws in
                let family = try await Self.family(harness, client: client)
                // The second guardian's other child, Sam, is in their custody only.
                let listed = try await client.send(.get, "/v1/people/\(family.second.person)/children", token: family.second.token)
                let other = try #require((listed.json["items"] as? [[String: Any]] ?? []).compactMap { $0["person"] as? String }
                    .first { $0 != family.child.rawValue })
                let asGuardian = try await client.send(.get, "/v1/people/\(other)", token: family.second.token, headers: Self.forChild(PersonID(other)))
                #expect(asGuardian.status == .ok)
                let asOtherParent = try await client.send(.get, "/v1/people/\(other)", token: family.first.token, headers: Self.forChild(PersonID(other)))
                let asStranger = try await client.send(.get, "/v1/people/\(other)", token: family.first.token)
                #expect(asOtherParent.status == .notFound && asOtherParent.text == asStranger.text)
                // Naming one child while asking about another counts for neither.
                let mismatched = try await client.send(.get, "/v1/people/\(other)", token: family.second.token, headers: Self.forChild(family.child))
                #expect(mismatched.status == .notFound)
            }
        }
    }

    @Test("on the day the child turns 18 no one acts for them as a guardian, though the register still lists the custody")
    func childTurnedEighteenIsRefused() async throws {
        try await SandboxRegisterOnLoopback.with { register in
            let harness = try Harness(custody: register.custody)
            try await harness.test { client async throws in
                let family = try await Self.family(harness, client: client)
                let enrollment = try await Self.enrollment(of: family.child, harness)
                // The child was born 2019-01-01: of age from 2037-01-01, a day in Sweden (UTC+1 in winter).
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = try #require(TimeZone(identifier: "Europe/Stockholm"))
                let lastDay = try #require(calendar.date(from: DateComponents(year: 2036, month: 12, day: 31, hour: 23, minute: 30)))
                harness.advance(days: lastDay.timeIntervalSince(harness.now) / 86_400)
                let before = try await client.send(.get, "/v1/enrollments/\(enrollment)", token: family.first.token, headers: Self.forChild(family.child))
                #expect(before.status == .ok, "the last day under 18")
                harness.advance(days: 1.0 / 24)
                let after = try await client.send(.get, "/v1/enrollments/\(enrollment)", token: family.first.token, headers: Self.forChild(family.child))
                #expect(after.status == .notFound, "at 00:30 on the 18th birthday in Sweden")
                let listed = try await client.send(.get, "/v1/people/\(family.first.person)/children", token: family.first.token)
                #expect((listed.json["items"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test("custody that ends in the register stops the guardian at their next request; the other guardian goes on")
    func endedCustodyIsRefused() async throws {
        try await SandboxRegisterOnLoopback.with { register in
            let harness = try Harness(custody: register.custody)
            try await harness.test { client async throws in
                let family = try await Self.family(harness, client: client)
                let enrollment = try await Self.enrollment(of: family.child, harness)
                let path = "/v1/enrollments/\(enrollment)"
                #expect(try await client.send(.get, path, token: family.first.token, headers: Self.forChild(family.child)).status == .ok)
                register.sandbox.setCustody(false, guardian: try Personnummer(parsing: SandboxSeed.registeredPerson),
                    child: try Personnummer(parsing: SandboxSeed.child))
                #expect(try await client.send(.get, path, token: family.first.token, headers: Self.forChild(family.child)).status == .notFound)
                #expect(try await client.send(.get, path, token: family.second.token, headers: Self.forChild(family.child)).status == .ok)
            }
        }
    }

    @Test("when the register cannot be asked, every guardian is refused with 503 custodyUnavailable, never let through")
    func unreachableRegisterFailsClosed() async throws {
        try await SandboxRegisterOnLoopback.with { register in
            let harness = try Harness(custody: register.custody)
            try await harness.test { client async throws in
                let family = try await Self.family(harness, client: client)
                let enrollment = try await Self.enrollment(of: family.child, harness)
                try register.sandbox.setBehaviour(SandboxBehaviour(failNext: 100), agency: "skatteverket", service: "custody-record")
                let refused = try await client.send(.get, "/v1/enrollments/\(enrollment)", token: family.first.token,
                    headers: Self.forChild(family.child))
                #expect(refused.status == .serviceUnavailable && refused.errorCode == "custodyUnavailable")
                #expect(!refused.text.contains(SandboxSeed.child))
                // A reference that does not exist gets the same: the register is asked before anything about the child.
                let unknown = try await client.send(.get, "/v1/people/lp-nobody", token: family.first.token, headers: Self.forChild("lp-nobody"))
                #expect(unknown.status == .serviceUnavailable && unknown.errorCode == "custodyUnavailable")
                let listing = try await client.send(.get, "/v1/people/\(family.first.person)/children", token: family.first.token)
                #expect(listing.status == .serviceUnavailable)
            }
        }
        // A server with no register wired refuses guardians the same way.
        let unwired = try Harness()
        try await unwired.test { client async throws in
            let guardian = try await Self.proven(SandboxSeed.registeredPerson, harness: unwired)
            let reply = try await client.send(.get, "/v1/people/lp-any", token: guardian.token, headers: Self.forChild("lp-any"))
            #expect(reply.status == .serviceUnavailable && reply.errorCode == "custodyUnavailable")
        }
    }

    @Test("a guardian cannot grant a mandate, withdraw a consent or decide an offer in the child's name: 404 as for a stranger")
    func guardianScopeIsTheChildsJourneys() async throws {
        try await SandboxRegisterOnLoopback.with { register in
            let harness = try Harness(custody: register.custody)
            try await harness.test { client async throws in
                let family = try await Self.family(harness, client: client)
                let granted = try await client.send(.post, "/v1/people/\(family.child)/mandates", token: family.first.token,
                    json: ["representative": family.second.person.rawValue, "journeys": ["new-in-sweden"], "until": "2026-06-30"],
                    headers: Self.forChild(family.child))
                #expect(granted.status == .notFound)
                #expect(try await harness.store.mandates(of: family.child).isEmpty)
            }
        }
    }
}
